import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type branchInput, branchResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { branchesQueryKey } from './find-branches.js';

export type BranchInput = z.infer<typeof branchInput>;

/** Adds a branch. */
export function createBranch(input: BranchInput) {
  return requestApi('/api/branches', { method: 'POST', body: input }, branchResponse);
}

export function useCreateBranch() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createBranch, onSuccess: () => queryClient.invalidateQueries({ queryKey: branchesQueryKey }) });
}
