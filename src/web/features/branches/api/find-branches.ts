import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { branchResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';

export const branchesQueryKey = ['branches'] as const;
export type Branch = z.infer<typeof branchResponse>;

/** Every branch of the centre, archived ones too. */
export function findBranches(signal?: AbortSignal) {
  return requestApi('/api/branches', { signal }, z.array(branchResponse));
}

export function useBranches() {
  return useQuery({ queryKey: branchesQueryKey, queryFn: ({ signal }) => findBranches(signal), staleTime: 5 * 60_000 });
}
