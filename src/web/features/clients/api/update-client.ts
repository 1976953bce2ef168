import { type UpdateClientInput, clientResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { useClientMutation } from './use-client-mutation.js';

/** Changes a client; a different residence status is added to the history. */
export function updateClient({ id, input }: { id: string; input: UpdateClientInput }) {
  return requestApi(`/api/clients/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }, clientResponse);
}

export function useUpdateClient() {
  return useClientMutation(updateClient);
}
