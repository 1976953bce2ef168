import type { z } from 'zod';
import { type consentInput, clientResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { useClientMutation } from './use-client-mutation.js';

export type ConsentInput = z.infer<typeof consentInput>;

/** Records a consent the client gave. */
export function addConsent({ clientId, input }: { clientId: string; input: ConsentInput }) {
  return requestApi(`/api/clients/${encodeURIComponent(clientId)}/consents`, { method: 'POST', body: input }, clientResponse);
}

export function useAddConsent() {
  return useClientMutation(addConsent);
}
