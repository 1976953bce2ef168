import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { clientSortFields, type ListClientsQuery } from '../../../../shared/index.js';

export type ClientSortField = (typeof clientSortFields)[number];

export type ClientListState = {
  q: string;
  citizenship: string | null;
  residenceCategory: string | null;
  projectId: string | null;
  eligible: 'true' | 'false' | null;
  branchId: string | null;
  archived: 'false' | 'true' | 'all';
  sort: ClientSortField;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
};

const limits = [25, 50, 100];

function readState(params: URLSearchParams): ClientListState {
  const sort = params.get('sort');
  const archived = params.get('archived');
  const eligible = params.get('eligible');
  const limit = Number(params.get('limit'));
  const offset = Number(params.get('offset'));
  return {
    q: params.get('q') ?? '',
    citizenship: params.get('citizenship'),
    residenceCategory: params.get('residenceCategory'),
    projectId: params.get('projectId'),
    eligible: eligible === 'true' || eligible === 'false' ? eligible : null,
    branchId: params.get('branchId'),
    archived: archived === 'true' || archived === 'all' ? archived : 'false',
    sort: (clientSortFields as readonly string[]).includes(sort ?? '') ? (sort as ClientSortField) : 'familyName',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    limit: limits.includes(limit) ? limit : 25,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The list's search, filters, order and page, kept in the address so they survive reloads and the back button. */
export function useClientListState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readState(params), [params]);

  const update = useCallback(
    (changes: Partial<ClientListState>) => {
      setParams(
        (current) => {
          const next = { ...readState(current), ...changes };
          // Any change but paging starts again at the first page.
          if (!('offset' in changes)) next.offset = 0;
          const out = new URLSearchParams();
          if (next.q) out.set('q', next.q);
          for (const key of ['citizenship', 'residenceCategory', 'projectId', 'eligible', 'branchId'] as const) {
            const value = next[key];
            if (value) out.set(key, value);
          }
          if (next.archived !== 'false') out.set('archived', next.archived);
          if (next.sort !== 'familyName') out.set('sort', next.sort);
          if (next.order !== 'asc') out.set('order', next.order);
          if (next.limit !== 25) out.set('limit', String(next.limit));
          if (next.offset) out.set('offset', String(next.offset));
          return out;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  /** The API query: the name search only from two characters on, eligibility only with a project. */
  const query = useMemo<Partial<ListClientsQuery>>(() => {
    const q = state.q.trim();
    return {
      q: q.length >= 2 ? q : undefined,
      citizenship: (state.citizenship ?? undefined) as ListClientsQuery['citizenship'],
      residenceCategory: (state.residenceCategory ?? undefined) as ListClientsQuery['residenceCategory'],
      // The API filters by project only together with yes/no eligibility: "yes" unless chosen otherwise,
      // as the filter shows.
      projectId: state.projectId ?? undefined,
      eligible: state.projectId ? (state.eligible ?? 'true') : undefined,
      branchId: state.branchId ?? undefined,
      archived: state.archived,
      sort: state.sort,
      order: state.order,
      limit: state.limit,
      offset: state.offset,
    };
  }, [state]);

  return { state, query, update };
}
