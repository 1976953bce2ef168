import type { ListTasksQuery } from '../../../../shared/index.js';

/** Query keys of tasks; a write asks every task list and My day again. */
export const taskKeys = {
  all: ['tasks'] as const,
  list: (query: Partial<ListTasksQuery>) => ['tasks', 'list', query] as const,
  assignees: ['tasks', 'assignees'] as const,
  myDay: (paging: { limit: number; offset: number }) => ['tasks', 'my-day', paging] as const,
};
