import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UiLanguage } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { meQueryKey } from '../../session/index.js';

/** Saves the UI language of the signed-in user. */
export function updateMyLocale(locale: UiLanguage): Promise<unknown> {
  return requestApi('/api/me', { method: 'PATCH', body: { locale } });
}

export function useUpdateMyLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMyLocale,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
