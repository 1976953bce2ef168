import type { ListPartnersQuery, ListReferralsQuery } from '../../../../shared/index.js';

/** Query keys of the directory and of referrals; a write invalidates `all` of its kind. */
export const partnerKeys = {
  all: ['partners'] as const,
  list: (query: Partial<ListPartnersQuery>) => ['partners', 'list', query] as const,
};

export const referralKeys = {
  all: ['referrals'] as const,
  ofClient: (clientId: string, query: Partial<ListReferralsQuery>) => ['referrals', 'client', clientId, query] as const,
};
