import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClientResponse } from '../../../../shared/index.js';
import { clientKeys } from './client-keys.js';

/** After a write the answer is the new record: keep it, and let lists reload. */
export function storeClient(queryClient: QueryClient, client: ClientResponse): Promise<void> {
  queryClient.setQueryData(clientKeys.detail(client.id), client);
  return queryClient.invalidateQueries({ queryKey: ['clients', 'list'] });
}

/** A mutation whose answer is the changed client record. */
export function useClientMutation<Variables>(mutationFn: (variables: Variables) => Promise<ClientResponse>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: (client) => storeClient(queryClient, client) });
}
