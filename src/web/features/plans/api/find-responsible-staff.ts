import { useQuery } from '@tanstack/react-query';
import { page, staffReference } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { planKeys } from './plan-keys.js';

const staffPage = page(staffReference);

/** Staff who can be made responsible for a plan or a goal (a centre's staff fit on one page). */
export function findResponsibleStaff(signal?: AbortSignal) {
  return requestApi('/api/plans/responsible-staff', { query: { limit: 100 }, signal }, staffPage);
}

export function useResponsibleStaff(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: planKeys.responsibleStaff,
    queryFn: ({ signal }) => findResponsibleStaff(signal),
    enabled: options.enabled ?? true,
    staleTime: 60_000,
  });
}
