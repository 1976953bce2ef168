import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogues } from '../../../i18n/catalogues.js';
import { describePlanEvent } from './describe-plan-event.js';

let t: TFunction;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'en', resources: { en: { translation: catalogues.en } }, interpolation: { escapeValue: false } });
  t = instance.t;
});
const formatDate = (date: string) => `[${date}]`;

describe('describePlanEvent', () => {
  it("says a goal's life area, status and progress from the audit entry's facts", () => {
    const details = { planId: 'p', goalId: 'g', area: 'residence', status: 'in_progress', stepsDone: 1, stepsTotal: 3 };
    expect(describePlanEvent('plan.goal_added', details, t, formatDate)).toBe('Residence · In progress · Steps done: 1 of 3');
    expect(describePlanEvent('plan.goal_updated', { ...details, stepsTotal: 0, fields: ['status', 'title'] }, t, formatDate)).toBe(
      'Residence · In progress · Changed: Status, Goal',
    );
  });

  it('names the outcome of a closing, the next review of a review and the opening day', () => {
    expect(describePlanEvent('plan.closed', { outcome: 'client_moved_away' }, t, formatDate)).toBe('The client moved away');
    expect(describePlanEvent('plan.reviewed', { reviewedOn: '2026-03-01', nextReviewOn: '2026-06-01' }, t, formatDate)).toBe(
      'Next review [2026-06-01]',
    );
    expect(describePlanEvent('plan.created', { openedOn: '2026-01-05' }, t, formatDate)).toBe('Opened on [2026-01-05]');
    expect(describePlanEvent('plan.updated', { fields: ['responsibleId', 'nextReviewOn'] }, t, formatDate)).toBe(
      'Changed: Responsible person, Next review',
    );
  });

  it('says nothing it cannot read: no details, unknown codes and fields', () => {
    expect(describePlanEvent('plan.closed', null, t, formatDate)).toBeNull();
    expect(describePlanEvent('plan.goal_added', { area: 'sport', status: 'won' }, t, formatDate)).toBeNull();
    expect(describePlanEvent('plan.updated', { fields: ['secret'] }, t, formatDate)).toBeNull();
  });
});
