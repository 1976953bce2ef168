import {
  clientAuditFields,
  clientAuditValueFields,
  type ClientResponse,
  type ConsentPurpose,
  type CreateClientInput,
  deriveDistrict,
  type DuplicateCandidate,
  evaluateEligibility,
  type ResidenceInput,
  toCentreDate,
  type UpdateClientInput,
} from '../../../shared/index.js';
import type { Tx } from '../../../db/open-database.js';
import { AppError, fieldError, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { changedValues, diffFields, recordAudit } from '../audit/audit.service.js';
import { requireVersion, versionStamp } from '../audit/record-versions.service.js';
import { getCentre, requireBranch } from '../centre/centre.service.js';
import { findActiveProjectRows } from '../projects/projects.service.js';
import {
  allocateClientNumber,
  type ClientRow,
  insertClient,
  insertConsent,
  insertResidenceRecord,
  lockClientRegistration,
  type NewClientRow,
  selectClient,
  selectClientForUpdate,
  selectConsent,
  selectConsents,
  selectMergeLinks,
  selectResidenceHistory,
  setConsentWithdrawn,
  updateClientRow,
} from './clients.repo.js';
import { findDuplicateCandidates, recordDuplicateSearch } from './client-search.service.js';
import { toClientSummary } from './client-summary.js';
import { factsOf, recomputeEligibilityForClient } from './eligibility.service.js';
import { nameKeyColumns, nameKeysOfChange } from './name-keys.service.js';

export type { ClientRow } from './clients.repo.js';

/** A client before registration: the creation's audit entry names every field that was given. */
const unregistered: Record<string, unknown> = { citizenships: [], languages: [] };

function columnsOf(input: Omit<UpdateClientInput, 'residence'>): Partial<NewClientRow> {
  const { address, ...rest } = input;
  const columns: Partial<NewClientRow> = { ...rest };
  if (address) {
    if (address.street !== undefined) columns.street = address.street;
    if (address.municipality !== undefined) columns.municipality = address.municipality;
    if (address.postcode !== undefined)
      columns.postcode = address.postcode ? address.postcode.replace(/\s/g, '').replace(/^(\d{3})/, '$1 ') : null;
    if (address.district !== undefined) columns.district = address.district;
  }
  return columns;
}

/**
 * Fills in the district from the postcode or municipality this input gives, when the input leaves the
 * district out (decision 023): a district given is kept, and one that cannot be derived stays as it was.
 */
async function deriveDistrictOf(
  tx: Tx,
  columns: Partial<NewClientRow>,
  address: UpdateClientInput['address'],
  before: { postcode: string | null; municipality: string | null } | null,
): Promise<void> {
  if (!address || address.district !== undefined) return;
  if (address.postcode === undefined && address.municipality === undefined) return;
  const postcode = columns.postcode !== undefined ? columns.postcode : (before?.postcode ?? null);
  const municipality = columns.municipality !== undefined ? columns.municipality : (before?.municipality ?? null);
  const district = deriveDistrict({ postcode, municipality }, (await getCentre(tx)).regionCode);
  if (district) columns.district = district;
}

/** How a client guard looks the client up. */
type ClientGuardOptions = {
  /**
   * Lock the row until the transaction ends, as every write does: a merge or archiving of the client
   * running at the same time is waited for, so nothing new lands on a record merged away meanwhile.
   */
  lock?: boolean;
  /** The input field that named the client (e.g. `body.clientId`): an unknown client is then 400 naming it, not 404. */
  field?: string;
};

/** The client, whatever its state (404 when there is none): for reads that answer for a merged record too. */
export async function requireClient(tx: Tx, id: string, options: ClientGuardOptions = {}): Promise<ClientRow> {
  const client = options.lock ? await selectClientForUpdate(tx, id) : await selectClient(tx, id);
  if (client) return client;
  throw options.field ? fieldError(options.field, 'unknown_client', 'No such client') : notFound('Client');
}

/** The client, unless it was merged into another: a merged record only points to the survivor (409 naming it). */
export async function requireUnmergedClient(tx: Tx, id: string, options: ClientGuardOptions = {}): Promise<ClientRow> {
  const client = await requireClient(tx, id, options);
  if (client.mergedIntoId) {
    throw new AppError('CONFLICT', 'This record was merged into another; use the surviving record', { mergedIntoId: client.mergedIntoId });
  }
  return client;
}

/**
 * The client, when it can be changed and take new records: not merged away and not archived (an
 * archived record is read-only, though its consents can still be withdrawn).
 */
export async function requireChangeableClient(tx: Tx, id: string, options: ClientGuardOptions = {}): Promise<ClientRow> {
  const client = await requireUnmergedClient(tx, id, options);
  if (client.archived) throw new AppError('CONFLICT', 'An archived client cannot be changed; restore the record first');
  return client;
}

/** The copy of the current residence record that lists filter and sort by. */
export function residenceColumns(residence: ResidenceInput) {
  return {
    residenceCategory: residence.category,
    residenceValidFrom: residence.validFrom ?? null,
    residenceValidUntil: residence.validUntil ?? null,
  };
}

/**
 * Registers a client. A likely duplicate is refused with its candidates unless the caller confirms,
 * and the confirmation is audited.
 */
export async function createClient(ctx: Ctx, input: CreateClientInput): Promise<ClientResponse> {
  const registration = ctx.db.transaction(async (tx) => {
    await requireBranch(tx, input.branchId);
    await lockClientRegistration(tx);
    const candidates = await findDuplicateCandidates(tx, input);
    const likely = candidates.filter((c) => c.match.level === 'likely');
    if (likely.length > 0 && !input.confirmDuplicate) {
      throw new AppError('DUPLICATE_SUSPECTED', 'This person may already be registered', { candidates });
    }
    const { residence, confirmDuplicate: _confirm, ...fields } = input;
    const columns = columnsOf(fields);
    await deriveDistrictOf(tx, columns, input.address, null);
    const row = await insertClient(tx, {
      ...columns,
      givenName: input.givenName,
      familyName: input.familyName,
      sex: input.sex,
      ...nameKeyColumns(input),
      clientNumber: await allocateClientNumber(tx, Number(toCentreDate(ctx.now).slice(0, 4))),
      createdBy: ctx.actor.id,
      ...(residence ? residenceColumns(residence) : {}),
    });
    if (residence) await insertResidenceRecord(tx, { clientId: row.id, ...residenceRecordOf(residence), recordedBy: ctx.actor.id });
    await recomputeEligibilityForClient(tx, row.id, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'client.created',
      entityType: 'client',
      entityId: row.id,
      clientId: row.id,
      changes: diffFields<Record<string, unknown>>(unregistered, row, clientAuditFields, clientAuditValueFields),
      details: { clientNumber: row.clientNumber },
    });
    if (likely.length > 0) {
      await recordAudit(tx, ctx, {
        action: 'client.duplicate_confirmed',
        entityType: 'client',
        entityId: row.id,
        clientId: row.id,
        details: { candidateIds: likely.map((c) => c.id) },
      });
    }
    return row.id;
  });
  // A refusal shows the candidates, so it is a search of the register: audited once the transaction
  // has rolled back (decision 016).
  const id = await registration.catch(async (error: unknown) => {
    if (error instanceof AppError && error.code === 'DUPLICATE_SUSPECTED') {
      const { candidates } = error.details as { candidates: DuplicateCandidate[] };
      await recordDuplicateSearch(ctx.db, ctx, 'registration', candidates);
    }
    throw error;
  });
  return loadClient(ctx, id);
}

function residenceRecordOf(residence: ResidenceInput) {
  return {
    category: residence.category,
    permitType: residence.permitType ?? null,
    validFrom: residence.validFrom ?? null,
    validUntil: residence.validUntil ?? null,
  };
}

/** One client's full record. Every read is audited. */
export async function getClient(ctx: Ctx, id: string): Promise<ClientResponse> {
  const client = await loadClient(ctx, id);
  await recordAudit(ctx.db, ctx, { action: 'client.read', entityType: 'client', entityId: id, clientId: id });
  return client;
}

async function loadClient(ctx: Ctx, id: string): Promise<ClientResponse> {
  const row = await selectClient(ctx.db, id);
  if (!row) throw notFound('Client');
  const [history, consentRows, projects, links] = await Promise.all([
    selectResidenceHistory(ctx.db, id),
    selectConsents(ctx.db, id),
    findActiveProjectRows(ctx.db),
    selectMergeLinks(ctx.db, row),
  ]);
  const today = toCentreDate(ctx.now);
  const records = history.map((r) => ({
    id: r.id,
    category: r.category,
    permitType: r.permitType,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    recordedAt: r.recordedAt.toISOString(),
  }));
  return {
    ...toClientSummary(row, links.mergedInto),
    languages: row.languages,
    preferredLanguage: row.preferredLanguage,
    phone: row.phone,
    email: row.email,
    address: { street: row.street, municipality: row.municipality, postcode: row.postcode, district: row.district },
    note: row.note,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    archiveReason: row.archiveReason,
    residence: records[0] ?? null,
    residenceHistory: records,
    consents: consentRows.map(({ consent, recordedByName }) => ({
      id: consent.id,
      purpose: consent.purpose,
      givenOn: consent.givenOn,
      withdrawnOn: consent.withdrawnOn,
      note: consent.note,
      recordedBy: { id: consent.recordedBy, name: recordedByName },
    })),
    // Computed live so the explanation is always today's; the stored copy serves list filters.
    eligibility: projects.map((project) => ({
      projectId: project.id,
      projectCode: project.code,
      ...evaluateEligibility(factsOf(row), project.targetGroup, today),
    })),
    mergedFrom: links.mergedFrom,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** How a client's changes are found in the trail when a change comes from an older version. */
const clientVersion = (row: ClientRow) => ({ type: 'client', id: row.id, version: row.version, clientId: row.id, actions: [] });

/**
 * Changes a client; a new residence status is added to the history rather than overwriting it. From
 * an older version than the stored one (`expectedVersion`), nothing changes (412). A change to equal
 * values writes nothing, and its answer is audited as the read it is.
 */
export async function updateClient(ctx: Ctx, id: string, input: UpdateClientInput, expectedVersion?: number): Promise<ClientResponse> {
  const changed = await ctx.db.transaction(async (tx) => {
    const before = await requireChangeableClient(tx, id, { lock: true });
    await requireVersion(tx, clientVersion(before), expectedVersion);
    await requireBranch(tx, input.branchId);
    const { residence, ...fields } = input;
    const columns = columnsOf(fields);
    await deriveDistrictOf(tx, columns, input.address, before);
    const [current] = await selectResidenceHistory(tx, id);
    const newResidence = residence !== undefined && !isCurrentResidence(current, residence);
    if (newResidence) {
      Object.assign(columns, residenceColumns(residence));
      await insertResidenceRecord(tx, { clientId: id, ...residenceRecordOf(residence), recordedBy: ctx.actor.id });
    }
    const changed = changedValues(before, columns);
    // Values equal to the stored ones change nothing: no write, no new updatedAt, no empty audit entry.
    if (Object.keys(changed).length === 0 && !newResidence) return false;
    Object.assign(changed, nameKeysOfChange(before, changed));
    const after = await updateClientRow(tx, id, changed);
    if (!after) throw notFound('Client');
    await recomputeEligibilityForClient(tx, id, ctx.now);
    const changes = diffFields(before, after, clientAuditFields, clientAuditValueFields);
    const details = versionStamp('client', id, after.version);
    await recordAudit(tx, ctx, { action: 'client.updated', entityType: 'client', entityId: id, clientId: id, changes, details });
    return true;
  });
  return changed ? loadClient(ctx, id) : getClient(ctx, id);
}

/**
 * Whether a residence status given by staff is the client's current record. The permit type counts
 * too (a corrected permit type is a new record); left out, it is taken as unchanged.
 */
function isCurrentResidence(
  current: { category: string; permitType: string | null; validFrom: string | null; validUntil: string | null } | undefined,
  given: ResidenceInput,
): boolean {
  if (!current) return false;
  return (
    current.category === given.category &&
    current.validFrom === (given.validFrom ?? null) &&
    current.validUntil === (given.validUntil ?? null) &&
    (given.permitType === undefined || current.permitType === given.permitType)
  );
}

/** Archiving hides a client from lists and stops changes; records are never deleted here. */
export async function setClientArchived(
  ctx: Ctx,
  id: string,
  archived: boolean,
  reason: string | null,
  expectedVersion?: number,
): Promise<ClientResponse> {
  await ctx.db.transaction(async (tx) => {
    const before = await requireUnmergedClient(tx, id, { lock: true });
    await requireVersion(tx, clientVersion(before), expectedVersion);
    if (before.archived === archived)
      throw new AppError('CONFLICT', archived ? 'The client is already archived' : 'The client is not archived');
    const after = await updateClientRow(tx, id, {
      archived,
      archivedAt: archived ? ctx.now : null,
      archiveReason: archived ? reason : null,
    });
    await recordAudit(tx, ctx, {
      action: archived ? 'client.archived' : 'client.unarchived',
      entityType: 'client',
      entityId: id,
      clientId: id,
      changes: [{ field: 'archived', before: !archived, after: archived }],
      details: versionStamp('client', id, after?.version ?? before.version + 1),
    });
  });
  return loadClient(ctx, id);
}

export async function addConsent(
  ctx: Ctx,
  clientId: string,
  input: { purpose: ConsentPurpose; givenOn: string; note?: string | null | undefined },
) {
  await ctx.db.transaction(async (tx) => {
    await requireChangeableClient(tx, clientId, { lock: true });
    const consent = await insertConsent(tx, {
      clientId,
      purpose: input.purpose,
      givenOn: input.givenOn,
      note: input.note ?? null,
      recordedBy: ctx.actor.id,
    });
    await recordAudit(tx, ctx, {
      action: 'client.consent_given',
      entityType: 'consent',
      entityId: consent.id,
      clientId,
      details: { purpose: input.purpose, givenOn: input.givenOn },
    });
  });
  return loadClient(ctx, clientId);
}

export async function withdrawConsent(ctx: Ctx, clientId: string, consentId: string, withdrawnOn: string) {
  await ctx.db.transaction(async (tx) => {
    // Withdrawing consent is the client's right whatever the state of the record, so an archived
    // client's consent can still be withdrawn; only new consents need an active record.
    await requireClient(tx, clientId);
    const consent = await selectConsent(tx, clientId, consentId);
    if (!consent) throw notFound('Consent');
    if (consent.withdrawnOn) throw new AppError('CONFLICT', 'The consent is already withdrawn');
    if (withdrawnOn < consent.givenOn) {
      throw fieldError('body.withdrawnOn', 'too_small', 'A consent cannot be withdrawn before it was given');
    }
    await setConsentWithdrawn(tx, consentId, withdrawnOn);
    await recordAudit(tx, ctx, {
      action: 'client.consent_withdrawn',
      entityType: 'consent',
      entityId: consentId,
      clientId,
      details: { purpose: consent.purpose, withdrawnOn },
    });
  });
  return loadClient(ctx, clientId);
}
