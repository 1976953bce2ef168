import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type DuplicateCheckInput, duplicateCheckResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { clientKeys } from './client-keys.js';

/** Registered clients who may be the person described (the API ranks them, likeliest first). */
export function checkDuplicates(input: DuplicateCheckInput, signal?: AbortSignal) {
  return requestApi('/api/clients/duplicate-check', { method: 'POST', body: input, signal }, duplicateCheckResponse);
}

/** The duplicate check for what the form holds now; `null` asks nothing (too little filled in). */
export function useDuplicateCheck(input: DuplicateCheckInput | null) {
  return useQuery({
    queryKey: clientKeys.duplicateCheck(input),
    queryFn: ({ signal }) => checkDuplicates(input as DuplicateCheckInput, signal),
    enabled: input !== null,
    placeholderData: input ? keepPreviousData : undefined,
    staleTime: 30_000,
    retry: false,
  });
}
