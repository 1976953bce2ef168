import { useMutation, useQueryClient } from '@tanstack/react-query';
import { appointmentResponse, type UpdateAppointmentInput } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { appointmentKeys } from './appointment-keys.js';

/** Changes or reschedules a booked appointment (checked as a new booking when the time moves). */
export function updateAppointment({ id, input, version }: { id: string; input: UpdateAppointmentInput; version: number }) {
  return requestApi(`/api/appointments/${encodeURIComponent(id)}`, { method: 'PATCH', body: input, version }, appointmentResponse);
}

export function useUpdateAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAppointment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appointmentKeys.all }),
  });
}
