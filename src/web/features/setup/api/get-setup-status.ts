import { useQuery } from '@tanstack/react-query';
import { setupStatusResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';

export const setupStatusQueryKey = ['setup-status'] as const;

/** Whether the centre still needs its first-run setup. */
export function getSetupStatus(signal?: AbortSignal) {
  return requestApi('/api/setup', { signal }, setupStatusResponse);
}

export function useSetupStatus() {
  return useQuery({ queryKey: setupStatusQueryKey, queryFn: ({ signal }) => getSetupStatus(signal), staleTime: Number.POSITIVE_INFINITY });
}
