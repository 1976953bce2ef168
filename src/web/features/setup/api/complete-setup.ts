import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SetupInput } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { setupStatusQueryKey } from './get-setup-status.js';

/** Creates the centre and its first administrator. */
export function completeSetup(input: SetupInput): Promise<unknown> {
  return requestApi('/api/setup', { method: 'POST', body: input });
}

export function useCompleteSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeSetup,
    onSuccess: () => queryClient.setQueryData(setupStatusQueryKey, { setupRequired: false }),
  });
}
