import type { TFunction } from 'i18next';
import type { TaskResponse } from '../../../../shared/index.js';

/**
 * A task's title: the job's permit tasks are named in the reader's language, with the expiry date,
 * as expired once that date is before `today` (the centre's day, YYYY-MM-DD).
 */
export function taskTitleOf(task: TaskResponse, t: TFunction, formatDate: (date: string) => string, today: string): string {
  // A follow-up of a consultation the reader may not read is named neutrally (decision 022).
  if (task.contentHidden) return t(task.consultation?.kind === 'legal' ? 'privacy.legalFollowUp' : 'privacy.consultationFollowUp');
  if (!task.permit) return task.title;
  const date = formatDate(task.permit.validUntil);
  if (task.permit.validUntil < today) return t('tasks.permitTitleExpired', { date });
  return t(task.permit.stage === 90 ? 'tasks.permitTitle90' : 'tasks.permitTitle30', { date });
}
