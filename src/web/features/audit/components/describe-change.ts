import type { TFunction } from 'i18next';
import {
  type AuditAction,
  auditActions,
  clientAuditFields,
  partnerAuditFields,
  type Role,
  roles,
  weekdays,
} from '../../../../shared/index.js';
import type { Formatters } from '../../../components/intl/use-format.js';

const fieldKeys = [
  ...clientAuditFields,
  'code',
  'name',
  'funder',
  'startsOn',
  'endsOn',
  'active',
  'targetGroup',
  'description',
  'roles',
  'twoFactorRequiredRoles',
  'address',
  'archived',
  'locale',
  // Consultations and the topic list
  'startedAt',
  'durationMinutes',
  'projectId',
  'form',
  'kind',
  'topics',
  'interpreter',
  'notes',
  'outcome',
  'followUp',
  'anonymousProfile',
  'activeTopics',
  'labels',
  // Appointments and the working hours
  'staffId',
  'clientId',
  'contactName',
  'contactPhone',
  'contactEmail',
  'startsAt',
  'endsAt',
  'place',
  'purpose',
  'interpreterLanguage',
  'status',
  'cancelReason',
  'serviceId',
  ...weekdays,
  // Plans and tasks
  'responsibleId',
  'nextReviewOn',
  'area',
  'title',
  'steps',
  'dueOn',
  'assigneeId',
  // Documents, partners and referrals
  'fileName',
  'mediaType',
  'sizeBytes',
  'consultationId',
  'deletedAt',
  ...partnerAuditFields,
  'partnerId',
  'referredOn',
  'reason',
] as const;
type FieldKey = (typeof fieldKeys)[number];

const entityKeys = [
  'branch',
  'centre',
  'client',
  'consent',
  'project',
  'settings',
  'user',
  'consultation',
  'appointment',
  'calendar_feed',
  'outbox',
  'working_hours',
  'plan',
  'plan_goal',
  'plan_review',
  'task',
  'document',
  'partner',
  'referral',
] as const;
type EntityKey = (typeof entityKeys)[number];

/** A field name of the audit trail in the UI language; unknown fields keep their technical name. */
export function describeField(field: string, t: TFunction): string {
  return (fieldKeys as readonly string[]).includes(field) ? t(`auditField.${field as FieldKey}`) : field;
}

/** The kind of record an event is about, in the UI language. */
export function describeEntity(entityType: string | null, t: TFunction): string {
  if (!entityType) return '';
  return (entityKeys as readonly string[]).includes(entityType) ? t(`auditEntity.${entityType as EntityKey}`) : entityType;
}

export function describeAction(action: string, t: TFunction): string {
  return (auditActions as readonly string[]).includes(action) ? t(`auditAction.${action as AuditAction}`) : action;
}

/** A recorded value, readable: names for codes and ids, dates as the reader writes them. */
export function describeValue(
  field: string,
  value: unknown,
  t: TFunction,
  format: Pick<Formatters, 'formatDate' | 'formatLanguage'>,
  branchNames: ReadonlyMap<string, string>,
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value.map((item) => describeValue(field, item, t, format, branchNames)).join(', ');
  }
  if (typeof value === 'string') {
    if ((field === 'roles' || field === 'twoFactorRequiredRoles') && (roles as readonly string[]).includes(value))
      return t(`role.${value as Role}`);
    if (field === 'branchId') return branchNames.get(value) ?? value;
    if (field === 'preferredLanguage' || field === 'languages') return format.formatLanguage(value);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return format.formatDate(value);
    return value;
  }
  if (typeof value === 'number') return String(value);
  return t('audit.structuredValue');
}
