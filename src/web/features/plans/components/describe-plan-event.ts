import type { TFunction } from 'i18next';
import { goalStatuses, lifeAreas, planOutcomes } from '../../../../shared/index.js';

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T => values.includes(value as T);

/** The plan fields an event may name as changed, with their labels. */
const fieldLabels = {
  responsibleId: 'plans.responsible',
  nextReviewOn: 'plans.nextReviewOn',
  area: 'plans.area',
  title: 'plans.goal',
  status: 'plans.goalStatus',
  steps: 'plans.steps',
  dueOn: 'plans.dueOn',
} as const;

/**
 * One line about a plan change for the client's timeline, from the facts its audit entry keeps (area,
 * status, dates, outcome, changed fields — never the client's words). Null when there is nothing to add
 * to the action's name.
 */
export function describePlanEvent(
  action: string,
  details: Record<string, unknown> | null,
  t: TFunction,
  formatDate: (date: string) => string,
): string | null {
  if (!details) return null;
  const date = (key: string) => (typeof details[key] === 'string' ? formatDate(details[key]) : null);
  const fields = Array.isArray(details.fields)
    ? details.fields
        .filter((field): field is keyof typeof fieldLabels => typeof field === 'string' && field in fieldLabels)
        .map((field) => t(fieldLabels[field]))
    : [];
  const changed = fields.length ? t('plans.event.changed', { fields: fields.join(', ') }) : null;
  const parts: (string | null)[] = [];
  switch (action) {
    case 'plan.created':
      parts.push(date('openedOn') ? t('plans.event.openedOn', { date: date('openedOn') }) : null);
      break;
    case 'plan.updated':
      parts.push(changed);
      break;
    case 'plan.goal_added':
    case 'plan.goal_updated': {
      parts.push(isOneOf(lifeAreas, details.area) ? t(`lifeArea.${details.area}`) : null);
      parts.push(isOneOf(goalStatuses, details.status) ? t(`goalStatus.${details.status}`) : null);
      const total = Number(details.stepsTotal ?? 0);
      parts.push(total > 0 ? t('plans.stepsDone', { done: Number(details.stepsDone ?? 0), total }) : null);
      if (action === 'plan.goal_updated') parts.push(changed);
      break;
    }
    case 'plan.reviewed':
      parts.push(date('nextReviewOn') ? t('plans.event.nextReview', { date: date('nextReviewOn') }) : null);
      break;
    case 'plan.closed':
      parts.push(isOneOf(planOutcomes, details.outcome) ? t(`planOutcome.${details.outcome}`) : null);
      break;
  }
  const text = parts.filter(Boolean).join(' · ');
  return text || null;
}
