import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type BranchScopeSetting, branchScopeSetting } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';

export const branchScopeQueryKey = ['settings', 'branch-scope'] as const;

/** Which roles are kept to their own branch. */
export function getBranchScope(signal?: AbortSignal) {
  return requestApi('/api/settings/branch-scope', { signal }, branchScopeSetting);
}

export function useBranchScope() {
  return useQuery({ queryKey: branchScopeQueryKey, queryFn: ({ signal }) => getBranchScope(signal) });
}

/** Keeps the given roles to their own branch (audited). */
export function updateBranchScope(input: BranchScopeSetting) {
  return requestApi('/api/settings/branch-scope', { method: 'PUT', body: input }, branchScopeSetting);
}

export function useUpdateBranchScope() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBranchScope,
    onSuccess: (saved) => queryClient.setQueryData(branchScopeQueryKey, saved),
  });
}
