import { and, count, desc, eq, gte, lt, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../db/open-database.js';
import { auditEvents, clients, users } from '../../../db/schema/index.js';
import { type AuditAction, centreTimeZone } from '../../../shared/index.js';

export type NewAuditEvent = typeof auditEvents.$inferInsert;

export async function insertAuditEvent(tx: Tx, event: NewAuditEvent): Promise<void> {
  await tx.insert(auditEvents).values(event);
}

/** The filters of a trail read, with the client already resolved from its id or number. */
export type AuditFilter = {
  actorId?: string | undefined;
  clientId?: string | undefined;
  action?: AuditAction | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** The client and the records merged into it: a person's history stays whole after a merge. */
function clientAndMerged(clientId: string) {
  return sql`(array[${clientId}::uuid] || array(select ${clients.id} from ${clients} where ${clients.mergedIntoId} = ${clientId}))`;
}

/**
 * A client's events, with those of the records merged into it, each still on the record it was
 * written for (the trail is append-only), and the lists and searches that returned any of them.
 * Both arms are indexed: `client_id` by its b-tree, `client_ids` by its GIN index.
 */
function ofClient(clientId: string) {
  const ids = clientAndMerged(clientId);
  return or(sql`${auditEvents.clientId} = any(${ids})`, sql`${auditEvents.clientIds} && ${ids}`);
}

function whereOf(filter: AuditFilter) {
  return and(
    filter.actorId ? eq(auditEvents.actorId, filter.actorId) : undefined,
    filter.clientId ? ofClient(filter.clientId) : undefined,
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    // Days are calendar days of the centre, whatever the database server's time zone.
    filter.from ? gte(auditEvents.at, sql`(${filter.from}::date)::timestamp at time zone ${centreTimeZone}`) : undefined,
    filter.to ? lt(auditEvents.at, sql`(${filter.to}::date + 1)::timestamp at time zone ${centreTimeZone}`) : undefined,
  );
}

/**
 * The client a number names for the trail: the client with that number, or the one a record with
 * that number was merged into. Null when no record has the number.
 */
export async function selectClientIdByNumber(tx: Tx, clientNumber: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: sql<string>`coalesce(${clients.mergedIntoId}, ${clients.id})` })
    .from(clients)
    .where(eq(clients.clientNumber, clientNumber))
    .limit(1);
  return row?.id ?? null;
}

const target = alias(users, 'target');

/**
 * The columns of a page of the trail: the entry, and in the same query the names that make it
 * readable (the actor, the staff member an account entry is about, the client's number and, when
 * `withNames`, its name), how many clients a list returned and whether the filtered client was among
 * them. One query per page, whatever the page holds.
 */
function pageColumns(filter: AuditFilter, withNames: boolean) {
  return {
    event: auditEvents,
    /** The time exactly as stored (microseconds), for the export's position. */
    atText: sql<string>`${auditEvents.at}::text`,
    actorName: users.name,
    entityName: target.name,
    clientNumber: clients.clientNumber,
    clientName: withNames ? sql<string | null>`nullif(concat_ws(' ', ${clients.givenName}, ${clients.familyName}), '')` : sql<null>`null`,
    listedCount: sql<number | null>`cardinality(${auditEvents.clientIds})`,
    includesClient: filter.clientId
      ? sql<boolean | null>`${auditEvents.clientIds} && ${clientAndMerged(filter.clientId)}`
      : sql<boolean | null>`null::boolean`,
  };
}

function pageQuery(tx: Tx, filter: AuditFilter, withNames: boolean) {
  return tx
    .select(pageColumns(filter, withNames))
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(target, and(eq(auditEvents.entityType, 'user'), eq(target.id, auditEvents.entityId)))
    .leftJoin(clients, eq(clients.id, auditEvents.clientId));
}

export type AuditPageRow = Awaited<ReturnType<ReturnType<typeof pageQuery>['execute']>>[number];

/**
 * One page of the trail, newest first, and the total matching. The page comes from the index on
 * `at` (or on a filter's column and `at`) and the total from a separate count: count(*) over ()
 * would read and sort every matching row for each page, and gives no total past the last page.
 */
export async function selectAuditEvents(tx: Tx, filter: AuditFilter, paging: { limit: number; offset: number }, withNames: boolean) {
  const where = whereOf(filter);
  const [rows, [counted]] = await Promise.all([
    pageQuery(tx, filter, withNames)
      .where(where)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(paging.limit)
      .offset(paging.offset),
    tx.select({ total: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

/**
 * How many entries match, and the newest one's id: an export checks the count against its cap and
 * then reads up to that id, so entries written while it runs (its own included) stay out of it.
 */
export async function countAuditEvents(tx: Tx, filter: AuditFilter): Promise<{ total: number; lastId: number }> {
  const [counted] = await tx
    .select({ total: count(), lastId: sql<string | null>`max(${auditEvents.id})` })
    .from(auditEvents)
    .where(whereOf(filter));
  return { total: counted?.total ?? 0, lastId: Number(counted?.lastId ?? 0) };
}

/**
 * The entries after a (time, id) position, newest first: the export reads the trail in such pages,
 * each its own short statement, so entries written meanwhile (newer) never shift a page.
 */
export async function selectAuditEventsAfter(
  tx: Tx,
  filter: AuditFilter,
  after: { atText: string; id: number } | null,
  lastId: number,
  limit: number,
  withNames: boolean,
) {
  return pageQuery(tx, filter, withNames)
    .where(
      and(
        whereOf(filter),
        lte(auditEvents.id, lastId),
        after ? sql`(${auditEvents.at}, ${auditEvents.id}) < (${after.atText}::timestamptz, ${after.id})` : undefined,
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
}
