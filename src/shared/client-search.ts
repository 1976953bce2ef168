import { z } from 'zod';
import { clientSummary } from './clients.js';
import { dateOfBirth } from './clients.js';
import { countryCode, optionalPersonName, personName, text, uuid } from './common.js';

/**
 * Why a client was found, for the UI to show next to each result. Name reasons say which spelling
 * matched: the passport (Latin) name as typed, the native-script name, another transliteration of
 * either, the start of a name (typing in progress) or a similar spelling (typos).
 */
export const matchReasons = [
  'client_number',
  'merged_client_number',
  'passport_name',
  'native_name',
  'other_spelling',
  'name_start',
  'similar_spelling',
  'phone',
  'email',
  'date_of_birth',
  'year_of_birth',
  'citizenship',
  'different_date_of_birth',
] as const;
export type MatchReason = (typeof matchReasons)[number];

/** How well a found client matches: a score from 0 to 1, best first, and the reasons. */
export const clientMatch = z.object({
  score: z.number().min(0).max(1),
  reasons: z.array(z.enum(matchReasons)),
});
export type ClientMatch = z.infer<typeof clientMatch>;

/** A client in a list; `match` is there when the list was searched (`q`), ranked best first. */
export const clientListItem = clientSummary.extend({ match: clientMatch.optional() }).meta({ id: 'ClientListItem' });
export type ClientListItem = z.infer<typeof clientListItem>;

/** The details a duplicate check compares: names in both scripts, birth date, citizenship, contact. */
export const duplicateCheckInput = z
  .strictObject({
    givenName: personName(100),
    familyName: personName(100),
    givenNameNative: optionalPersonName(100).optional(),
    familyNameNative: optionalPersonName(100).optional(),
    dateOfBirth: dateOfBirth.nullable().optional(),
    citizenships: z.array(countryCode).max(5).optional(),
    phone: z.string().trim().max(40).nullable().optional(),
    email: z.string().trim().max(200).nullable().optional(),
    /** The client being edited, left out of its own matches. */
    excludeId: uuid.optional(),
  })
  .meta({ id: 'DuplicateCheckInput' });
export type DuplicateCheckInput = z.infer<typeof duplicateCheckInput>;

/**
 * `likely`: the same person unless staff know otherwise, registering needs a confirmation;
 * `possible`: worth a look (a similar name, or the same name with another birth date).
 */
export const duplicateLevels = ['likely', 'possible'] as const;
export type DuplicateLevel = (typeof duplicateLevels)[number];

export const duplicateCandidate = clientSummary
  .extend({ match: clientMatch.extend({ level: z.enum(duplicateLevels) }) })
  .meta({ id: 'DuplicateCandidate' });
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;

export const duplicateCheckResponse = z.object({ candidates: z.array(duplicateCandidate) });
export type DuplicateCheckResponse = z.infer<typeof duplicateCheckResponse>;

/** Fields a coordinator chooses between when merging two records of one person. */
export const mergeableFields = [
  'givenName',
  'familyName',
  'givenNameNative',
  'familyNameNative',
  'sex',
  'dateOfBirth',
  'citizenships',
  'languages',
  'preferredLanguage',
  'phone',
  'email',
  'address',
  'branchId',
  'note',
] as const;
export type MergeableField = (typeof mergeableFields)[number];

/**
 * Merge `duplicateId` into the client in the path (the survivor). Each field keeps the survivor's value
 * unless `takeFromDuplicate` names it. Residence history, consents and every other related record move
 * to the survivor; the duplicate keeps a pointer to it, so its links and number still resolve.
 */
export const mergeClientsInput = z
  .strictObject({
    duplicateId: uuid,
    takeFromDuplicate: z.array(z.enum(mergeableFields)).max(mergeableFields.length).default([]),
    reason: text(500),
  })
  .meta({ id: 'MergeClientsInput' });
export type MergeClientsInput = z.infer<typeof mergeClientsInput>;
