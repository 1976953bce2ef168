import { z } from 'zod';
import { type CreateClientInput, clientResponse, duplicateCandidate } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { useClientMutation } from './use-client-mutation.js';

/** The people a new registration may duplicate, from a 409 DUPLICATE_SUSPECTED answer. */
export const duplicateDetails = z.object({ candidates: z.array(duplicateCandidate) });

/** Registers a client; answers 409 DUPLICATE_SUSPECTED unless `confirmDuplicate` is set. */
export function createClient(input: CreateClientInput) {
  return requestApi('/api/clients', { method: 'POST', body: input }, clientResponse);
}

export function useCreateClient() {
  return useClientMutation(createClient);
}
