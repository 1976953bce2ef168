import { useInfiniteQuery } from '@tanstack/react-query';
import { type TimelineKind, timelineResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';

const pageSize = 30;

/** A page of a client's timeline, older than `cursor` (the API audits each read). */
export function getTimeline(clientId: string, kinds: readonly TimelineKind[], cursor: string | null, signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: String(pageSize) });
  if (kinds.length) query.set('kinds', kinds.join(','));
  if (cursor) query.set('cursor', cursor);
  return requestApi(`/api/clients/${encodeURIComponent(clientId)}/timeline?${query}`, { signal }, timelineResponse);
}

/** The timeline a page at a time; "show older" fetches the next page. Always asked afresh, as reads are audited. */
export function useTimeline(clientId: string, kinds: readonly TimelineKind[]) {
  return useInfiniteQuery({
    queryKey: ['timeline', clientId, [...kinds].sort()],
    queryFn: ({ pageParam, signal }) => getTimeline(clientId, kinds, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
    refetchOnMount: 'always',
  });
}
