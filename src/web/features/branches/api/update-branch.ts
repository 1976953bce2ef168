import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { branchResponse, type updateBranchInput } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { branchesQueryKey } from './find-branches.js';

export type UpdateBranchInput = z.infer<typeof updateBranchInput>;

/** Changes a branch, or archives / restores it. */
export function updateBranch({ id, input }: { id: string; input: UpdateBranchInput }) {
  return requestApi(`/api/branches/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }, branchResponse);
}

export function useUpdateBranch() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateBranch, onSuccess: () => queryClient.invalidateQueries({ queryKey: branchesQueryKey }) });
}
