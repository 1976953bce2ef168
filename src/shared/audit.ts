import { z } from 'zod';
import { isoDate, pagingQuery, uuid } from './common.js';

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

export const listAuditQuery = z.strictObject({
  actorId: z.string().max(100).optional(),
  clientId: uuid.optional(),
  action: z.enum(auditActions).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pagingQuery,
});
export type ListAuditQuery = z.infer<typeof listAuditQuery>;

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
