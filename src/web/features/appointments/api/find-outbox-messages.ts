import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ListOutboxQuery, outboxMessageResponse, page } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { appointmentKeys } from './appointment-keys.js';

const outboxPage = page(outboxMessageResponse);

/** A page of the messages to clients, newest first (the API audits the read). */
export function findOutboxMessages(query: Partial<ListOutboxQuery>, signal?: AbortSignal) {
  return requestApi('/api/outbox', { query, signal }, outboxPage);
}

export function useOutboxMessages(query: Partial<ListOutboxQuery>) {
  return useQuery({
    queryKey: appointmentKeys.outbox(query),
    queryFn: ({ signal }) => findOutboxMessages(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
