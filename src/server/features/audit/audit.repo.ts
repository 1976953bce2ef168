import { and, count, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { auditEvents, clients, users } from '../../../db/schema/index.js';
import { centreTimeZone, type ListAuditQuery } from '../../../shared/index.js';

export type NewAuditEvent = typeof auditEvents.$inferInsert;

export async function insertAuditEvent(tx: Tx, event: NewAuditEvent): Promise<void> {
  await tx.insert(auditEvents).values(event);
}

/**
 * A client's events, with those of the records merged into it: a person's history stays whole after
 * a merge, while each event keeps the record it was written for (the trail is append-only).
 */
function ofClient(clientId: string) {
  return or(
    eq(auditEvents.clientId, clientId),
    inArray(auditEvents.clientId, sql`(select ${clients.id} from ${clients} where ${clients.mergedIntoId} = ${clientId})`),
  );
}

/**
 * One page of the trail, newest first, and the total matching. The page comes from the index on
 * `at` (or on a filter's column and `at`) and the total from a separate count: count(*) over ()
 * would read and sort every matching row for each page, and gives no total past the last page.
 */
export async function selectAuditEvents(tx: Tx, query: ListAuditQuery) {
  const where = and(
    query.actorId ? eq(auditEvents.actorId, query.actorId) : undefined,
    query.clientId ? ofClient(query.clientId) : undefined,
    query.action ? eq(auditEvents.action, query.action) : undefined,
    // Days are calendar days of the centre, whatever the database server's time zone.
    query.from ? gte(auditEvents.at, sql`(${query.from}::date)::timestamp at time zone ${centreTimeZone}`) : undefined,
    query.to ? lt(auditEvents.at, sql`(${query.to}::date + 1)::timestamp at time zone ${centreTimeZone}`) : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    tx
      .select({ event: auditEvents, actorName: users.name })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(where)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(query.limit)
      .offset(query.offset),
    tx.select({ total: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}
