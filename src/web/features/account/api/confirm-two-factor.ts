import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../../components/api/request-api.js';
import { meQueryKey } from '../../session/index.js';

/** Confirms TOTP set-up with a first code from the authenticator app; from then on sign-in asks for a code. */
export function confirmTwoFactor(code: string): Promise<unknown> {
  return requestApi('/api/auth/two-factor/verify-totp', { method: 'POST', body: { code } });
}

export function useConfirmTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmTwoFactor,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
