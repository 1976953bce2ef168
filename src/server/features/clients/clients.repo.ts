import { and, asc, count, desc, eq, exists, isNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { clientEligibility, clientNumberCounters, clients, consents, residenceRecords, users } from '../../../db/schema/index.js';
import type { ListClientsQuery } from '../../../shared/index.js';

export type ClientRow = typeof clients.$inferSelect;
export type NewClientRow = typeof clients.$inferInsert;

/** The next number in the year's sequence, e.g. 2026-00042; the row lock makes it gap-free per transaction. */
export async function allocateClientNumber(tx: Tx, year: number): Promise<string> {
  const [row] = await tx
    .insert(clientNumberCounters)
    .values({ year, lastValue: 1 })
    .onConflictDoUpdate({ target: clientNumberCounters.year, set: { lastValue: sql`${clientNumberCounters.lastValue} + 1` } })
    .returning({ value: clientNumberCounters.lastValue });
  return `${year}-${String(row?.value ?? 1).padStart(5, '0')}`;
}

/**
 * Serialises registrations until the end of the transaction, so that the duplicate check of one sees
 * a client another has just registered (a double-clicked Save, two desks at once). A registration is
 * short; the lock is released at commit or rollback.
 */
export async function lockClientRegistration(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(4243)`);
}

export async function insertClient(tx: Tx, values: NewClientRow): Promise<ClientRow> {
  const [row] = await tx.insert(clients).values(values).returning();
  return row as ClientRow;
}

/** Saves a change; the version goes one up in the same statement (decision 017). */
export async function updateClientRow(tx: Tx, id: string, values: Partial<NewClientRow>): Promise<ClientRow | undefined> {
  const [row] = await tx
    .update(clients)
    .set({ ...values, version: sql`${clients.version} + 1`, updatedAt: new Date() })
    .where(eq(clients.id, id))
    .returning();
  return row;
}

export async function selectClient(tx: Tx, id: string): Promise<ClientRow | undefined> {
  const [row] = await tx.select().from(clients).where(eq(clients.id, id));
  return row;
}

/** The client, locked until the end of the transaction: a change waits for a merge, and sees its result. */
export async function selectClientForUpdate(tx: Tx, id: string): Promise<ClientRow | undefined> {
  const [row] = await tx.select().from(clients).where(eq(clients.id, id)).for('update');
  return row;
}

/** The record a merged client points to, and the records merged into a client. */
export async function selectMergeLinks(tx: Tx, row: ClientRow) {
  const [mergedInto, mergedFrom] = await Promise.all([
    row.mergedIntoId
      ? tx.select({ id: clients.id, clientNumber: clients.clientNumber }).from(clients).where(eq(clients.id, row.mergedIntoId))
      : Promise.resolve([]),
    tx
      .select({ id: clients.id, clientNumber: clients.clientNumber })
      .from(clients)
      .where(eq(clients.mergedIntoId, row.id))
      .orderBy(asc(clients.clientNumber)),
  ]);
  return { mergedInto: mergedInto[0] ?? null, mergedFrom };
}

export const selectResidenceHistory = (tx: Tx, clientId: string) =>
  tx
    .select()
    .from(residenceRecords)
    .where(eq(residenceRecords.clientId, clientId))
    .orderBy(desc(residenceRecords.recordedAt), desc(residenceRecords.id));

export async function insertResidenceRecord(tx: Tx, values: typeof residenceRecords.$inferInsert) {
  await tx.insert(residenceRecords).values(values);
}

export const selectConsents = (tx: Tx, clientId: string) =>
  tx
    .select({ consent: consents, recordedByName: users.name })
    .from(consents)
    .innerJoin(users, eq(users.id, consents.recordedBy))
    .where(eq(consents.clientId, clientId))
    .orderBy(desc(consents.givenOn), desc(consents.createdAt));

export async function insertConsent(tx: Tx, values: typeof consents.$inferInsert) {
  const [row] = await tx.insert(consents).values(values).returning();
  return row as typeof consents.$inferSelect;
}

export async function selectConsent(tx: Tx, clientId: string, consentId: string) {
  const [row] = await tx
    .select()
    .from(consents)
    .where(and(eq(consents.id, consentId), eq(consents.clientId, clientId)));
  return row;
}

export async function setConsentWithdrawn(tx: Tx, consentId: string, withdrawnOn: string) {
  await tx.update(consents).set({ withdrawnOn }).where(eq(consents.id, consentId));
}

/** A list query with, for someone kept to their own branch, the condition of the clients in their scope (decision 022). */
export type ScopedClientsQuery = ListClientsQuery & { scope?: SQL | undefined };

/** The list filters other than the search itself; merged records are never listed. */
export function listFilters(tx: Tx, query: ScopedClientsQuery): (SQL | undefined)[] {
  return [
    query.scope,
    query.citizenship ? sql`${clients.citizenships} @> array[${query.citizenship}]::text[]` : undefined,
    query.residenceCategory ? eq(clients.residenceCategory, query.residenceCategory) : undefined,
    query.branchId ? eq(clients.branchId, query.branchId) : undefined,
    query.archived === 'all' ? undefined : eq(clients.archived, query.archived === 'true'),
    isNull(clients.mergedIntoId),
    query.projectId && query.eligible
      ? exists(
          tx
            .select({ one: sql`1` })
            .from(clientEligibility)
            .where(
              and(
                eq(clientEligibility.clientId, clients.id),
                eq(clientEligibility.projectId, query.projectId),
                eq(clientEligibility.eligible, query.eligible === 'true'),
              ),
            ),
        )
      : undefined,
  ];
}

const sortColumns = {
  familyName: [clients.familyName, clients.givenName],
  givenName: [clients.givenName, clients.familyName],
  clientNumber: [clients.clientNumber],
  dateOfBirth: [clients.dateOfBirth],
  createdAt: [clients.createdAt],
} as const;

export type ClientSort = keyof typeof sortColumns;

/** The ORDER BY of a list sorted by a column, the id last so pages never overlap. */
export function sortOrder(sort: ClientSort, order: 'asc' | 'desc' | undefined): SQL[] {
  const direction = order === 'desc' ? desc : asc;
  return [...sortColumns[sort].map((c) => direction(c)), direction(clients.id)];
}

/** One page of clients without a search, with the total, filtered and sorted in SQL. */
export async function selectClientPage(tx: Tx, query: ScopedClientsQuery) {
  const where = and(...listFilters(tx, query));
  const order = sortOrder(query.sort === undefined || query.sort === 'relevance' ? 'familyName' : query.sort, query.order);
  const browsing = !query.citizenship && !query.residenceCategory && !query.branchId && !query.projectId;
  if (browsing) {
    // Unfiltered, count(*) over () reads and sorts every client to return one page (≈ 200 ms for
    // 100,000 on PGlite): here the page comes from the sort column's index and the total from a count.
    // Filtered lists keep the window count, which suits selective filters whatever the statistics.
    const [rows, [counted]] = await Promise.all([
      tx
        .select({ client: clients })
        .from(clients)
        .where(where)
        .orderBy(...order)
        .limit(query.limit)
        .offset(query.offset),
      tx.select({ total: count() }).from(clients).where(where),
    ]);
    return rows.map(({ client }) => ({ client, total: counted?.total ?? 0 }));
  }
  return tx
    .select({ client: clients, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(clients)
    .where(where)
    .orderBy(...order)
    .limit(query.limit)
    .offset(query.offset);
}
