import type { DuplicateCheckInput, ListClientsQuery } from '../../../../shared/index.js';

/** Query keys of the client register; a write invalidates `all`. */
export const clientKeys = {
  all: ['clients'] as const,
  list: (query: Partial<ListClientsQuery>) => ['clients', 'list', query] as const,
  detail: (id: string) => ['clients', 'detail', id] as const,
  duplicateCheck: (input: DuplicateCheckInput | null) => ['clients', 'list', 'duplicate-check', input] as const,
};
