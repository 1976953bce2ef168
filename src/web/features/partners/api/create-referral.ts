import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateReferralInput, referralResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { referralKeys } from './partner-keys.js';

/** Refers a client to a partner; the API refuses it (CONSENT_REQUIRED) without the client's consent to sharing. */
export function createReferral({ clientId, input }: { clientId: string; input: CreateReferralInput }) {
  return requestApi(`/api/clients/${encodeURIComponent(clientId)}/referrals`, { method: 'POST', body: input }, referralResponse);
}

export function useCreateReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReferral,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: referralKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['timeline'] }),
      ]),
  });
}
