import { useMutation } from '@tanstack/react-query';
import { requestApi } from '../../../components/api/request-api.js';

export type SignInInput = { email: string; password: string };
export type SignInResult = { twoFactorRedirect?: boolean };

/** Signs in with e-mail and password; `twoFactorRedirect` asks for the second factor next. */
export function signIn(input: SignInInput): Promise<SignInResult> {
  return requestApi<SignInResult>('/api/auth/sign-in/email', { method: 'POST', body: input });
}

export function useSignIn() {
  return useMutation({ mutationFn: signIn });
}
