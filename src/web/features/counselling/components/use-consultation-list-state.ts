import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type ConsultationKind, consultationKinds, isRealIsoDate, type ListConsultationsQuery } from '../../../../shared/index.js';

export type ConsultationListState = {
  from: string | null;
  to: string | null;
  kind: ConsultationKind | null;
  /** 'true': anonymous only; 'false': named clients only. */
  anonymous: 'true' | 'false' | null;
  projectId: string | null;
  staffId: string | null;
  limit: number;
  offset: number;
};

const filterKeys = ['from', 'to', 'kind', 'anonymous', 'projectId', 'staffId'] as const;

function readState(params: URLSearchParams): ConsultationListState {
  const date = (key: string) => {
    const value = params.get(key);
    return value && isRealIsoDate(value) ? value : null;
  };
  const kind = params.get('kind');
  const anonymous = params.get('anonymous');
  const limit = Number(params.get('limit'));
  const offset = Number(params.get('offset'));
  return {
    from: date('from'),
    to: date('to'),
    kind: (consultationKinds as readonly string[]).includes(kind ?? '') ? (kind as ConsultationKind) : null,
    anonymous: anonymous === 'true' || anonymous === 'false' ? anonymous : null,
    projectId: params.get('projectId') || null,
    staffId: params.get('staffId') || null,
    limit: [25, 50, 100].includes(limit) ? limit : 50,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The consultation list's filters and page, kept in the address so a filtered list can be shared and reloaded. */
export function useConsultationListState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readState(params), [params]);

  const update = useCallback(
    (changes: Partial<ConsultationListState>) => {
      setParams(
        (current) => {
          const next = { ...readState(current), ...changes };
          if (!('offset' in changes)) next.offset = 0;
          const out = new URLSearchParams();
          for (const key of filterKeys) {
            const value = next[key];
            if (value) out.set(key, value);
          }
          if (next.limit !== 50) out.set('limit', String(next.limit));
          if (next.offset) out.set('offset', String(next.offset));
          return out;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const query = useMemo<Partial<ListConsultationsQuery>>(() => {
    const ordered = !state.from || !state.to || state.from <= state.to;
    return {
      from: state.from ?? undefined,
      to: ordered ? (state.to ?? undefined) : undefined,
      kind: state.kind ?? undefined,
      anonymous: state.anonymous ?? undefined,
      projectId: state.projectId ?? undefined,
      staffId: state.staffId ?? undefined,
      limit: state.limit,
      offset: state.offset,
    };
  }, [state]);

  return { state, query, update };
}
