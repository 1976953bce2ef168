import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { page, type SensitiveChangeKind, sensitiveChange } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';

export type SensitiveChangesFilter = { kind: SensitiveChangeKind | null; limit: number; offset: number };

/** The data protection officer's list of sensitive changes, newest first (the read is audited). */
export function findSensitiveChanges(filter: SensitiveChangesFilter, signal?: AbortSignal) {
  return requestApi('/api/privacy/sensitive-changes', { signal, query: filter }, page(sensitiveChange));
}

export function useSensitiveChanges(filter: SensitiveChangesFilter) {
  return useQuery({
    queryKey: ['privacy', 'sensitive-changes', filter],
    queryFn: ({ signal }) => findSensitiveChanges(filter, signal),
    placeholderData: keepPreviousData,
  });
}
