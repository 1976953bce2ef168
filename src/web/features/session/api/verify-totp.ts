import { useMutation } from '@tanstack/react-query';
import { requestApi } from '../../../components/api/request-api.js';

/** Finishes a two-factor sign-in with the 6-digit code from the authenticator app. */
export function verifyTotp(code: string): Promise<unknown> {
  return requestApi('/api/auth/two-factor/verify-totp', { method: 'POST', body: { code } });
}

export function useVerifyTotp() {
  return useMutation({ mutationFn: verifyTotp });
}
