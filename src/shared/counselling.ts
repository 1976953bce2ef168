import { z } from 'zod';
import { recordVersion } from './versions.js';
import { isoDate, languageCode, optionalText, pagingQuery, text, uuid, withinDates } from './common.js';
import { instant } from './appointments.js';
import { hasPermission, type Role } from './permissions.js';
import { staffId, staffReference } from './plans.js';
import { anonymousProfile, serviceFields } from './services.js';

export const consultationForms = ['in_person', 'phone', 'online', 'email', 'outreach'] as const;
export type ConsultationForm = (typeof consultationForms)[number];
export const consultationKinds = ['social', 'legal', 'other'] as const;

/**
 * The kind a new consultation gets unless another is chosen: `legal` for a legal counsellor (who is
 * not also a social counsellor), `social` for everyone else.
 */
export function defaultConsultationKind(roles: readonly string[]): ConsultationKind {
  return roles.includes('legal_counsellor') && !roles.includes('social_counsellor') ? 'legal' : 'social';
}
export type ConsultationKind = (typeof consultationKinds)[number];
/** An interpreter from a partner organisation, or one of the centre's own staff. */
export const interpreterKinds = ['partner', 'staff'] as const;

/** Longest consultation that can be recorded: a whole working day. */
export const maxConsultationMinutes = 600;

/** A topic's code: stable, so consultations and reports keep meaning when a label changes. */
export const topicCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'A topic code has lower-case letters, digits and _ and starts with a letter' });

const topicLabel = text(100);

/** One topic of the configurable list, named in every UI language. */
export const counsellingTopic = z
  .strictObject({
    code: topicCode,
    labels: z.strictObject({ cs: topicLabel, en: topicLabel, uk: topicLabel }),
    /** Inactive topics stay on the consultations that have them but are not offered for new ones. */
    active: z.boolean(),
  })
  .meta({ id: 'CounsellingTopic' });
export type CounsellingTopic = z.infer<typeof counsellingTopic>;

/** The whole topic list, in the order it is offered; each code once. */
export const counsellingTopicList = z
  .strictObject({
    topics: z
      .array(counsellingTopic)
      .min(1)
      .max(100)
      .superRefine((topics, context) => {
        topics.forEach((topic, index) => {
          if (topics.findIndex((other) => other.code === topic.code) !== index) {
            context.addIssue({ code: 'custom', message: 'Each topic code may appear once', path: [index, 'code'] });
          }
        });
      }),
  })
  .meta({ id: 'CounsellingTopicList' });
export type CounsellingTopicList = z.infer<typeof counsellingTopicList>;

/** The topics a centre starts with, until a coordinator changes the list. */
export const defaultCounsellingTopics: readonly CounsellingTopic[] = [
  { code: 'residence', labels: { cs: 'Pobyt', en: 'Residence', uk: 'Перебування' } },
  { code: 'employment', labels: { cs: 'Zaměstnání', en: 'Employment', uk: 'Працевлаштування' } },
  { code: 'housing', labels: { cs: 'Bydlení', en: 'Housing', uk: 'Житло' } },
  { code: 'health_insurance', labels: { cs: 'Zdraví a pojištění', en: 'Health and insurance', uk: 'Здоровʼя та страхування' } },
  { code: 'education_schools', labels: { cs: 'Vzdělávání a školy', en: 'Education and schools', uk: 'Освіта та школи' } },
  { code: 'social_benefits', labels: { cs: 'Sociální dávky', en: 'Social benefits', uk: 'Соціальні виплати' } },
  { code: 'family', labels: { cs: 'Rodina', en: 'Family', uk: 'Сімʼя' } },
  { code: 'finances_debts', labels: { cs: 'Finance a dluhy', en: 'Finances and debts', uk: 'Фінанси та борги' } },
  { code: 'official_letters', labels: { cs: 'Úřední dopisy', en: 'Official letters', uk: 'Офіційні листи' } },
  { code: 'czech_language', labels: { cs: 'Čeština', en: 'Czech language', uk: 'Чеська мова' } },
  { code: 'other', labels: { cs: 'Jiné', en: 'Other', uk: 'Інше' } },
].map((topic) => ({ ...topic, active: true }));

export const interpreter = z
  .strictObject({
    /** ISO 639-1 code of the language interpreted into. */
    language: languageCode,
    kind: z.enum(interpreterKinds),
  })
  .meta({ id: 'Interpreter' });
export type Interpreter = z.infer<typeof interpreter>;

/** Topic codes, each once (a repeated code is dropped); which codes exist is the configured list's say. */
const topicCodes = z
  .array(topicCode)
  .max(20)
  .transform((codes) => [...new Set(codes)]);

const consultationFields = {
  /** When the consultation began: ISO 8601 with an offset, e.g. 2026-03-16T09:30:00+01:00; from 2000 to a year ahead. */
  startedAt: instant.superRefine(withinDates('2000-01-01', { yearsFromToday: 1 }, 'The consultation')),
  durationMinutes: z.number().int().min(1).max(maxConsultationMinutes),
  form: z.enum(consultationForms),
  /** Left out, `legal` for a legal counsellor and `social` for anyone else (see `defaultConsultationKind`). */
  kind: z.enum(consultationKinds).optional(),
  /** Codes from the configured topic list (GET /api/counselling/topics). */
  topics: topicCodes.refine((codes) => codes.length > 0, { message: 'Choose at least one topic' }),
  interpreter: interpreter.nullable().optional(),
  /** The project the consultation counts against; left out, it is chosen from the client's eligibility. */
  projectId: uuid.nullable().optional(),
  /** Left out, the branch of the staff member recording it. */
  branchId: uuid.nullable().optional(),
  notes: optionalText(10_000).optional(),
  outcome: optionalText(2_000).optional(),
  followUp: optionalText(2_000).optional(),
};

export const createConsultationInput = z.strictObject({
  ...consultationFields,
  /** The appointment this consultation took place at; it becomes `attended` and links to the consultation. */
  appointmentId: uuid.optional(),
});
export type CreateConsultationInput = z.infer<typeof createConsultationInput>;

export const createAnonymousConsultationInput = z.strictObject({ ...consultationFields, anonymousProfile });
export type CreateAnonymousConsultationInput = z.infer<typeof createAnonymousConsultationInput>;

export const updateConsultationInput = z
  .strictObject({
    ...consultationFields,
    projectId: uuid.nullable(),
    branchId: uuid.nullable(),
    interpreter: interpreter.nullable(),
    notes: optionalText(10_000),
    outcome: optionalText(2_000),
    followUp: optionalText(2_000),
    /** Only for an anonymous consultation. */
    anonymousProfile,
  })
  .partial();
export type UpdateConsultationInput = z.infer<typeof updateConsultationInput>;

/** Fields of a consultation that are its content: confidential when the consultation is legal. */
export const consultationContentFields = ['form', 'topics', 'interpreter', 'notes', 'outcome', 'followUp'] as const;

export const listConsultationsQuery = z
  .strictObject({
    /** First day (Europe/Prague), inclusive. */
    from: isoDate.optional(),
    /** Last day, inclusive. */
    to: isoDate.optional(),
    staffId: staffId.optional(),
    kind: z.enum(consultationKinds).optional(),
    /** `true`: only anonymous consultations; `false`: only those of registered clients. */
    anonymous: z.enum(['true', 'false']).optional(),
    projectId: uuid.optional(),
    ...pagingQuery,
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: 'to must not be before from', path: ['to'] });
export type ListConsultationsQuery = z.infer<typeof listConsultationsQuery>;

export const listClientConsultationsQuery = z.strictObject({ ...pagingQuery });

export const consultationDefaultsQuery = z
  .strictObject({
    /** The client to be served; left out for an anonymous consultation. */
    clientId: uuid.optional(),
    /** The appointment the consultation is recorded from (with clientId). */
    appointmentId: uuid.optional(),
    /** The day of the consultation, for the project; today when left out. */
    on: isoDate.optional(),
  })
  .refine((query) => !query.appointmentId || query.clientId, { message: 'appointmentId needs clientId', path: ['clientId'] });
export type ConsultationDefaultsQuery = z.infer<typeof consultationDefaultsQuery>;

/** What a new consultation's form starts with. */
export const consultationDefaults = z.object({
  /** From the appointment, when there is one. */
  startedAt: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  interpreterLanguage: z.string().nullable(),
  appointmentId: uuid.nullable(),
  projectId: uuid.nullable(),
  branchId: uuid.nullable(),
  /** The kind for who records it: `legal` for a legal counsellor. */
  kind: z.enum(consultationKinds),
});
export type ConsultationDefaults = z.infer<typeof consultationDefaults>;

/** The client a consultation is with, as lists across clients show it. */
export const consultationClient = z.object({
  id: uuid,
  clientNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
});

const summaryFields = {
  ...serviceFields,
  kind: z.enum(consultationKinds),
  client: consultationClient.nullable(),
  appointmentId: uuid.nullable(),
};
const visibleSummaryFields = {
  contentHidden: z.literal(false),
  form: z.enum(consultationForms),
  topics: z.array(z.string()),
  interpreter: interpreter.nullable(),
};
/** A legal consultation the reader may not read: that it took place, when, how long, by whom. */
const hiddenContent = { contentHidden: z.literal(true) };

/** A consultation in a list: its content without the texts, or only the facts when the content is confidential. */
export const consultationListItem = z
  .discriminatedUnion('contentHidden', [
    z.object({ ...summaryFields, ...visibleSummaryFields }),
    z.object({ ...summaryFields, ...hiddenContent }),
  ])
  .meta({ id: 'ConsultationListItem' });
export type ConsultationListItem = z.infer<typeof consultationListItem>;

const recordFields = {
  /** The author: who recorded the consultation (they may always read and change it). */
  createdBy: staffReference.nullable(),
  /** Changes with every saved change; send it back in `If-Match` (decision 017). */
  version: recordVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const consultationResponse = z
  .discriminatedUnion('contentHidden', [
    z.object({
      ...summaryFields,
      ...recordFields,
      ...visibleSummaryFields,
      notes: z.string().nullable(),
      outcome: z.string().nullable(),
      followUp: z.string().nullable(),
    }),
    z.object({ ...summaryFields, ...recordFields, ...hiddenContent }),
  ])
  .meta({ id: 'Consultation' });
export type ConsultationResponse = z.infer<typeof consultationResponse>;

/**
 * Whether someone may read a consultation's content (decision 022): its author always; others need
 * `counselling.content` (counsellors and coordinators, not receptionists or the data protection
 * officer), and for a legal consultation `counselling.legal_content` too. Everyone else learns that it
 * took place, when, for how long, of which kind and by whom.
 */
export function canReadConsultationContent(
  reader: { id: string; roles: readonly Role[] },
  consultation: { kind: ConsultationKind; createdBy: string | null },
): boolean {
  if (consultation.createdBy === reader.id) return true;
  if (!hasPermission(reader.roles, 'counselling.content')) return false;
  return consultation.kind !== 'legal' || hasPermission(reader.roles, 'counselling.legal_content');
}

/**
 * Whether someone may read the content of a record that follows up a consultation or stands on its
 * own (a referral's reason and outcome, a task's title and description): its author always; a record
 * of a consultation follows that consultation's rule (a legal consultation's follow-up is legal
 * content wherever it goes); otherwise `needs` decides — `counselling.content` for referrals, nothing
 * for a task of its own.
 */
export function canReadLinkedContent(
  reader: { id: string; roles: readonly Role[] },
  record: { createdBy: string | null; consultation: { kind: ConsultationKind; createdBy: string | null } | null },
  needs: 'counselling.content' | null,
): boolean {
  if (record.createdBy === reader.id) return true;
  if (record.consultation) return canReadConsultationContent(reader, record.consultation);
  return needs === null || hasPermission(reader.roles, needs);
}

/**
 * Whether someone may see a client's document by name and download it: holders of documents.read,
 * and for a document of a legal consultation only those who may read that consultation.
 */
export function mayReadDocument(
  reader: { id: string; roles: readonly Role[] },
  consultationKind: ConsultationKind | null,
  consultationAuthor: string | null,
): boolean {
  return documentRestriction(reader, consultationKind, consultationAuthor) === null;
}

/**
 * Why a document is hidden from someone: `role` when their roles do not read documents at all,
 * `legal_content` when it belongs to a legal consultation they may not read.
 */
export const documentRestrictedReasons = ['role', 'legal_content'] as const;
export type DocumentRestrictedReason = (typeof documentRestrictedReasons)[number];

/** Why the reader may not see the document by name nor download it, or null when they may. */
export function documentRestriction(
  reader: { id: string; roles: readonly Role[] },
  consultationKind: ConsultationKind | null,
  consultationAuthor: string | null,
): DocumentRestrictedReason | null {
  if (!hasPermission(reader.roles, 'documents.read')) return 'role';
  if (consultationKind !== null && !canReadConsultationContent(reader, { kind: consultationKind, createdBy: consultationAuthor })) {
    return 'legal_content';
  }
  return null;
}

/**
 * Whether someone holding counselling.write may change a consultation: its author, or a coordinator,
 * who keeps the ledger right. Of a legal consultation, only who may read the content changes it.
 */
export function mayChangeConsultation(actor: { id: string; roles: readonly Role[] }, consultation: { createdBy: string | null }): boolean {
  return consultation.createdBy === actor.id || actor.roles.includes('coordinator');
}
