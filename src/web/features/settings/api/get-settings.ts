import { useQuery } from '@tanstack/react-query';
import { settingsResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';

export const settingsQueryKey = ['settings'] as const;

/** The centre's settings. */
export function getSettings(signal?: AbortSignal) {
  return requestApi('/api/settings', { signal }, settingsResponse);
}

export function useSettings() {
  return useQuery({ queryKey: settingsQueryKey, queryFn: ({ signal }) => getSettings(signal) });
}
