import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../../components/api/request-api.js';
import { meQueryKey } from './get-me.js';

/** Ends the session. */
export function signOut(): Promise<unknown> {
  return requestApi('/api/auth/sign-out', { method: 'POST' });
}

/** Signs out and forgets everything cached about the session, even when the server already had ended it. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
