import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { TaskResponse } from '../../../../shared/index.js';
import { taskTitleOf } from './task-title.js';

/** The key and its values, to see which text would be shown. */
const t = ((key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values ?? {})}`) as unknown as TFunction;
const formatDate = (date: string) => `<${date}>`;
const permitTask = (validUntil: string, stage: 90 | 30) => ({ title: 'stored', permit: { validUntil, stage } }) as TaskResponse;

describe('a permit task’s title', () => {
  it('says the permit expires while its date is today or later', () => {
    expect(taskTitleOf(permitTask('2026-05-01', 90), t, formatDate, '2026-02-01')).toBe('tasks.permitTitle90 {"date":"<2026-05-01>"}');
    expect(taskTitleOf(permitTask('2026-05-01', 30), t, formatDate, '2026-05-01')).toBe('tasks.permitTitle30 {"date":"<2026-05-01>"}');
  });

  it('says the permit expired once its date is past', () => {
    expect(taskTitleOf(permitTask('2026-05-01', 30), t, formatDate, '2026-05-02')).toBe('tasks.permitTitleExpired {"date":"<2026-05-01>"}');
  });

  it('keeps the title of a task someone wrote', () => {
    expect(taskTitleOf({ title: 'Call the office', permit: null } as TaskResponse, t, formatDate, '2026-05-02')).toBe('Call the office');
  });
});
