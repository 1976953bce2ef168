import type { ListDocumentsQuery } from '../../../../shared/index.js';

/** Query keys of documents; a write invalidates `all`. */
export const documentKeys = {
  all: ['documents'] as const,
  ofClient: (clientId: string, query: Partial<ListDocumentsQuery>) => ['documents', 'client', clientId, query] as const,
};
