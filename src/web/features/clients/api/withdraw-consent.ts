import { clientResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { useClientMutation } from './use-client-mutation.js';

/** Records that the client withdrew a consent on a given day. */
export function withdrawConsent({ clientId, consentId, withdrawnOn }: { clientId: string; consentId: string; withdrawnOn: string }) {
  return requestApi(
    `/api/clients/${encodeURIComponent(clientId)}/consents/${encodeURIComponent(consentId)}/withdraw`,
    { method: 'POST', body: { withdrawnOn } },
    clientResponse,
  );
}

export function useWithdrawConsent() {
  return useClientMutation(withdrawConsent);
}
