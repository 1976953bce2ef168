import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AuditAction, FieldChange } from '../../shared/index.js';

/**
 * The audit trail. Append-only: the application has no update or delete path, and a trigger
 * (migration 0001) refuses UPDATE and DELETE at the database level.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: text(),
    action: text().$type<AuditAction>().notNull(),
    entityType: text(),
    entityId: text(),
    clientId: uuid(),
    /**
     * The clients a list or search returned (decision 016): null for entries that are not a list,
     * empty when the list found nobody. Indexed (GIN) so "who looked up this person" is one lookup.
     */
    clientIds: uuid().array(),
    changes: jsonb().$type<FieldChange[]>().notNull().default([]),
    details: jsonb().$type<Record<string, unknown>>(),
    requestId: text(),
    ip: text(),
  },
  (t) => [
    index().on(t.at),
    index().on(t.actorId, t.at),
    index().on(t.clientId, t.at),
    index().on(t.action, t.at),
    // Without a pending list: PGlite runs no autovacuum, so every look-up would scan a pending list
    // until it reached its 4 MB limit (decision 016).
    index('audit_events_client_ids_idx').using('gin', t.clientIds).with({ fastupdate: false }),
  ],
);
