import { useQuery } from '@tanstack/react-query';
import { workingHours } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { appointmentKeys } from './appointment-keys.js';

/** The centre's working hours. */
export function getWorkingHours(signal?: AbortSignal) {
  return requestApi('/api/settings/working-hours', { signal }, workingHours);
}

export function useWorkingHours() {
  return useQuery({ queryKey: appointmentKeys.workingHours, queryFn: ({ signal }) => getWorkingHours(signal) });
}
