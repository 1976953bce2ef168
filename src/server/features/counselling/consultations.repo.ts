import { and, count, desc, eq, gte, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../db/open-database.js';
import { clients, consultations, services, users } from '../../../db/schema/index.js';
import type { ListConsultationsQuery } from '../../../shared/index.js';

export type ConsultationRow = typeof consultations.$inferSelect;
export type NewConsultationRow = typeof consultations.$inferInsert;

const authors = alias(users, 'authors');

export async function insertConsultation(tx: Tx, values: NewConsultationRow): Promise<void> {
  await tx.insert(consultations).values(values);
}

/** Saves a change of a consultation; its version goes one up in the same statement (decision 017). */
export async function updateConsultationRow(tx: Tx, serviceId: string, values: Partial<NewConsultationRow>): Promise<number> {
  const [row] = await tx
    .update(consultations)
    .set({ ...values, version: sql`${consultations.version} + 1` })
    .where(eq(consultations.serviceId, serviceId))
    .returning({ version: consultations.version });
  return row?.version ?? 0;
}

/** Links a new consultation to the appointment it was recorded from: part of its creation, not a change. */
export async function linkConsultationToAppointment(tx: Tx, serviceId: string, appointmentId: string): Promise<void> {
  await tx.update(consultations).set({ appointmentId }).where(eq(consultations.serviceId, serviceId));
}

/** A consultation's ledger row and details, locked until the end of the transaction. */
export async function selectConsultationForUpdate(tx: Tx, id: string) {
  const [row] = await tx
    .select({ service: services, consultation: consultations })
    .from(services)
    .innerJoin(consultations, eq(consultations.serviceId, services.id))
    .where(eq(services.id, id))
    .for('update');
  return row;
}

/**
 * Consultations as lists and the detail show them: the ledger row, the consultation without its
 * texts, who delivered and who wrote it, and with whom.
 */
function selectListed(tx: Tx) {
  return tx
    .select({
      service: services,
      consultation: {
        form: consultations.form,
        kind: consultations.kind,
        topics: consultations.topics,
        interpreterLanguage: consultations.interpreterLanguage,
        interpreterKind: consultations.interpreterKind,
        appointmentId: consultations.appointmentId,
        createdBy: consultations.createdBy,
        version: consultations.version,
      },
      staffName: users.name,
      authorName: authors.name,
      client: { id: clients.id, clientNumber: clients.clientNumber, givenName: clients.givenName, familyName: clients.familyName },
    })
    .from(services)
    .innerJoin(consultations, eq(consultations.serviceId, services.id))
    .leftJoin(users, eq(users.id, services.staffId))
    .leftJoin(authors, eq(authors.id, consultations.createdBy))
    .leftJoin(clients, eq(clients.id, services.clientId));
}
export type ListedConsultationRow = Awaited<ReturnType<typeof selectListed>>[number];

/** One consultation, without its texts. */
export async function selectConsultation(tx: Tx, id: string): Promise<ListedConsultationRow | undefined> {
  const [row] = await selectListed(tx).where(and(eq(services.id, id), eq(services.kind, 'consultation')));
  return row;
}

/** A consultation's texts, which only its detail shows. */
export async function selectConsultationTexts(tx: Tx, id: string) {
  const [row] = await tx
    .select({ notes: consultations.notes, outcome: consultations.outcome, followUp: consultations.followUp })
    .from(consultations)
    .where(eq(consultations.serviceId, id));
  return row;
}

const newestFirst = [desc(services.occurredOn), desc(services.startedAt), desc(services.id)];

function filtersOf(query: Partial<ListConsultationsQuery> & { clientId?: string }): SQL | undefined {
  return and(
    eq(services.kind, 'consultation'),
    query.clientId ? eq(services.clientId, query.clientId) : undefined,
    query.from ? gte(services.occurredOn, query.from) : undefined,
    query.to ? lte(services.occurredOn, query.to) : undefined,
    query.staffId ? eq(services.staffId, query.staffId) : undefined,
    query.projectId ? eq(services.projectId, query.projectId) : undefined,
    query.anonymous === 'true' ? isNull(services.clientId) : query.anonymous === 'false' ? isNotNull(services.clientId) : undefined,
    query.kind ? eq(consultations.kind, query.kind) : undefined,
  );
}

/**
 * One page of consultations, newest first, and the total. The page comes from the ledger's indexes
 * (by client, or by day), the total from a separate count, as in the client register.
 */
export async function selectConsultationPage(
  tx: Tx,
  query: Partial<ListConsultationsQuery> & { clientId?: string; limit: number; offset: number },
) {
  const where = filtersOf(query);
  const [rows, [counted]] = await Promise.all([
    selectListed(tx)
      .where(where)
      .orderBy(...newestFirst)
      .limit(query.limit)
      .offset(query.offset),
    tx.select({ total: count() }).from(services).innerJoin(consultations, eq(consultations.serviceId, services.id)).where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

/** Of the given topic codes, those some consultation has (each check stops at the first such consultation). */
export async function selectTopicsInUse(tx: Tx, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const list = sql.join(
    codes.map((code) => sql`${code}`),
    sql`, `,
  );
  const { rows } = await tx.execute<{ code: string }>(
    sql`select code from unnest(array[${list}]::text[]) as code
        where exists (select 1 from ${consultations} where ${consultations.topics} @> array[code])`,
  );
  return rows.map((row) => row.code);
}
