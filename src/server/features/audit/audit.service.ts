import type { Tx } from '../../../db/open-database.js';
import type { AuditAction, FieldChange, ListAuditQuery } from '../../../shared/index.js';
import type { Ctx } from '../../http/context.js';
import { insertAuditEvent, selectAuditEvents } from './audit.repo.js';

export type AuditEntry = {
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  clientId?: string;
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

/** Browses the trail; reading it is itself audited. */
export async function findAuditEvents(ctx: Ctx, query: ListAuditQuery) {
  const { rows, total } = await selectAuditEvents(ctx.db, query);
  await recordAudit(ctx.db, ctx, { action: 'audit.read', details: { filters: filtersOf(query) } });
  return {
    total,
    items: rows.map(({ event, actorName }) => ({
      id: String(event.id),
      at: event.at.toISOString(),
      actor: event.actorId ? { id: event.actorId, name: actorName ?? '' } : null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      clientId: event.clientId,
      changes: event.changes,
      details: event.details,
      requestId: event.requestId,
      ip: event.ip,
    })),
  };
}

function filtersOf(query: ListAuditQuery): Record<string, unknown> {
  const { limit: _limit, offset: _offset, ...filters } = query;
  return filters;
}
