import { useQuery } from '@tanstack/react-query';
import { consultationResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { consultationKeys } from './consultation-keys.js';

/** One consultation, as far as the reader may see it (the API audits the read). */
export function getConsultation(id: string, signal?: AbortSignal) {
  return requestApi(`/api/consultations/${encodeURIComponent(id)}`, { signal }, consultationResponse);
}

/** Asked afresh on every opening: each read is audited. */
export function useConsultation(id: string) {
  return useQuery({
    queryKey: consultationKeys.detail(id),
    queryFn: ({ signal }) => getConsultation(id, signal),
    staleTime: 0,
    refetchOnMount: 'always',
  });
}
