import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateProjectInput, projectResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { projectsQueryKey } from './find-projects.js';

/** Creates a project with its target-group rule. */
export function createProject(input: CreateProjectInput) {
  return requestApi('/api/projects', { method: 'POST', body: input }, projectResponse);
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProject,
    // Eligibility of every client is computed per active project, so client records change too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: projectsQueryKey }),
        queryClient.invalidateQueries({ queryKey: ['clients'] }),
      ]),
  });
}
