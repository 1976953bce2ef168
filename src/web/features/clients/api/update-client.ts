import { type UpdateClientInput, clientResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { useClientMutation } from './use-client-mutation.js';

/** Changes a client; a different residence status is added to the history. */
export function updateClient({ id, input, version }: { id: string; input: UpdateClientInput; version: number }) {
  return requestApi(`/api/clients/${encodeURIComponent(id)}`, { method: 'PATCH', body: input, version }, clientResponse);
}

export function useUpdateClient() {
  return useClientMutation(updateClient);
}
