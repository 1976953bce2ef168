import { useMutation, useQueryClient } from '@tanstack/react-query';
import { referralResponse, type UpdateReferralInput } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { referralKeys } from './partner-keys.js';

/** Moves a referral on and records its outcome. */
export function updateReferral({ id, input }: { id: string; input: UpdateReferralInput }) {
  return requestApi(`/api/referrals/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }, referralResponse);
}

export function useUpdateReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateReferral,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: referralKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['timeline'] }),
      ]),
  });
}
