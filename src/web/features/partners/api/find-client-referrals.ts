import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ListReferralsQuery, page, referralResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { referralKeys } from './partner-keys.js';

const referralPage = page(referralResponse);

/** A page of a client's referrals, latest first (the API audits the read). */
export function findClientReferrals(clientId: string, query: Partial<ListReferralsQuery>, signal?: AbortSignal) {
  return requestApi(`/api/clients/${encodeURIComponent(clientId)}/referrals`, { query, signal }, referralPage);
}

/** Asked afresh on every opening: each read is audited. */
export function useClientReferrals(clientId: string, query: Partial<ListReferralsQuery>) {
  return useQuery({
    queryKey: referralKeys.ofClient(clientId, query),
    queryFn: ({ signal }) => findClientReferrals(clientId, query, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchOnMount: 'always',
  });
}
