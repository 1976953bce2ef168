import { useMutation, useQueryClient } from '@tanstack/react-query';
import { appointmentResponse, type ChangeAppointmentStatusInput } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { appointmentKeys } from './appointment-keys.js';

/** Marks an appointment attended, no-show or cancelled, or books it again. */
export function changeAppointmentStatus({ id, input, version }: { id: string; input: ChangeAppointmentStatusInput; version: number }) {
  return requestApi(`/api/appointments/${encodeURIComponent(id)}/status`, { method: 'POST', body: input, version }, appointmentResponse);
}

export function useChangeAppointmentStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeAppointmentStatus,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appointmentKeys.all }),
  });
}
