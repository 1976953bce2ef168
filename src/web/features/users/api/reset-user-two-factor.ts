import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../../components/api/request-api.js';

/** Removes a staff member's authenticator (two-step sign-in); all their sessions end. */
export function resetUserTwoFactor(id: string): Promise<unknown> {
  return requestApi(`/api/users/${encodeURIComponent(id)}/two-factor/reset`, { method: 'POST' });
}

export function useResetUserTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: resetUserTwoFactor, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }) });
}
