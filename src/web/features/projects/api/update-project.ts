import { useMutation, useQueryClient } from '@tanstack/react-query';
import { projectResponse, type UpdateProjectInput } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { projectsQueryKey } from './find-projects.js';

/** Changes a project; the API recomputes eligibility. */
export function updateProject({ id, input }: { id: string; input: UpdateProjectInput }) {
  return requestApi(`/api/projects/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }, projectResponse);
}

export function useUpdateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProject,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: projectsQueryKey }),
        queryClient.invalidateQueries({ queryKey: ['clients'] }),
      ]),
  });
}
