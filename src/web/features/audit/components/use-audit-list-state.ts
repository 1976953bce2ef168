import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type AuditAction, auditActions, type ListAuditQuery } from '../../../../shared/index.js';

export type AuditListState = {
  actorId: string | null;
  clientId: string | null;
  clientNumber: string | null;
  action: AuditAction | null;
  from: string | null;
  to: string | null;
  limit: number;
  offset: number;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
/** As the API takes it: 2026-00042, 2026-42 or 2026/42. */
const clientNumberPattern = /^\d{4}[-/]\d{1,5}$/;

function readState(params: URLSearchParams): AuditListState {
  const action = params.get('action');
  const limit = Number(params.get('limit'));
  const offset = Number(params.get('offset'));
  const date = (key: string) => {
    const value = params.get(key);
    return value && datePattern.test(value) ? value : null;
  };
  return {
    actorId: params.get('actorId') || null,
    clientId: params.get('clientId') || null,
    clientNumber: params.get('clientNumber') || null,
    action: (auditActions as readonly string[]).includes(action ?? '') ? (action as AuditAction) : null,
    from: date('from'),
    to: date('to'),
    limit: [25, 50, 100].includes(limit) ? limit : 50,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The audit view's filters and page, kept in the address (client records link here with ?clientId=). */
export function useAuditListState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readState(params), [params]);

  const update = useCallback(
    (changes: Partial<AuditListState>) => {
      setParams(
        (current) => {
          const next = { ...readState(current), ...changes };
          if (!('offset' in changes)) next.offset = 0;
          const out = new URLSearchParams();
          for (const key of ['actorId', 'clientId', 'clientNumber', 'action', 'from', 'to'] as const) {
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

  /** A client id that is not a UUID would be refused by the API; it is shown as a field error instead. */
  const clientIdValid = !state.clientId || uuidPattern.test(state.clientId);
  const clientNumberValid = !state.clientNumber || clientNumberPattern.test(state.clientNumber);
  const query = useMemo<Partial<ListAuditQuery>>(
    () => ({
      actorId: state.actorId ?? undefined,
      clientId: clientIdValid ? (state.clientId ?? undefined) : undefined,
      clientNumber: clientNumberValid ? (state.clientNumber ?? undefined) : undefined,
      action: state.action ?? undefined,
      from: state.from ?? undefined,
      to: state.to ?? undefined,
      limit: state.limit,
      offset: state.offset,
    }),
    [state, clientIdValid, clientNumberValid],
  );

  return { state, query, update, clientIdValid, clientNumberValid };
}
