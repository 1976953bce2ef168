import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { appointmentResponse, page } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { appointmentKeys } from './appointment-keys.js';

const appointmentsPage = page(appointmentResponse);

/** A page of a client's appointments, newest first (the API audits the read). */
export function findClientAppointments(clientId: string, query: { limit: number; offset: number }, signal?: AbortSignal) {
  return requestApi(`/api/clients/${encodeURIComponent(clientId)}/appointments`, { query, signal }, appointmentsPage);
}

export function useClientAppointments(clientId: string, query: { limit: number; offset: number }) {
  return useQuery({
    queryKey: appointmentKeys.ofClient(clientId, query),
    queryFn: ({ signal }) => findClientAppointments(clientId, query, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
