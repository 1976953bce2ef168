import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConsultationResponse } from '../../../../shared/index.js';
import { consultationKeys } from './consultation-keys.js';

/**
 * A write whose answer is the saved consultation: it is kept, and everything it may show up in
 * (lists, the appointment it was recorded from, the client's timeline) becomes stale and is asked
 * again when next shown — not at once, so the open form and its defaults are not read again.
 */
export function useConsultationMutation<Variables>(mutationFn: (variables: Variables) => Promise<ConsultationResponse>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (saved) => {
      queryClient.setQueryData(consultationKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({
        predicate: (query) => !(query.queryKey[0] === consultationKeys.all[0] && query.queryKey[1] === 'detail'),
        refetchType: 'none',
      });
    },
  });
}
