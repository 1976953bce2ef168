import { useQuery } from '@tanstack/react-query';
import { page, staffReference } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { taskKeys } from './task-keys.js';

const staffPage = page(staffReference);

/** Staff a task can be assigned to (a centre's staff fit on one page). */
export function findAssignees(signal?: AbortSignal) {
  return requestApi('/api/tasks/assignees', { query: { limit: 100 }, signal }, staffPage);
}

export function useAssignees() {
  return useQuery({ queryKey: taskKeys.assignees, queryFn: ({ signal }) => findAssignees(signal), staleTime: 60_000 });
}
