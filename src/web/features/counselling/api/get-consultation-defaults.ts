import { useQuery } from '@tanstack/react-query';
import { type ConsultationDefaultsQuery, consultationDefaults } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { consultationKeys } from './consultation-keys.js';

/** What a new consultation's form starts with: the appointment's time, the default project and branch. */
export function getConsultationDefaults(query: ConsultationDefaultsQuery, signal?: AbortSignal) {
  return requestApi('/api/consultations/defaults', { query, signal }, consultationDefaults);
}

export function useConsultationDefaults(query: ConsultationDefaultsQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    enabled: options.enabled ?? true,
    queryKey: consultationKeys.defaults(query),
    queryFn: ({ signal }) => getConsultationDefaults(query, signal),
    staleTime: 0,
  });
}
