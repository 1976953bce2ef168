import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type UpdateUserInput, userResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';

/** Changes name, roles or branch; `active: false` deactivates the account and ends its sessions. */
export function updateUser({ id, input }: { id: string; input: UpdateUserInput }) {
  return requestApi(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }, userResponse);
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateUser, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }) });
}
