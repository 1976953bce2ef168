import { useMemo } from 'react';
import type { Option } from '../../components/intl/use-code-options.js';
import { useProjects } from '../../features/projects/index.js';
import { useBranchOptions } from './use-reference-options.js';

/**
 * Projects and branches for consultations: a consultation is counted against an active project, so
 * only those are offered (and the one a consultation already has); the name lookups cover all.
 */
export function useConsultationReferenceOptions(keep: { projectId?: string | null; branchId?: string | null } = {}) {
  const projects = useProjects();
  const branches = useBranchOptions(keep.branchId);
  const projectOptions = useMemo(() => {
    const list = projects.data ?? [];
    return {
      options: list
        .filter((project) => project.active || project.id === keep.projectId)
        .map((project): Option => ({ value: project.id, label: `${project.code} · ${project.name}` })),
      names: new Map(list.map((project) => [project.id, `${project.code} · ${project.name}`])),
    };
  }, [projects.data, keep.projectId]);
  return { projects: projectOptions, branches, isPending: projects.isPending || branches.isPending };
}
