import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { documentResponse, type ListDocumentsQuery, page } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { documentKeys } from './document-keys.js';

const documentPage = page(documentResponse);

/** A page of a client's documents, newest first (the API audits the read). */
export function findClientDocuments(clientId: string, query: Partial<ListDocumentsQuery>, signal?: AbortSignal) {
  return requestApi(`/api/clients/${encodeURIComponent(clientId)}/documents`, { query, signal }, documentPage);
}

/** Asked afresh on every opening: each read is audited. */
export function useClientDocuments(clientId: string, query: Partial<ListDocumentsQuery>) {
  return useQuery({
    queryKey: documentKeys.ofClient(clientId, query),
    queryFn: ({ signal }) => findClientDocuments(clientId, query, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchOnMount: 'always',
  });
}
