import { useMutation, useQueryClient } from '@tanstack/react-query';
import { partnerResponse, type UpdatePartnerInput } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { partnerKeys, referralKeys } from './partner-keys.js';

/** Changes a partner, or archives or restores it. */
export function updatePartner({ id, input, version }: { id: string; input: UpdatePartnerInput; version: number }) {
  return requestApi(`/api/partners/${encodeURIComponent(id)}`, { method: 'PATCH', body: input, version }, partnerResponse);
}

export function useUpdatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePartner,
    // Referrals show the partner's name and whether it is archived.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: partnerKeys.all }),
        queryClient.invalidateQueries({ queryKey: referralKeys.all }),
      ]),
  });
}
