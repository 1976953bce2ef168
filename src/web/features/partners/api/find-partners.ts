import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ListPartnersQuery, page, partnerResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { partnerKeys } from './partner-keys.js';

const partnerPage = page(partnerResponse);

/** A page of the directory by name, filtered; `q` ignores case and accents. */
export function findPartners(query: Partial<ListPartnersQuery>, signal?: AbortSignal) {
  return requestApi('/api/partners', { query, signal }, partnerPage);
}

export function usePartners(query: Partial<ListPartnersQuery>) {
  return useQuery({
    queryKey: partnerKeys.list(query),
    queryFn: ({ signal }) => findPartners(query, signal),
    placeholderData: keepPreviousData,
  });
}
