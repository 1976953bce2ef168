import { z } from 'zod';
import { recordVersion } from './versions.js';
import { isoDate, languageCode, optionalPersonName, optionalText, pagingQuery, text, uuid } from './common.js';
import { phoneNumber } from './phones.js';

/** What kind of organisation or service a partner is. */
export const partnerKinds = ['labour_office', 'social_services', 'health', 'school', 'legal', 'ngo', 'authority', 'other'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

/** A web address people can open: http or https only. */
const website = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain, message: 'Must be a web address starting with http:// or https://' })
  .max(500);

const partnerFields = {
  name: text(200),
  kind: z.enum(partnerKinds),
  /** What the partner offers, in a few words; the directory's search looks here too. */
  services: optionalText(2000).optional(),
  contactPerson: optionalPersonName(200).optional(),
  /** One number as people write it, an extension included; stored in E.164 (decision 023). */
  phone: phoneNumber.nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  website: website.nullable().optional(),
  address: optionalText(300).optional(),
  municipality: optionalText(120).optional(),
  /** ISO 639-1 codes of the languages the partner can serve clients in. */
  languages: z.array(languageCode).max(20),
  note: optionalText(2000).optional(),
};

export const createPartnerInput = z.strictObject({ ...partnerFields, languages: partnerFields.languages.default([]) });
export type CreatePartnerInput = z.infer<typeof createPartnerInput>;

/** A change of a partner; partners are archived, never deleted, as referrals point to them. */
export const updatePartnerInput = z.strictObject({ ...partnerFields, archived: z.boolean() }).partial();
export type UpdatePartnerInput = z.infer<typeof updatePartnerInput>;

export const listPartnersQuery = z.strictObject({
  /** Words found in the name, the services or the municipality, with or without accents. */
  q: z.string().trim().max(200).optional(),
  kind: z.enum(partnerKinds).optional(),
  /** Partners who serve clients in this language (ISO 639-1). */
  language: languageCode.optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
  ...pagingQuery,
});
export type ListPartnersQuery = z.infer<typeof listPartnersQuery>;

export const partnerResponse = z
  .object({
    id: uuid,
    name: z.string(),
    kind: z.enum(partnerKinds),
    services: z.string().nullable(),
    contactPerson: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    address: z.string().nullable(),
    municipality: z.string().nullable(),
    languages: z.array(z.string()),
    note: z.string().nullable(),
    archived: z.boolean(),
    /** Changes with every saved change; send it back in `If-Match` (decision 017). */
    version: recordVersion,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Partner' });
export type PartnerResponse = z.infer<typeof partnerResponse>;

/** The partner fields whose changes the audit trail records. */
export const partnerAuditFields = [
  'name',
  'kind',
  'services',
  'contactPerson',
  'phone',
  'email',
  'website',
  'address',
  'municipality',
  'languages',
  'note',
  'archived',
] as const;
/** Of those, the ones kept with their values: the rest may name or reach a person. */
export const partnerAuditValueFields = ['name', 'kind', 'municipality', 'languages', 'archived'] as const;

export const referralStatuses = ['sent', 'accepted', 'completed', 'declined', 'cancelled'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/**
 * Where a referral may go from each status. A partner accepts or declines it (or the client is
 * simply served, straight to completed); an accepted one is completed or cancelled; the last three
 * are final.
 */
export const referralTransitions: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ['accepted', 'completed', 'declined', 'cancelled'],
  accepted: ['completed', 'cancelled'],
  completed: [],
  declined: [],
  cancelled: [],
};

/**
 * Whether a consent covers a referral dated `on` and made `today`: consent to sharing with partners,
 * given by the referral's date and not withdrawn by today (a withdrawn consent covers nothing new,
 * however the referral is dated). The API applies the same rule in its query.
 */
export function coversReferral(
  consent: { purpose: string; givenOn: string; withdrawnOn: string | null },
  on: string,
  today: string,
): boolean {
  return (
    consent.purpose === 'sharing_with_partners' && consent.givenOn <= on && (consent.withdrawnOn === null || consent.withdrawnOn > today)
  );
}

export const createReferralInput = z.strictObject({
  partnerId: uuid,
  /** The day the client was referred: today or earlier. */
  referredOn: isoDate,
  /** Why the client is referred, and what the partner is asked to do. */
  reason: text(2000),
  /**
   * The client's consultation the referral comes from, if any: the referral's reason and outcome then
   * follow that consultation's content rule (a legal consultation's referral is legal content).
   */
  consultationId: uuid.optional(),
});
export type CreateReferralInput = z.infer<typeof createReferralInput>;

export const updateReferralInput = z
  .strictObject({
    status: z.enum(referralStatuses),
    /** What came of the referral; an empty text clears it. */
    outcome: optionalText(2000),
  })
  .partial()
  .refine((input) => input.status !== undefined || input.outcome !== undefined, { message: 'Give a status, an outcome or both' });
export type UpdateReferralInput = z.infer<typeof updateReferralInput>;

export const listReferralsQuery = z.strictObject({ ...pagingQuery });
export type ListReferralsQuery = z.infer<typeof listReferralsQuery>;

export const referralResponse = z
  .object({
    id: uuid,
    clientId: uuid,
    partner: z.object({ id: uuid, name: z.string(), kind: z.enum(partnerKinds), archived: z.boolean() }),
    referredOn: z.string(),
    /** Null, with `contentHidden`, for a reader who may not read it. */
    reason: z.string().nullable(),
    status: z.enum(referralStatuses),
    outcome: z.string().nullable(),
    /** The consultation the referral came from, if any. */
    consultationId: uuid.nullable(),
    /**
     * True when the reader may not read the reason and outcome (decision 022): without
     * `counselling.content`, or for a referral from a legal consultation without `counselling.legal_content`.
     */
    contentHidden: z.boolean(),
    /** The client's consent to share data with partners that the referral relied on. */
    consentId: uuid,
    createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Referral' });
export type ReferralResponse = z.infer<typeof referralResponse>;
