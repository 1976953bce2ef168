import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { auditEvents, users } from '../../../db/schema/index.js';
import { centreTimeZone, type ListAuditQuery } from '../../../shared/index.js';

export type NewAuditEvent = typeof auditEvents.$inferInsert;

export async function insertAuditEvent(tx: Tx, event: NewAuditEvent): Promise<void> {
  await tx.insert(auditEvents).values(event);
}

export async function selectAuditEvents(tx: Tx, query: ListAuditQuery) {
  const conditions = [
    query.actorId ? eq(auditEvents.actorId, query.actorId) : undefined,
    query.clientId ? eq(auditEvents.clientId, query.clientId) : undefined,
    query.action ? eq(auditEvents.action, query.action) : undefined,
    // Days are calendar days of the centre, whatever the database server's time zone.
    query.from ? gte(auditEvents.at, sql`(${query.from}::date)::timestamp at time zone ${centreTimeZone}`) : undefined,
    query.to ? lt(auditEvents.at, sql`(${query.to}::date + 1)::timestamp at time zone ${centreTimeZone}`) : undefined,
  ];
  const rows = await tx
    .select({
      event: auditEvents,
      actorName: users.name,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(query.limit)
    .offset(query.offset);
  return rows;
}
