import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Settings } from '../../../../shared/index.js';
import { settingsResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { settingsQueryKey } from './get-settings.js';

/** Saves the centre's settings. */
export function updateSettings(input: Settings) {
  return requestApi('/api/settings', { method: 'PUT', body: input }, settingsResponse);
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsQueryKey, settings);
      // The signed-in user's own two-factor obligation may have changed.
      return queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
