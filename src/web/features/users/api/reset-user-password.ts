import { useMutation } from '@tanstack/react-query';
import type { SetUserPasswordInput } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';

/** Sets a new password for a staff member, to hand over in person; all their sessions end. */
export function resetUserPassword({ id, input }: { id: string; input: SetUserPasswordInput }): Promise<unknown> {
  return requestApi(`/api/users/${encodeURIComponent(id)}/password`, { method: 'POST', body: input });
}

export function useResetUserPassword() {
  return useMutation({ mutationFn: resetUserPassword });
}
