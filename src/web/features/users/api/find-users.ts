import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { page, userResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';

export type FindUsersQuery = { q?: string; active?: 'true' | 'false' | 'all'; limit?: number; offset?: number };
const userPage = page(userResponse);

/** One page of staff accounts. */
export function findUsers(query: FindUsersQuery, signal?: AbortSignal) {
  return requestApi('/api/users', { query, signal }, userPage);
}

export function useFindUsers(query: FindUsersQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['users', 'list', query],
    queryFn: ({ signal }) => findUsers(query, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
