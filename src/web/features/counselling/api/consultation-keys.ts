import type { ConsultationDefaultsQuery, ListConsultationsQuery } from '../../../../shared/index.js';

/** Query keys of consultations; a write invalidates `all`. */
export const consultationKeys = {
  all: ['consultations'] as const,
  list: (query: Partial<ListConsultationsQuery>) => ['consultations', 'list', query] as const,
  ofClient: (clientId: string, paging: { limit: number; offset: number }) => ['consultations', 'client', clientId, paging] as const,
  detail: (id: string) => ['consultations', 'detail', id] as const,
  defaults: (query: ConsultationDefaultsQuery) => ['consultations', 'defaults', query] as const,
  topics: ['counselling-topics'] as const,
};
