import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { branches, centre, settings, users } from '../../../db/schema/index.js';

export async function selectCentre(tx: Tx) {
  const [row] = await tx.select().from(centre).where(eq(centre.id, 1));
  return row;
}

export async function insertCentre(tx: Tx, values: { name: string; regionCode: string }) {
  await tx.insert(centre).values({ id: 1, ...values });
}

export async function countUsers(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(users);
  return row?.n ?? 0;
}

export async function selectSetting(tx: Tx, key: string): Promise<unknown> {
  const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return row?.value;
}

export async function upsertSetting(tx: Tx, key: string, value: unknown): Promise<void> {
  await tx
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()` } });
}

/** Inserts a setting unless it exists; returns the stored value either way. */
export async function insertSettingOnce(tx: Tx, key: string, value: unknown): Promise<unknown> {
  await tx.insert(settings).values({ key, value }).onConflictDoNothing();
  return selectSetting(tx, key);
}

export const selectBranches = (tx: Tx) => tx.select().from(branches).orderBy(asc(branches.name));

export async function selectBranch(tx: Tx, id: string) {
  const [row] = await tx.select().from(branches).where(eq(branches.id, id));
  return row;
}

export async function insertBranch(tx: Tx, values: typeof branches.$inferInsert) {
  const [row] = await tx.insert(branches).values(values).returning();
  return row as typeof branches.$inferSelect;
}

export async function updateBranchRow(tx: Tx, id: string, values: Partial<typeof branches.$inferInsert>) {
  const [row] = await tx.update(branches).set(values).where(eq(branches.id, id)).returning();
  return row;
}
