import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { partners } from '../../../db/schema/index.js';
import type { ListPartnersQuery } from '../../../shared/index.js';

export type PartnerRow = typeof partners.$inferSelect;
export type NewPartnerRow = typeof partners.$inferInsert;

/** The text the directory's search looks in, folded like the words searched for. */
const searchedText = sql`integra_fold(${partners.name} || ' ' || coalesce(${partners.services}, '') || ' ' || coalesce(${partners.municipality}, ''))`;

/**
 * The filters of the directory. Every word of `q` must occur in the name, the services or the
 * municipality, whatever the case and accents (`strpos`, so `%` and `_` are plain characters).
 * The directory of a region holds hundreds of partners, which a scan reads faster than an index.
 */
function directoryFilters(query: ListPartnersQuery): (SQL | undefined)[] {
  const words = (query.q ?? '').split(/\s+/).filter(Boolean);
  return [
    query.archived === 'all' ? undefined : eq(partners.archived, query.archived === 'true'),
    query.kind ? eq(partners.kind, query.kind) : undefined,
    query.language ? sql`${partners.languages} @> array[${query.language}]::text[]` : undefined,
    ...words.map((word) => sql`strpos(${searchedText}, integra_fold(${word})) > 0`),
  ];
}

/** One page of the directory by name (case and accents aside), and how many partners match. */
export async function selectPartnerPage(tx: Tx, query: ListPartnersQuery) {
  const where = and(...directoryFilters(query));
  const [rows, [counted]] = await Promise.all([
    tx
      .select()
      .from(partners)
      .where(where)
      // Folded, so the order is the same whatever the database's collation (Ú next to U, not after Z).
      .orderBy(sql`integra_fold(${partners.name})`, asc(partners.id))
      .limit(query.limit)
      .offset(query.offset),
    tx.select({ total: count() }).from(partners).where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

export async function selectPartner(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<PartnerRow | undefined> {
  const query = tx.select().from(partners).where(eq(partners.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertPartner(tx: Tx, values: NewPartnerRow): Promise<PartnerRow> {
  const [row] = await tx.insert(partners).values(values).returning();
  return row as PartnerRow;
}

/** Saves a change; the version goes one up in the same statement (decision 017). */
export async function updatePartnerRow(tx: Tx, id: string, values: Partial<NewPartnerRow>): Promise<PartnerRow> {
  const [row] = await tx
    .update(partners)
    .set({ ...values, version: sql`${partners.version} + 1`, updatedAt: new Date() })
    .where(eq(partners.id, id))
    .returning();
  return row as PartnerRow;
}
