import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { consultationListItem, type ListConsultationsQuery, page } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { consultationKeys } from './consultation-keys.js';

const consultationPage = page(consultationListItem);

/** A page of all consultations, anonymous ones included, filtered and newest first. */
export function findConsultations(query: Partial<ListConsultationsQuery>, signal?: AbortSignal) {
  return requestApi('/api/consultations', { query, signal }, consultationPage);
}

export function useFindConsultations(query: Partial<ListConsultationsQuery>) {
  return useQuery({
    queryKey: consultationKeys.list(query),
    queryFn: ({ signal }) => findConsultations(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
