import { useMutation } from '@tanstack/react-query';
import { requestApi } from '../../../components/api/request-api.js';

export type TwoFactorEnrolment = { totpURI: string; backupCodes: string[] };

/** Starts TOTP set-up: the secret (as an otpauth URI) and backup codes; confirmed by a first code. */
export function enableTwoFactor(password: string): Promise<TwoFactorEnrolment> {
  return requestApi<TwoFactorEnrolment>('/api/auth/two-factor/enable', { method: 'POST', body: { password } });
}

export function useEnableTwoFactor() {
  return useMutation({ mutationFn: enableTwoFactor });
}
