import { z } from 'zod';
import { recordVersion } from './versions.js';
import {
  countryCode,
  isoDate,
  languageCode,
  optionalPersonName,
  optionalText,
  pagingQuery,
  personName,
  text,
  uuid,
  visibleLength,
  withinDates,
} from './common.js';
import { eligibilityResult } from './eligibility.js';
import { phoneNumber } from './phones.js';
import { allDistricts } from './regions.js';
import { residenceCategories } from './residence.js';

export const sexes = ['female', 'male', 'other', 'unknown'] as const;
export const consentPurposes = ['data_processing', 'sharing_with_partners', 'photos_and_media', 'newsletter', 'funder_reporting'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

const residenceValidFrom = isoDate.superRefine(withinDates('1950-01-01', { yearsFromToday: 1 }, 'The start of residence'));
const residenceValidUntil = isoDate.superRefine(withinDates('1950-01-01', { yearsFromToday: 15 }, 'The end of residence'));

/** A date of birth: not in the future (the centre's today), not before 1900. */
export const dateOfBirth = isoDate.superRefine(withinDates('1900-01-01', { yearsFromToday: 0 }, 'The date of birth'));

/** A residence record as given by staff. */
export const residenceInput = z
  .strictObject({
    category: z.enum(residenceCategories),
    permitType: optionalText(200).optional(),
    /** Since when; from 1950 to a year ahead. */
    validFrom: residenceValidFrom.nullable().optional(),
    /** Until when; from 1950 to 15 years ahead (a card is issued for 10 at most). */
    validUntil: residenceValidUntil.nullable().optional(),
  })
  .refine((r) => !r.validFrom || !r.validUntil || r.validFrom <= r.validUntil, {
    message: 'validUntil must not be before validFrom',
    path: ['validUntil'],
  });
export type ResidenceInput = z.infer<typeof residenceInput>;

export const addressInput = z.strictObject({
  street: optionalText(200).optional(),
  municipality: optionalText(120).optional(),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{3} ?\d{2}$/, { message: 'Postcode must have five digits' })
    .nullable()
    .optional(),
  district: z
    .enum(allDistricts as [string, ...string[]])
    .nullable()
    .optional(),
});

const clientFields = {
  /** Given name as written in the passport, in Latin script. */
  givenName: personName(100),
  /** Family name as written in the passport, in Latin script. */
  familyName: personName(100),
  /** Given name in the native script (Cyrillic, Vietnamese with diacritics …). */
  givenNameNative: optionalPersonName(100).optional(),
  familyNameNative: optionalPersonName(100).optional(),
  sex: z.enum(sexes),
  /** YYYY-MM-DD, from 1900 to today. */
  dateOfBirth: dateOfBirth.nullable().optional(),
  /** ISO 3166-1 alpha-2 codes; several for dual citizens. */
  citizenships: z.array(countryCode).max(5).default([]),
  /** ISO 639-1 codes of the languages the client speaks. */
  languages: z.array(languageCode).max(10).default([]),
  preferredLanguage: languageCode.nullable().optional(),
  /** Any common way of writing it; stored in E.164 (`+420…` when no country code is given, decision 023). */
  phone: phoneNumber.nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  address: addressInput.optional(),
  branchId: uuid.nullable().optional(),
  note: optionalText(5000).optional(),
};

export const createClientInput = z.strictObject({
  ...clientFields,
  /** The current residence status; later changes are added through PATCH and kept as history. */
  residence: residenceInput.optional(),
  /** Save even though the client looks like an existing one; the confirmation is audited. */
  confirmDuplicate: z.boolean().optional(),
});
export type CreateClientInput = z.infer<typeof createClientInput>;

export const updateClientInput = z
  .strictObject({
    givenName: clientFields.givenName,
    familyName: clientFields.familyName,
    givenNameNative: clientFields.givenNameNative,
    familyNameNative: clientFields.familyNameNative,
    sex: clientFields.sex,
    dateOfBirth: clientFields.dateOfBirth,
    citizenships: z.array(countryCode).max(5),
    languages: z.array(languageCode).max(10),
    preferredLanguage: clientFields.preferredLanguage,
    phone: clientFields.phone,
    email: clientFields.email,
    address: clientFields.address,
    branchId: clientFields.branchId,
    note: clientFields.note,
    /** A new residence status; when it differs from the current one it is added to the history. */
    residence: residenceInput,
  })
  .partial();
export type UpdateClientInput = z.infer<typeof updateClientInput>;

export const archiveClientInput = z.strictObject({ reason: text(500) });

export const consentInput = z.strictObject({
  purpose: z.enum(consentPurposes),
  givenOn: isoDate,
  note: optionalText(500).optional(),
});
export const withdrawConsentInput = z.strictObject({ withdrawnOn: isoDate });

export const residenceRecord = z.object({
  id: uuid,
  category: z.enum(residenceCategories),
  permitType: z.string().nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  recordedAt: z.string(),
});

export const consentRecord = z.object({
  id: uuid,
  purpose: z.enum(consentPurposes),
  givenOn: z.string(),
  withdrawnOn: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.object({ id: z.string(), name: z.string() }),
});

/** Another client record named by id and number. */
export const clientReference = z.object({ id: uuid, clientNumber: z.string() });
export type ClientReference = z.infer<typeof clientReference>;

export const clientSummary = z.object({
  id: uuid,
  clientNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  givenNameNative: z.string().nullable(),
  familyNameNative: z.string().nullable(),
  sex: z.enum(sexes),
  dateOfBirth: z.string().nullable(),
  citizenships: z.array(z.string()),
  residence: z
    .object({ category: z.enum(residenceCategories), validFrom: z.string().nullable(), validUntil: z.string().nullable() })
    .nullable(),
  branchId: z.string().nullable(),
  archived: z.boolean(),
  /** Set when this record was merged into another: the survivor that now holds the person's records. */
  mergedInto: clientReference.nullable(),
});
export type ClientSummary = z.infer<typeof clientSummary>;

export const clientResponse = clientSummary
  .extend({
    languages: z.array(z.string()),
    preferredLanguage: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.object({
      street: z.string().nullable(),
      municipality: z.string().nullable(),
      postcode: z.string().nullable(),
      district: z.string().nullable(),
    }),
    note: z.string().nullable(),
    archivedAt: z.string().nullable(),
    archiveReason: z.string().nullable(),
    residence: residenceRecord.nullable(),
    residenceHistory: z.array(residenceRecord),
    consents: z.array(consentRecord),
    eligibility: z.array(eligibilityResult),
    /** Records merged into this one; their numbers and links lead here. */
    mergedFrom: z.array(clientReference),
    /** Changes with every saved change; send it back in `If-Match` (decision 017). */
    version: recordVersion,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Client' });
export type ClientResponse = z.infer<typeof clientResponse>;

/** Most characters a search may have; longer queries are refused, shorter ones never fail. */
export const maxSearchLength = 500;

/** `relevance` (best match first) needs `q`, and is what a search sorts by unless told otherwise. */
export const clientSortFields = ['relevance', 'familyName', 'givenName', 'clientNumber', 'dateOfBirth', 'createdAt'] as const;

export const listClientsQuery = z
  .strictObject({
    /**
     * Search: names in any script or spelling (typos too), a client number, a phone number, an e-mail,
     * a birth date or year with a name ("shevchenko 1985", "15.3.1985"). At least two characters.
     */
    q: z.string().trim().max(maxSearchLength).optional(),
    citizenship: countryCode.optional(),
    residenceCategory: z.enum(residenceCategories).optional(),
    /** With `eligible`, keep clients whose eligibility for this project matches. */
    projectId: uuid.optional(),
    eligible: z.enum(['true', 'false']).optional(),
    branchId: uuid.optional(),
    archived: z.enum(['false', 'true', 'all']).default('false'),
    /** Default: `relevance` with `q`, else `familyName`. */
    sort: z.enum(clientSortFields).optional(),
    order: z.enum(['asc', 'desc']).default('asc'),
    ...pagingQuery,
  })
  .refine((query) => query.q === undefined || visibleLength(query.q) >= 2, { message: 'Type at least two characters', path: ['q'] })
  .refine((query) => query.sort !== 'relevance' || query.q !== undefined, { message: 'Sorting by relevance needs q', path: ['sort'] })
  .refine((query) => !query.projectId === !query.eligible, {
    message: 'projectId and eligible filter together: give both or neither',
    path: ['eligible'],
  });
export type ListClientsQuery = z.infer<typeof listClientsQuery>;
