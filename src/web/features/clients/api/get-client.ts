import { useQuery } from '@tanstack/react-query';
import { clientResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { clientKeys } from './client-keys.js';

/** One client's whole record (the API audits the read). */
export function getClient(id: string, signal?: AbortSignal) {
  return requestApi(`/api/clients/${encodeURIComponent(id)}`, { signal }, clientResponse);
}

/**
 * Every opening of a record asks the API again, even with a copy in the cache: the API audits each
 * read, and the audit trail must show every time someone looked at a client.
 */
export function useClient(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    enabled: options.enabled ?? true,
    queryKey: clientKeys.detail(id),
    queryFn: ({ signal }) => getClient(id, signal),
    staleTime: 0,
    refetchOnMount: 'always',
  });
}
