import { useMutation, useQueryClient } from '@tanstack/react-query';
import { appointmentResponse, type CreateAppointmentInput } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { appointmentKeys } from './appointment-keys.js';

/** Books an appointment; 409 APPOINTMENT_CONFLICT or NOT_BOOKABLE when the time cannot be had. */
export function createAppointment(input: CreateAppointmentInput) {
  return requestApi('/api/appointments', { method: 'POST', body: input }, appointmentResponse);
}

export function useCreateAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAppointment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appointmentKeys.all }),
  });
}
