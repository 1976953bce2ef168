import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type WorkingHours, workingHours } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { appointmentKeys } from './appointment-keys.js';

/** Replaces the working hours. */
export function updateWorkingHours(input: WorkingHours) {
  return requestApi('/api/settings/working-hours', { method: 'PUT', body: input }, workingHours);
}

export function useUpdateWorkingHours() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateWorkingHours,
    onSuccess: (saved) => queryClient.setQueryData(appointmentKeys.workingHours, saved),
  });
}
