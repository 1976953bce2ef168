import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { clients } from '../../../db/schema/index.js';
import { type ClientSort, listFilters, type ScopedClientsQuery, sortOrder } from './clients.repo.js';
import type { NameWord, SearchQuery } from './search-query.js';

/**
 * How well one typed word matches a client, from 0 to 1. The scale orders the kinds of match: the
 * word written as in a name (accents and case aside), the word in another script or scheme (equal
 * keys), a name one typo away (a letter missing or two swapped, or háčky left off, above a letter
 * changed or added; see nearKeys), the start of a name (typing in progress), a typo of a longer name (trigram
 * word similarity, at most 0.9), and last a piece from inside a name.
 */
export const wordScores = {
  whole: 1,
  sameKeys: 0.95,
  nearLikely: 0.86,
  nearOther: 0.84,
  start: 0.8,
  similarity: 0.9,
  inside: 0.5,
} as const;

/** Keys shorter than this are not compared for typos: a one-letter slip in "Li" is another name. */
const minFuzzyKeyLength = 4;

const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/** The word folded like search_text, with LIKE's wildcards escaped (folding first: it makes ％ into %). */
const likeLiteral = (word: string) => sql`replace(replace(replace(integra_fold(${word}), '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;

const paddedSearchText = sql`(' ' || ${clients.searchText} || ' ')`;

/**
 * The similarity a key needs to count as a typo of a name. The connection's threshold (0.4, which the
 * index serves) lets one changed letter through in a name of six letters; longer names need more in
 * common, still enough for two typos (a 14-letter name with two changed letters keeps 0.6), so that
 * names sharing only their first letters do not match.
 */
function fuzzyMatch(key: string): SQL {
  const minimum = key.length > 10 ? 0.6 : key.length > 7 ? 0.5 : 0;
  const indexed = sql`${key} <% ${clients.nameKeyText}`;
  return minimum === 0 ? indexed : sql`(${indexed} and word_similarity(${key}, ${clients.nameKeyText}) >= ${minimum}::float8)`;
}

/** Keys long enough to be compared for typos. */
const fuzzyKeys = (word: NameWord) => word.keys.filter((key) => key.length >= minFuzzyKeyLength);

/**
 * Keys as one array parameter. Keys hold only the letters a-z and the class markers, so the array
 * literal needs no quoting; one parameter rather than hundreds keeps a long list of neighbours cheap.
 */
const keyArray = (keys: readonly string[]) => sql`${`{${keys.join(',')}}`}::text[]`;

/**
 * Whether a client can match the word at all; each branch is served by a GIN index. The duplicate
 * check leaves out short names one typo away: Ha and Hoa are two people, however the search box may
 * offer both for "Hao".
 */
function wordCondition(word: NameWord, { near = true } = {}): SQL {
  // An empty pattern would match everyone; the callers leave such words out, this makes sure.
  if (!word.text) return sql`false`;
  const literal = sql`${clients.searchText} like '%' || ${likeLiteral(word.text)} || '%'`;
  if (word.keys.length === 0) return literal;
  // Keys hold only the letters a-z and the class markers, never a LIKE wildcard.
  const branches = [
    sql`${clients.nameKeys} && ${textArray(word.keys)}`,
    ...word.keys.map((key) => sql`${clients.nameKeyText} like ${` ${key}%`}`),
    ...fuzzyKeys(word).map((key) => fuzzyMatch(key)),
    // A short key's typos: clients holding a key one edit away, through the index of the keys.
    ...(near && word.near.finds ? [sql`${clients.nameKeys} && ${keyArray([...word.near.likely, ...word.near.other])}`] : []),
    literal,
  ];
  return sql`(${sql.join(branches, sql` or `)})`;
}

/**
 * The word's score for a client (see wordScores). The duplicate check leaves out the start of a name:
 * Ivan is not Ivanna, however the search box may offer her while "Ivan" is being typed.
 */
function wordScore(word: NameWord, { starts = true, near = true } = {}): SQL {
  if (!word.text) return sql`0::float8`;
  const literal = likeLiteral(word.text);
  const exact = [sql`when ${paddedSearchText} like '% ' || ${literal} || ' %' then ${wordScores.whole}::float8`];
  const parts = [sql`case when ${clients.searchText} like '%' || ${literal} || '%' then ${wordScores.inside}::float8 else 0 end`];
  if (starts) parts.push(sql`case when ${paddedSearchText} like '% ' || ${literal} || '%' then ${wordScores.start}::float8 else 0 end`);
  if (word.keys.length > 0) {
    exact.push(sql`when ${clients.nameKeys} && ${textArray(word.keys)} then ${wordScores.sameKeys}::float8`);
    parts.push(...fuzzyKeys(word).map((key) => sql`word_similarity(${key}, ${clients.nameKeyText}) * ${wordScores.similarity}::float8`));
    const { likely, other } = word.near;
    if (near && likely.length + other.length > 0) {
      // Each of the client's keys looked up among the neighbours (a hashed = any, cheap however long the list).
      parts.push(sql`coalesce((select max(case when k = any(${keyArray(likely)}) then ${wordScores.nearLikely}::float8
        when k = any(${keyArray(other)}) then ${wordScores.nearOther}::float8 end) from unnest(${clients.nameKeys}) k), 0)`);
    }
    if (starts) {
      parts.push(
        sql`case when ${sql.join(
          word.keys.map((key) => sql`${clients.nameKeyText} like ${` ${key}%`}`),
          sql` or `,
        )} then ${wordScores.start}::float8 else 0 end`,
      );
    }
  }
  // The word as written or in another spelling settles it; the rest is only worked out for the other clients.
  return sql`(case ${sql.join(exact, sql` `)} else greatest(${sql.join(parts, sql`, `)}) end)`;
}

/**
 * Clients whose phone holds the digits anywhere in it (six or more: the end of a number, its middle, the
 * number without its country code), served by the trigram index of the digits. A national trunk 0
 * ("067 123 4567" for +380 67 123 4567) is tried without it too. Digits are no LIKE wildcards.
 */
function phoneCondition(digits: string): SQL {
  const forms = [digits, ...(/^0[1-9]\d{5,}$/.test(digits) ? [digits.slice(1)] : [])];
  return sql`(${sql.join(
    forms.map((form) => sql`${clients.phoneDigits} like ${`%${form}%`}`),
    sql` or `,
  )})`;
}

/** Conditions of everything but the names: number (also a merged record's), phone, e-mail, birth. */
function otherConditions(query: SearchQuery): (SQL | undefined)[] {
  const { clientNumbers, phoneDigits, email, dateOfBirth, yearOfBirth } = query;
  return [
    clientNumbers.length > 0
      ? or(
          inArray(clients.clientNumber, clientNumbers),
          // = any(array(…)) runs once and uses the primary key; `in (select …)` under OR scanned every client.
          sql`${clients.id} = any(array(select merged.merged_into_id from ${clients} merged where merged.client_number in ${clientNumbers}))`,
        )
      : undefined,
    phoneDigits ? phoneCondition(phoneDigits) : undefined,
    email ? sql`lower(${clients.email}) = ${email}` : undefined,
    dateOfBirth ? eq(clients.dateOfBirth, dateOfBirth) : undefined,
    yearOfBirth !== null
      ? sql`${clients.dateOfBirth} >= ${`${yearOfBirth}-01-01`} and ${clients.dateOfBirth} < ${`${yearOfBirth + 1}-01-01`}`
      : undefined,
  ];
}

/** The relevance of a client to the query: the mean of its words' scores, 1 without name words. */
function relevance(query: SearchQuery): SQL<number> {
  if (query.nameWords.length === 0) return sql<number>`1::float8`;
  return sql<number>`(${sql.join(
    query.nameWords.map((word) => wordScore(word)),
    sql` + `,
  )}) / ${query.nameWords.length}::float8`;
}

/**
 * One page of clients matching a search, best match first (`order` applies to the other sorts), with the total and
 * each client's score. Every word must match; each is tried as written, by its keys in every scheme,
 * as the start of a name and as a similar spelling.
 */
export async function selectSearchPage(tx: Tx, query: SearchQuery, list: ScopedClientsQuery) {
  const score = relevance(query);
  const sort = list.sort ?? 'relevance';
  // Among equal scores the shorter name comes first: "Thu Huyền Nguyễn" before "Thị Thu Huyền Nguyễn" for "nguyen thu huyen".
  // The passport names only: whether native names were recorded says nothing about the match.
  const order =
    sort === 'relevance'
      ? [desc(score), asc(sql`length(${clients.givenName}) + length(${clients.familyName})`), ...sortOrder('familyName', 'asc')]
      : sortOrder(sort as ClientSort, list.order);
  return tx
    .select({ client: clients, score: sql<number>`${score}`.mapWith(Number), total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(clients)
    .where(and(...query.nameWords.map((word) => wordCondition(word)), ...otherConditions(query), ...listFilters(tx, list)))
    .orderBy(...order)
    .limit(list.limit)
    .offset(list.offset);
}

/**
 * One name of a person for the duplicate check: its spellings (Latin, native script), any of which may
 * match, each a list of words that must all match ("Van Son" is not every "Van").
 */
export type NameSlot = NameWord[][];

/** A slot without a word (a single-name person's "-") matches nobody by that name. */
function slotCondition(slot: NameSlot): SQL {
  if (slot.length === 0) return sql`false`;
  return sql`(${sql.join(
    slot.map((words) => sql`(${and(...words.map((word) => wordCondition(word, { near: false })))})`),
    sql` or `,
  )})`;
}

function slotScore(slot: NameSlot): SQL {
  if (slot.length === 0) return sql`0::float8`;
  const spellingScore = (words: NameWord[]) =>
    sql`(${sql.join(
      words.map((word) => wordScore(word, { starts: false, near: false })),
      sql` + `,
    )}) / ${words.length}::float8`;
  return sql`greatest(${sql.join(slot.map(spellingScore), sql`, `)})`;
}

/**
 * Clients who may be the person described, for the duplicate check: both the given and the family
 * name match by keys or as a similar spelling (in any order of the two), or the phone or e-mail is the
 * same. Merged records are left out; archived ones stay in, a returning client is often archived.
 */
export async function selectDuplicatePool(
  tx: Tx,
  slots: { given: NameSlot; family: NameSlot },
  contact: { phoneDigits: string | null; email: string | null },
  dateOfBirth: string | null,
  excludeId: string | undefined,
  limit: number,
) {
  const { given, family } = slots;
  const nameScore = sql<number>`(${slotScore(given)} + ${slotScore(family)}) / 2`;
  const byContact = [
    // Written against the reversed-digits index, which serves equality too.
    contact.phoneDigits ? sql`reverse(${clients.phoneDigits}) = reverse(${contact.phoneDigits})` : undefined,
    contact.email ? sql`lower(${clients.email}) = ${contact.email}` : undefined,
  ].filter((c): c is SQL => c !== undefined);
  // Same contact first: among twenty namesakes a record sharing the phone must not be cut off.
  // Among many namesakes the one born the same day must not be cut off either.
  const sameBirth = dateOfBirth ? sql`coalesce(${clients.dateOfBirth} = ${dateOfBirth}, false)` : undefined;
  // coalesce: a client without a phone compares as null, which a descending order would put first.
  const sameContact = byContact.length > 0 ? sql`coalesce(${or(...byContact)}, false)` : undefined;
  return tx
    .select({ client: clients, nameScore: sql<number>`${nameScore}`.mapWith(Number) })
    .from(clients)
    .where(
      and(
        or(and(slotCondition(given), slotCondition(family)), ...byContact),
        isNull(clients.mergedIntoId),
        excludeId ? sql`${clients.id} <> ${excludeId}` : undefined,
      ),
    )
    .orderBy(...(sameContact ? [desc(sameContact)] : []), ...(sameBirth ? [desc(sameBirth)] : []), desc(nameScore), asc(clients.id))
    .limit(limit);
}
