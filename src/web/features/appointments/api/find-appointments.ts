import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { appointmentResponse, type ListAppointmentsQuery, page } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { appointmentKeys } from './appointment-keys.js';

const calendarPage = page(appointmentResponse);

/** The appointments starting on the days of the query (the API audits each read). */
export function findAppointments(query: ListAppointmentsQuery, signal?: AbortSignal) {
  return requestApi('/api/appointments', { query, signal }, calendarPage);
}

export function useAppointments(query: ListAppointmentsQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    enabled: options.enabled ?? true,
    queryKey: appointmentKeys.calendar(query),
    queryFn: ({ signal }) => findAppointments(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
