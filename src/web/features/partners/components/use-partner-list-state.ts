import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type ListPartnersQuery, languageCodes, type PartnerKind, partnerKinds } from '../../../../shared/index.js';

export type PartnerListState = {
  q: string;
  kind: PartnerKind | null;
  language: string | null;
  archived: 'false' | 'true' | 'all';
  offset: number;
};

export const partnerPageSize = 25;

function readState(params: URLSearchParams): PartnerListState {
  const kind = params.get('kind');
  const language = params.get('language');
  const archived = params.get('archived');
  const offset = Number(params.get('offset'));
  return {
    q: params.get('q') ?? '',
    kind: (partnerKinds as readonly string[]).includes(kind ?? '') ? (kind as PartnerKind) : null,
    language: (languageCodes as readonly string[]).includes(language ?? '') ? language : null,
    archived: archived === 'true' || archived === 'all' ? archived : 'false',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/**
 * The directory's search, filters and page, kept in the address so they survive reloads and the
 * back button (a partner's name or a municipality is not personal data).
 */
export function usePartnerListState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readState(params), [params]);
  const update = useCallback(
    (changes: Partial<PartnerListState>) => {
      const next = { ...state, offset: 0, ...changes };
      const entries = Object.entries({
        q: next.q.trim(),
        kind: next.kind,
        language: next.language,
        archived: next.archived === 'false' ? null : next.archived,
        offset: next.offset ? String(next.offset) : null,
      }).filter((entry): entry is [string, string] => Boolean(entry[1]));
      setParams(new URLSearchParams(entries), { replace: true });
    },
    [state, setParams],
  );
  const query: Partial<ListPartnersQuery> = {
    q: state.q.trim() || undefined,
    kind: state.kind ?? undefined,
    language: (state.language as ListPartnersQuery['language']) ?? undefined,
    archived: state.archived,
    limit: partnerPageSize,
    offset: state.offset,
  };
  return { state, query, update };
}
