import { z } from 'zod';
import { isoDate, pagingQuery, uiLanguage, uuid } from './common.js';

/** What the audit trail records. */
export const auditActions = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'auth.password_changed',
  /** A signed-in user typed a wrong password (changing it, or setting up two-factor sign-in). */
  'auth.password_check_failed',
  'auth.two_factor_enabled',
  'auth.two_factor_disabled',
  'setup.completed',
  'user.created',
  'user.updated',
  'user.roles_changed',
  'user.deactivated',
  'user.reactivated',
  'user.locale_changed',
  'user.password_reset',
  'user.two_factor_reset',
  'branch.created',
  'branch.updated',
  'project.created',
  'project.updated',
  'settings.updated',
  'client.created',
  'client.read',
  /** A list or search of clients: one entry per request, with the ids it returned (decision 016). */
  'client.searched',
  'client.updated',
  'client.archived',
  'client.unarchived',
  'client.duplicate_confirmed',
  'client.merged',
  'client.merged_away',
  'client.consent_given',
  'client.consent_withdrawn',
  'client.break_glass',
  'audit.read',
  'audit.exported',
  'consultation.created',
  'consultation.read',
  'consultation.updated',
  'consultation.deleted',
  'appointment.created',
  'appointment.read',
  'appointment.updated',
  'appointment.status_changed',
  'appointment.status_undone',
  'calendar_feed.created',
  'calendar_feed.revoked',
  'plan.created',
  'plan.read',
  'plan.updated',
  'plan.goal_added',
  'plan.goal_updated',
  'plan.reviewed',
  'plan.closed',
  'task.created',
  'task.updated',
  'task.completed',
  'task.listed',
  'task.read',
  'my_day.read',
  'document.uploaded',
  'document.read',
  'document.downloaded',
  'document.deleted',
  'partner.created',
  'partner.updated',
  'referral.created',
  'referral.read',
  'referral.updated',
  'timeline.read',
  'outbox.read',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** A client number as staff write it: 2026-00042, 2026-42 or 2026/42. */
export const clientNumberFilter = z
  .string()
  .trim()
  .regex(/^\d{4}[-/]\d{1,5}$/, 'A client number such as 2026-00042');

/** The filters of the audit trail, shared by the browsing page and the CSV export. */
export const auditFilters = {
  actorId: z.string().max(100).optional(),
  clientId: uuid.optional(),
  /** The client with this number, or the one a record with this number was merged into, with its merged records. */
  clientNumber: clientNumberFilter.optional(),
  action: z.enum(auditActions).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

export const listAuditQuery = z.strictObject({ ...auditFilters, ...pagingQuery });
export type ListAuditQuery = z.infer<typeof listAuditQuery>;

export const exportAuditQuery = z.strictObject({
  ...auditFilters,
  /** The language of the column headings. */
  lang: uiLanguage.default('cs'),
});
export type ExportAuditQuery = z.infer<typeof exportAuditQuery>;
export type AuditFilterQuery = Omit<ExportAuditQuery, 'lang'>;

/** Most rows one CSV export holds; a larger trail is exported in parts, by period. */
export const auditExportMaxRows = 50_000;

/** One changed field: values only for fields that are not personal data. */
export const fieldChange = z.object({ field: z.string(), before: z.unknown().optional(), after: z.unknown().optional() });
export type FieldChange = z.infer<typeof fieldChange>;

export const auditEventResponse = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.object({ id: z.string(), name: z.string() }).nullable(),
    action: z.enum(auditActions),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    clientId: z.string().nullable(),
    /** The client the entry is about, resolved: its number, and its name for those who may read clients. */
    client: z
      .object({
        id: z.string(),
        clientNumber: z.string().nullable(),
        /** Null unless the reader may read clients (decision 016). */
        name: z.string().nullable(),
      })
      .nullable(),
    /** For a list or search: how many clients it returned and, filtered by a client, whether that one was among them. */
    listed: z.object({ count: z.number().int(), includesClient: z.boolean().nullable() }).nullable(),
    /** The staff member an entry about an account is about. */
    entityName: z.string().nullable(),
    changes: z.array(fieldChange),
    details: z.record(z.string(), z.unknown()).nullable(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });

/** The client fields whose changes the audit trail records. */
export const clientAuditFields = [
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
  'street',
  'municipality',
  'postcode',
  'district',
  'branchId',
  'note',
  'residenceCategory',
  'residenceValidFrom',
  'residenceValidUntil',
] as const;
/** Of those, the ones that are not personal data: only their values are kept (decision 004). */
export const clientAuditValueFields = ['branchId', 'preferredLanguage', 'languages'] as const;
