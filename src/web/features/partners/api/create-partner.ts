import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreatePartnerInput, partnerResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { partnerKeys } from './partner-keys.js';

/** Adds a partner to the directory. */
export function createPartner(input: CreatePartnerInput) {
  return requestApi('/api/partners', { method: 'POST', body: input }, partnerResponse);
}

export function useCreatePartner() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createPartner, onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.all }) });
}
