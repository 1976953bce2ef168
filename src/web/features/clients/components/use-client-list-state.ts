import { useCallback, useMemo, useRef } from 'react';
import { useLocation, useSearchParams } from 'react-router';
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

/**
 * The filters kept in the address: none of them is personal data. `sort` is null until the user picks
 * an order: a search then lists the best matches first, the whole register goes by family name.
 */
type ClientListFilters = Omit<ClientListState, 'q' | 'sort'> & { sort: ClientSortField | null };

/** The order the list is in: the user's choice, else relevance for a search and family name otherwise. */
export function effectiveSort(chosen: ClientSortField | null, q: string): ClientSortField {
  const searching = q.trim().length >= 2;
  if (chosen === 'relevance' || chosen === null) return searching ? 'relevance' : 'familyName';
  return chosen;
}

/**
 * The name search lives in the history entry's state, never in the address: a name in the URL
 * would end up in the browser's history, in bookmarks and in `/sign-in?next=…`. The history entry
 * still brings it back with the back button.
 */
const searchKey = 'clientSearch';

/** The history state that opens the client list with this search, e.g. from the search in the header. */
export function clientListSearchState(q: string): Record<string, string> {
  return { [searchKey]: q };
}

function searchOf(locationState: unknown): string {
  const value = (locationState as Record<string, unknown> | null)?.[searchKey];
  return typeof value === 'string' ? value : '';
}

function readFilters(params: URLSearchParams): ClientListFilters {
  const sort = params.get('sort');
  const archived = params.get('archived');
  const eligible = params.get('eligible');
  const limit = Number(params.get('limit'));
  const offset = Number(params.get('offset'));
  return {
    citizenship: params.get('citizenship'),
    residenceCategory: params.get('residenceCategory'),
    projectId: params.get('projectId'),
    eligible: eligible === 'true' || eligible === 'false' ? eligible : null,
    branchId: params.get('branchId'),
    archived: archived === 'true' || archived === 'all' ? archived : 'false',
    sort: (clientSortFields as readonly string[]).includes(sort ?? '') && sort !== 'relevance' ? (sort as ClientSortField) : null,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    limit: limits.includes(limit) ? limit : 25,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/**
 * The list's filters, order and page, kept in the address so they survive reloads and the back
 * button; the name search is kept in the history entry's state instead (see searchOf).
 */
export function useClientListState() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const q = searchOf(location.state);
  const state = useMemo<ClientListState>(() => {
    const filters = readFilters(params);
    return { ...filters, q, sort: effectiveSort(filters.sort, q) };
  }, [params, q]);
  const latest = useRef({ q, locationState: location.state as unknown });
  latest.current = { q, locationState: location.state };

  const update = useCallback(
    (changes: Partial<ClientListState>) => {
      const { q: changedQ, sort: changedSort, ...filterChanges } = changes;
      const nextQ = changedQ ?? latest.current.q;
      const locationState = { ...(latest.current.locationState as object | null), [searchKey]: nextQ };
      // Starting to search lists the best matches first; picking "relevance" is the default order.
      const newSearch = changedQ !== undefined && changedQ.trim().length >= 2 && latest.current.q.trim().length < 2;
      setParams(
        (current) => {
          const next: ClientListFilters = { ...readFilters(current), ...filterChanges };
          if (changedSort !== undefined) next.sort = changedSort === 'relevance' ? null : changedSort;
          else if (newSearch) {
            next.sort = null;
            next.order = 'asc';
          }
          // Any change but paging starts again at the first page.
          if (!('offset' in changes)) next.offset = 0;
          const out = new URLSearchParams();
          for (const key of ['citizenship', 'residenceCategory', 'projectId', 'eligible', 'branchId'] as const) {
            const value = next[key];
            if (value) out.set(key, value);
          }
          if (next.archived !== 'false') out.set('archived', next.archived);
          if (next.sort) out.set('sort', next.sort);
          if (next.order !== 'asc') out.set('order', next.order);
          if (next.limit !== 25) out.set('limit', String(next.limit));
          if (next.offset) out.set('offset', String(next.offset));
          return out;
        },
        { replace: true, state: locationState },
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
