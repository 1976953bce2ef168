import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { myDayResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { taskKeys } from './task-keys.js';

/** Today's and overdue tasks, and permits about to expire, of the signed-in user. */
export function getMyDay(paging: { limit: number; offset: number }, signal?: AbortSignal) {
  return requestApi('/api/my-day', { query: paging, signal }, myDayResponse);
}

export function useMyDay(paging: { limit: number; offset: number }) {
  return useQuery({
    queryKey: taskKeys.myDay(paging),
    queryFn: ({ signal }) => getMyDay(paging, signal),
    placeholderData: keepPreviousData,
  });
}
