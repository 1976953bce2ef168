import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { clientKeys } from './client-keys.js';
import { findClients } from './find-clients.js';

/** How many results the quick search shows; the client list shows the rest. */
export const quickSearchLimit = 8;

/**
 * The best matches for a search as the user types (`q` already debounced), archived records among
 * them (a returning client is often archived; the result says so). Nothing is asked below two
 * characters, which the API would refuse.
 */
export function useQuickSearch(q: string) {
  const query = q.trim();
  const enabled = [...query].length >= 2;
  const params = { q: query, limit: quickSearchLimit, archived: 'all' } as const;
  return useQuery({
    queryKey: clientKeys.list(params),
    queryFn: ({ signal }) => findClients(params, signal),
    enabled,
    placeholderData: enabled ? keepPreviousData : undefined,
    staleTime: 10_000,
  });
}
