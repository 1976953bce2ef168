import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { clientListItem, type ListClientsQuery, page } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { clientKeys } from './client-keys.js';

const clientPage = page(clientListItem);

/** One page of the client register, filtered and sorted; with `q`, each item says why it matched. */
export function findClients(query: Partial<ListClientsQuery>, signal?: AbortSignal) {
  return requestApi('/api/clients', { query, signal }, clientPage);
}

export function useFindClients(query: Partial<ListClientsQuery>) {
  return useQuery({
    queryKey: clientKeys.list(query),
    queryFn: ({ signal }) => findClients(query, signal),
    placeholderData: keepPreviousData,
  });
}
