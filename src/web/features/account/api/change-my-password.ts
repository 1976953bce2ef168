import { useMutation } from '@tanstack/react-query';
import { requestApi } from '../../../components/api/request-api.js';

export type ChangePasswordInput = { currentPassword: string; newPassword: string };

/** Changes the signed-in user's password; their other sessions end. */
export function changeMyPassword(input: ChangePasswordInput): Promise<unknown> {
  return requestApi('/api/me/password', { method: 'POST', body: input });
}

export function useChangeMyPassword() {
  return useMutation({ mutationFn: changeMyPassword });
}
