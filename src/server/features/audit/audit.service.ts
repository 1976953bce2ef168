import type { Tx } from '../../../db/open-database.js';
import {
  type AuditAction,
  type AuditFilterQuery,
  auditExportMaxRows,
  type ExportAuditQuery,
  type FieldChange,
  hasPermission,
  type ListAuditQuery,
} from '../../../shared/index.js';
import { fieldError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import {
  type AuditFilter,
  type AuditPageRow,
  countAuditEvents,
  insertAuditEvent,
  selectAuditEvents,
  selectAuditEventsAfter,
  selectClientIdByNumber,
} from './audit.repo.js';
import { auditCsv } from './audit-csv.js';

export type AuditEntry = {
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  clientId?: string;
  /**
   * For a list or search that can show clients: the ids of every client it returned, empty when it
   * found nobody (decision 016). Left out for entries that are not lists.
   */
  clientIds?: readonly string[];
  changes?: FieldChange[];
  details?: Record<string, unknown>;
};

/** Who and where an audit entry comes from when there is no signed-in actor (sign-in attempts). */
export type AuditOrigin = { actorId: string | null; requestId: string; ip: string };

/** Appends one entry to the audit trail, inside the caller's transaction when given one. */
export async function recordAudit(tx: Tx, origin: Ctx | AuditOrigin, entry: AuditEntry): Promise<void> {
  const actorId = 'actor' in origin ? origin.actor.id : origin.actorId;
  await insertAuditEvent(tx, {
    actorId,
    requestId: origin.requestId,
    ip: origin.ip,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    clientId: entry.clientId ?? null,
    clientIds: entry.clientIds ? [...new Set(entry.clientIds)] : null,
    changes: entry.changes ?? [],
    details: entry.details ?? null,
  });
}

/**
 * The changed fields between two versions of a record. Values are kept only for fields listed as
 * not personal; for the others the audit names the field and nothing more, so the trail never
 * becomes a second copy of personal data.
 */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
  valuesShownFor: readonly (keyof T & string)[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (JSON.stringify(before[field] ?? null) === JSON.stringify(after[field] ?? null)) continue;
    changes.push(valuesShownFor.includes(field) ? { field, before: before[field] ?? null, after: after[field] ?? null } : { field });
  }
  return changes;
}

/**
 * Of the given values, the ones that differ from the stored record, compared as diffFields compares
 * them (undefined is not given): a change to equal values then writes nothing and audits nothing.
 */
export function changedValues<T extends Record<string, unknown>>(before: object, values: T): Partial<T> {
  const stored = before as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(values).filter(
      ([key, value]) => value !== undefined && JSON.stringify(stored[key] ?? null) !== JSON.stringify(value ?? null),
    ),
  ) as Partial<T>;
}

/**
 * The ids of the clients a list names, for its audit entry: each once, in the order shown. Items
 * without a client (an anonymous consultation, a task about nobody) add nothing.
 */
export function listedClientIds<T>(items: readonly T[], clientIdOf: (item: T) => string | null | undefined): string[] {
  return [...new Set(items.map(clientIdOf).filter((id): id is string => !!id))];
}

/** The trail's filter with the client resolved from its id or number; null when it can match nothing. */
async function resolveFilter(ctx: Ctx, query: AuditFilterQuery): Promise<AuditFilter | null> {
  const { clientNumber, ...filter } = query;
  if (clientNumber === undefined) return filter;
  const [year, serial] = clientNumber.split(/[-/]/) as [string, string];
  const clientId = await selectClientIdByNumber(ctx.db, `${year}-${serial.padStart(5, '0')}`);
  if (!clientId || (filter.clientId && filter.clientId !== clientId)) return null;
  return { ...filter, clientId };
}

/** Client names only for those who may read clients; the others see numbers (decision 016). */
const mayReadNames = (ctx: Ctx) => hasPermission(ctx.actor.roles, 'clients.read');

function toAuditItem(row: AuditPageRow) {
  const { event } = row;
  return {
    id: String(event.id),
    at: event.at.toISOString(),
    actor: event.actorId ? { id: event.actorId, name: row.actorName ?? '' } : null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    clientId: event.clientId,
    client: event.clientId ? { id: event.clientId, clientNumber: row.clientNumber, name: row.clientName } : null,
    listed: row.listedCount === null ? null : { count: Number(row.listedCount), includesClient: row.includesClient },
    entityName: row.entityName,
    changes: event.changes,
    details: event.details,
    requestId: event.requestId,
    ip: event.ip,
  };
}

/** Browses the trail; reading it is itself audited. */
export async function findAuditEvents(ctx: Ctx, query: ListAuditQuery) {
  const { limit, offset, ...filters } = query;
  const filter = await resolveFilter(ctx, filters);
  const { rows, total } = filter ? await selectAuditEvents(ctx.db, filter, { limit, offset }, mayReadNames(ctx)) : { rows: [], total: 0 };
  await recordAudit(ctx.db, ctx, { action: 'audit.read', details: { filters: filtersOf(query) } });
  return { total, items: rows.map(toAuditItem) };
}

/** Entries read per statement while exporting. */
const exportPageSize = 1000;

/**
 * The filtered trail as CSV, newest first, read a thousand entries at a time as the answer is sent.
 * A trail longer than `auditExportMaxRows` is refused (400) before anything is written: it is
 * exported in parts, by period. The export is audited before the first row leaves, with its filters
 * and the number of entries, so an export cut off midway is on record too.
 */
export async function exportAuditEvents(ctx: Ctx, query: ExportAuditQuery) {
  const { lang, ...filters } = query;
  const filter = await resolveFilter(ctx, filters);
  const { total: rows, lastId } = filter ? await countAuditEvents(ctx.db, filter) : { total: 0, lastId: 0 };
  if (rows > auditExportMaxRows) {
    throw fieldError(
      'querystring',
      'too_many_rows',
      `The filters match ${rows} entries; export at most ${auditExportMaxRows} at once (choose a shorter period)`,
    );
  }
  await recordAudit(ctx.db, ctx, { action: 'audit.exported', details: { filters: filters, rows } });
  const withNames = mayReadNames(ctx);
  async function* pages() {
    if (!filter) return;
    let after: { atText: string; id: number } | null = null;
    for (let read = 0; read < rows; ) {
      const page = await selectAuditEventsAfter(ctx.db, filter, after, lastId, Math.min(exportPageSize, rows - read), withNames);
      const last = page.at(-1);
      if (!last) return;
      yield page.map(toAuditItem);
      read += page.length;
      after = { atText: last.atText, id: last.event.id };
    }
  }
  return { fileName: `audit-${ctx.now.toISOString().slice(0, 10)}.csv`, body: auditCsv(lang, withNames, !!filter?.clientId, pages()) };
}

function filtersOf(query: ListAuditQuery): Record<string, unknown> {
  const { limit: _limit, offset: _offset, ...filters } = query;
  return filters;
}
