import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { consultationListItem, page } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { consultationKeys } from './consultation-keys.js';

const consultationPage = page(consultationListItem);

/** A page of a client's consultations, newest first (the API audits the read). */
export function findClientConsultations(clientId: string, paging: { limit: number; offset: number }, signal?: AbortSignal) {
  return requestApi(`/api/clients/${encodeURIComponent(clientId)}/consultations`, { query: paging, signal }, consultationPage);
}

/** Asked afresh on every opening: each read is audited. */
export function useClientConsultations(clientId: string, paging: { limit: number; offset: number }) {
  return useQuery({
    queryKey: consultationKeys.ofClient(clientId, paging),
    queryFn: ({ signal }) => findClientConsultations(clientId, paging, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchOnMount: 'always',
  });
}
