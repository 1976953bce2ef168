import { and, asc, count, desc, eq, exists, type SQL, sql } from 'drizzle-orm';
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

export async function updateClientRow(tx: Tx, id: string, values: Partial<NewClientRow>): Promise<ClientRow | undefined> {
  const [row] = await tx
    .update(clients)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(clients.id, id))
    .returning();
  return row;
}

export async function selectClient(tx: Tx, id: string): Promise<ClientRow | undefined> {
  const [row] = await tx.select().from(clients).where(eq(clients.id, id));
  return row;
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

/**
 * Clients whose folded names contain every given word; uses the trigram index on search_text. The
 * word is folded before LIKE's wildcards are escaped: folding turns full-width ％ and ＿ into % and _,
 * which escaped first would act as wildcards.
 */
function nameMatches(words: string[]): SQL[] {
  return words.map(
    (word) =>
      sql`${clients.searchText} like '%' || replace(replace(replace(integra_fold(${word}), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`,
  );
}

const sortColumns = {
  familyName: [clients.familyName, clients.givenName],
  givenName: [clients.givenName, clients.familyName],
  clientNumber: [clients.clientNumber],
  dateOfBirth: [clients.dateOfBirth],
  createdAt: [clients.createdAt],
} as const;

/** One page of clients with the total matching, filtered and sorted in SQL. */
export async function selectClientPage(tx: Tx, query: ListClientsQuery) {
  const words = (query.q ?? '').split(/\s+/).filter(Boolean);
  const byNumber = words.length === 1 && /^\d{4}-\d{1,5}$/.test(words[0] as string);
  const conditions: (SQL | undefined)[] = [
    byNumber ? eq(clients.clientNumber, normaliseClientNumber(words[0] as string)) : and(...nameMatches(words)),
    query.citizenship ? sql`${clients.citizenships} @> array[${query.citizenship}]::text[]` : undefined,
    query.residenceCategory ? eq(clients.residenceCategory, query.residenceCategory) : undefined,
    query.branchId ? eq(clients.branchId, query.branchId) : undefined,
    query.archived === 'all' ? undefined : eq(clients.archived, query.archived === 'true'),
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
  const direction = query.order === 'desc' ? desc : asc;
  const where = and(...conditions);
  const order = [...sortColumns[query.sort].map((c) => direction(c)), direction(clients.id)];
  const browsing = words.length === 0 && !query.citizenship && !query.residenceCategory && !query.branchId && !query.projectId;
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

function normaliseClientNumber(value: string): string {
  const [year, serial] = value.split('-');
  return `${year}-${(serial ?? '').padStart(5, '0')}`;
}

/**
 * Existing clients with the same names (in either order, Latin or native) and a compatible date of
 * birth: the basic duplicate check before a new record is saved.
 */
export async function selectDuplicateCandidates(
  tx: Tx,
  names: { given: string; family: string }[],
  dateOfBirth: string | null,
  excludeId?: string,
) {
  // The LIKE terms use the trigram index; the equality terms keep only whole-name matches.
  const nameConditions = names.map(({ given, family }) =>
    and(
      ...nameMatches([given, family]),
      sql`((integra_fold(${clients.givenName}) = integra_fold(${given}) and integra_fold(${clients.familyName}) = integra_fold(${family}))
        or (integra_fold(${clients.givenNameNative}) = integra_fold(${given}) and integra_fold(${clients.familyNameNative}) = integra_fold(${family})))`,
    ),
  );
  return tx
    .select()
    .from(clients)
    .where(
      and(
        sql`(${sql.join(
          nameConditions.map((c) => sql`(${c})`),
          sql` or `,
        )})`,
        dateOfBirth ? sql`(${clients.dateOfBirth} = ${dateOfBirth} or ${clients.dateOfBirth} is null)` : undefined,
        excludeId ? sql`${clients.id} <> ${excludeId}` : undefined,
        eq(clients.archived, false),
      ),
    )
    .limit(10);
}
