import { useQuery } from '@tanstack/react-query';
import { page, planResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { planKeys } from './plan-keys.js';

const planPage = page(planResponse);

/** A client has a handful of plans at most: the first hundred are all of them. */
const planLimit = 100;

/** A client's plans, the open one first, with goals and reviews (the API audits each read). */
export function findClientPlans(clientId: string, signal?: AbortSignal) {
  return requestApi(`/api/clients/${encodeURIComponent(clientId)}/plans`, { query: { limit: planLimit }, signal }, planPage);
}

/** Asked afresh on every opening of the section, as each read is audited; writes update the copy. */
export function useClientPlans(clientId: string) {
  return useQuery({
    queryKey: planKeys.ofClient(clientId),
    queryFn: ({ signal }) => findClientPlans(clientId, signal),
    staleTime: 0,
    refetchOnMount: 'always',
  });
}
