import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { projectResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';

export const projectsQueryKey = ['projects'] as const;

/** Every project, active or not. */
export function findProjects(signal?: AbortSignal) {
  return requestApi('/api/projects', { signal }, z.array(projectResponse));
}

export function useProjects() {
  return useQuery({ queryKey: projectsQueryKey, queryFn: ({ signal }) => findProjects(signal), staleTime: 5 * 60_000 });
}
