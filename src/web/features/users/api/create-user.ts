import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateUserInput, userResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';

/** Creates a staff account. */
export function createUser(input: CreateUserInput) {
  return requestApi('/api/users', { method: 'POST', body: input }, userResponse);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }) });
}
