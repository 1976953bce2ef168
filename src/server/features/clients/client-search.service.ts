import type { ClientListItem, DuplicateCandidate, DuplicateCheckInput, ListClientsQuery, MatchReason } from '../../../shared/index.js';
import type { Tx } from '../../../db/open-database.js';
import type { Ctx } from '../../http/context.js';
import { clientListScope } from '../access/branch-scope.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { selectDuplicatePool, selectSearchPage } from './client-search.repo.js';
import { toClientSummary } from './client-summary.js';
import { type ClientRow, type ScopedClientsQuery, selectClientPage } from './clients.repo.js';
import { nameReasons } from './match-reasons.js';
import { isEmptyQuery, nameFieldWords, parseSearchQuery, phoneDigitsOf, type SearchQuery } from './search-query.js';

/**
 * The client list: a page of the register, or with `q` the clients found, best match first. Every
 * request is one `client.searched` entry with the ids it returned, empty results too (decision 016).
 */
export async function findClients(ctx: Ctx, listQuery: ListClientsQuery): Promise<{ items: ClientListItem[]; total: number }> {
  // Someone kept to their own branch lists only the clients in their scope (decision 022).
  const found = await listClients(ctx, { ...listQuery, scope: await clientListScope(ctx) });
  const { q, limit, offset, ...filters } = listQuery;
  const search = q === undefined ? null : parseSearchQuery(q);
  await recordAudit(ctx.db, ctx, {
    action: 'client.searched',
    entityType: 'client',
    clientIds: found.items.map((item) => item.id),
    // What was searched by, never the words: a name or phone typed here is personal data (decision 004).
    details: {
      view: search ? 'search' : 'list',
      ...(search ? { searchedBy: searchedBy(search) } : {}),
      filters,
      limit,
      offset,
      total: found.total,
    },
  });
  return found;
}

function searchedBy(search: SearchQuery): string[] {
  return [
    ...(search.nameWords.length > 0 ? ['name'] : []),
    ...(search.clientNumbers.length > 0 ? ['client_number'] : []),
    ...(search.phoneDigits ? ['phone'] : []),
    ...(search.email ? ['email'] : []),
    ...(search.dateOfBirth ? ['date_of_birth'] : []),
    ...(search.yearOfBirth !== null ? ['year_of_birth'] : []),
  ];
}

async function listClients(ctx: Ctx, query: ScopedClientsQuery): Promise<{ items: ClientListItem[]; total: number }> {
  if (query.q === undefined) {
    const rows = await selectClientPage(ctx.db, query);
    const total =
      rows[0]?.total ?? (query.offset > 0 ? ((await selectClientPage(ctx.db, { ...query, offset: 0, limit: 1 }))[0]?.total ?? 0) : 0);
    return { items: rows.map((r) => toClientSummary(r.client)), total };
  }
  const search = parseSearchQuery(query.q);
  // Text that names nothing (emoji, punctuation) finds nobody rather than everybody.
  if (isEmptyQuery(search)) return { items: [], total: 0 };
  const rows = await selectSearchPage(ctx.db, search, query);
  // Past the last page there is no row to carry the count: ask for it from the first page.
  const total =
    rows[0]?.total ?? (query.offset > 0 ? ((await selectSearchPage(ctx.db, search, { ...query, offset: 0, limit: 1 }))[0]?.total ?? 0) : 0);
  return {
    items: rows.map(({ client, score }) => ({
      ...toClientSummary(client),
      match: { score: roundScore(score), reasons: searchReasons(search, client) },
    })),
    total,
  };
}

function searchReasons(search: SearchQuery, client: ClientRow): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (search.clientNumbers.length > 0) {
    reasons.push(search.clientNumbers.includes(client.clientNumber) ? 'client_number' : 'merged_client_number');
  }
  if (search.phoneDigits) reasons.push('phone');
  if (search.email) reasons.push('email');
  if (search.dateOfBirth) reasons.push('date_of_birth');
  if (search.yearOfBirth !== null) reasons.push('year_of_birth');
  return [...nameReasons(search.nameWords, client), ...reasons];
}

const roundScore = (score: number) => Math.min(1, Math.max(0, Math.round(score * 100) / 100));

/** Most candidates a duplicate check returns. */
const maxCandidates = 10;
/** Below this the names are too far apart to offer the client, unless a phone or e-mail is the same. */
const minNameScore = 0.7;
/** From this the names are the same, in any script, scheme or order. */
const sameNameScore = 0.9;

/**
 * Existing clients the described person may be, best first, each with a score and reasons: the names
 * compared by keys in every script and scheme, in either order, typos too; then the birth date and
 * citizenship, which make a namesake likelier or less likely the same person; and the phone and e-mail.
 * `likely` means the same names (or contact and similar names) with no birth date against it, on an
 * active record: registering such a person needs a confirmation.
 */
export async function findDuplicateCandidates(tx: Tx, input: DuplicateCheckInput): Promise<DuplicateCandidate[]> {
  // A name with nothing to compare (a single-name person's "-" or ".") is left out of its slot.
  const alternatives = (latin: string, native: string | null | undefined) =>
    [latin, native]
      .filter((v): v is string => !!v?.trim())
      .map(nameFieldWords)
      .filter((words) => words.length > 0);
  const given = alternatives(input.givenName, input.givenNameNative);
  const family = alternatives(input.familyName, input.familyNameNative);
  const phoneDigits = input.phone ? phoneDigitsOf(input.phone) : null;
  const email = input.email?.trim().toLowerCase() || null;
  const pool = await selectDuplicatePool(
    tx,
    { given, family },
    { phoneDigits, email },
    input.dateOfBirth ?? null,
    input.excludeId,
    maxCandidates * 2,
  );
  const candidates: DuplicateCandidate[] = [];
  for (const { client, nameScore } of pool) {
    const samePhone = !!phoneDigits && client.phoneDigits === phoneDigits;
    const sameEmail = !!email && client.email?.toLowerCase() === email;
    const contact = samePhone || sameEmail;
    if (nameScore < minNameScore && !contact) continue;
    const birth = !input.dateOfBirth || !client.dateOfBirth ? 'unknown' : input.dateOfBirth === client.dateOfBirth ? 'same' : 'different';
    const given = input.citizenships ?? [];
    const citizenship =
      given.length === 0 || client.citizenships.length === 0
        ? 'unknown'
        : given.some((c) => client.citizenships.includes(c))
          ? 'same'
          : 'different';
    const factor = { same: 1, unknown: 0.5, different: 0 } as const;
    const score = 0.65 * nameScore + 0.25 * factor[birth] + 0.1 * factor[citizenship] + (contact ? 0.1 : 0);
    const reasons: MatchReason[] = [
      ...(nameScore >= minNameScore ? nameReasonsOf(input, client) : []),
      ...(birth === 'same' ? (['date_of_birth'] as const) : birth === 'different' ? (['different_date_of_birth'] as const) : []),
      ...(citizenship === 'same' ? (['citizenship'] as const) : []),
      ...(samePhone ? (['phone'] as const) : []),
      ...(sameEmail ? (['email'] as const) : []),
    ];
    const sameNames = nameScore >= sameNameScore || (contact && nameScore >= minNameScore);
    const likely = sameNames && birth !== 'different' && !client.archived;
    candidates.push({ ...toClientSummary(client), match: { score: roundScore(score), reasons, level: likely ? 'likely' : 'possible' } });
  }
  // Likely ones first, then those sharing a phone or e-mail (a low score, but worth a look), then by score.
  const rank = (c: DuplicateCandidate) =>
    (c.match.level === 'likely' ? 2 : 0) + (c.match.reasons.includes('phone') || c.match.reasons.includes('email') ? 1 : 0);
  return candidates.sort((a, b) => rank(b) - rank(a) || b.match.score - a.match.score).slice(0, maxCandidates);
}

function nameReasonsOf(input: DuplicateCheckInput, client: ClientRow): MatchReason[] {
  const words = [input.givenName, input.familyName, input.givenNameNative, input.familyNameNative]
    .filter((v): v is string => !!v?.trim())
    .flatMap(nameFieldWords);
  return nameReasons(words, client);
}

/**
 * The duplicate check as the API offers it, for a form being filled in: a search of the register,
 * audited as one `client.searched` entry with the candidates' ids, none found too.
 */
export async function checkDuplicates(ctx: Ctx, input: DuplicateCheckInput) {
  const candidates = await findDuplicateCandidates(ctx.db, input);
  await recordDuplicateSearch(ctx.db, ctx, 'duplicate_check', candidates, input.excludeId);
  return { candidates };
}

/**
 * The audit entry of a duplicate search: the candidates shown, by id, and where the search came from
 * (the check while typing, or a registration refused as a likely duplicate).
 */
export async function recordDuplicateSearch(
  tx: Tx,
  ctx: Ctx,
  view: 'duplicate_check' | 'registration',
  candidates: readonly DuplicateCandidate[],
  excludeId?: string,
) {
  await recordAudit(tx, ctx, {
    action: 'client.searched',
    entityType: 'client',
    ...(excludeId ? { entityId: excludeId, clientId: excludeId } : {}),
    clientIds: candidates.map((c) => c.id),
    details: { view, total: candidates.length },
  });
}
