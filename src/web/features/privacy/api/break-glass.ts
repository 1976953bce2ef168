import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type BreakGlassInput, breakGlassResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';

/** Opens a client of another branch for the rest of the day, for the reason given (audited). */
export function breakGlass(clientId: string, input: BreakGlassInput) {
  return requestApi(`/api/clients/${clientId}/break-glass`, { method: 'POST', body: input }, breakGlassResponse);
}

export function useBreakGlass(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BreakGlassInput) => breakGlass(clientId, input),
    // Everything of the client that was refused may now be read.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
