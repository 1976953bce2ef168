import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../../components/api/request-api.js';
import { meQueryKey } from '../../session/index.js';

/** Turns two-factor sign-in off (confirmed with the password). */
export function disableTwoFactor(password: string): Promise<unknown> {
  return requestApi('/api/auth/two-factor/disable', { method: 'POST', body: { password } });
}

export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableTwoFactor,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
