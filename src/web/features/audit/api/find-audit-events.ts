import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { auditEventResponse, type ListAuditQuery, page } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';

export type AuditEvent = z.infer<typeof auditEventResponse>;
const auditPage = page(auditEventResponse);

/** One page of the audit trail, newest first. */
export function findAuditEvents(query: Partial<ListAuditQuery>, signal?: AbortSignal) {
  return requestApi('/api/audit-events', { query, signal }, auditPage);
}

export function useFindAuditEvents(query: Partial<ListAuditQuery>) {
  return useQuery({
    queryKey: ['audit-events', query],
    queryFn: ({ signal }) => findAuditEvents(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
