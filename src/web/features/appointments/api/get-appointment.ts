import { useQuery } from '@tanstack/react-query';
import { appointmentDetailResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { appointmentKeys } from './appointment-keys.js';

/** One appointment with its reminders (the API audits the read). */
export function getAppointment(id: string, signal?: AbortSignal) {
  return requestApi(`/api/appointments/${encodeURIComponent(id)}`, { signal }, appointmentDetailResponse);
}

/** Asked again at every opening: the API audits each read. */
export function useAppointment(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    enabled: options.enabled ?? true,
    queryKey: appointmentKeys.detail(id),
    queryFn: ({ signal }) => getAppointment(id, signal),
    staleTime: 0,
    refetchOnMount: 'always',
  });
}
