import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ListTasksQuery, page, taskResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { taskKeys } from './task-keys.js';

const taskPage = page(taskResponse);

/** A page of tasks, soonest due first. */
export function findTasks(query: Partial<ListTasksQuery>, signal?: AbortSignal) {
  return requestApi('/api/tasks', { query, signal }, taskPage);
}

export function useFindTasks(query: Partial<ListTasksQuery>) {
  return useQuery({ queryKey: taskKeys.list(query), queryFn: ({ signal }) => findTasks(query, signal), placeholderData: keepPreviousData });
}
