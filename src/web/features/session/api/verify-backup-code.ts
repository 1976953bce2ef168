import { useMutation } from '@tanstack/react-query';
import { requestApi } from '../../../components/api/request-api.js';

/** Finishes a two-factor sign-in with one of the backup codes. */
export function verifyBackupCode(code: string): Promise<unknown> {
  return requestApi('/api/auth/two-factor/verify-backup-code', { method: 'POST', body: { code } });
}

export function useVerifyBackupCode() {
  return useMutation({ mutationFn: verifyBackupCode });
}
