import { clientResponse, type MergeClientsInput } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { useClientMutation } from './use-client-mutation.js';

/**
 * Merges `input.duplicateId` into the client `survivorId`; answers with the survivor. The merged
 * record needs no cache work: every opening of a record asks the API again (see useClient).
 */
export function mergeClients({ survivorId, input }: { survivorId: string; input: MergeClientsInput }) {
  return requestApi(`/api/clients/${encodeURIComponent(survivorId)}/merge`, { method: 'POST', body: input }, clientResponse);
}

export function useMergeClients() {
  return useClientMutation(mergeClients);
}
