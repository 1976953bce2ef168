import { useMemo } from 'react';
import type { Option } from '../../components/intl/use-code-options.js';
import { useBranches } from '../../features/branches/index.js';
import { useProjects } from '../../features/projects/index.js';

/** Branches as options (archived ones only when already in use) and a name lookup. */
export function useBranchOptions(keepId?: string | null) {
  const branches = useBranches();
  return useMemo(() => {
    const list = branches.data ?? [];
    const options: Option[] = list
      .filter((b) => !b.archived || b.id === keepId)
      .map((b) => ({ value: b.id, label: `${b.name} (${b.municipality})` }));
    const names = new Map(list.map((b) => [b.id, b.name]));
    return { options, names, isPending: branches.isPending };
  }, [branches.data, branches.isPending, keepId]);
}

/** Projects as options ("AMIF/23/01 · name") and a name lookup. */
export function useProjectOptions() {
  const projects = useProjects();
  return useMemo(() => {
    const list = projects.data ?? [];
    const options: Option[] = list.map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }));
    const names = new Map(list.map((p) => [p.id, p.name]));
    return { options, names };
  }, [projects.data]);
}
