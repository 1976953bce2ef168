import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { services } from '../../../db/schema/index.js';

export type ServiceRow = typeof services.$inferSelect;
export type NewServiceRow = typeof services.$inferInsert;

/** Adds a service to the ledger; its kind's detail row is written next, with the same id. */
export async function insertService(tx: Tx, values: NewServiceRow): Promise<ServiceRow> {
  const [row] = await tx.insert(services).values(values).returning();
  return row as ServiceRow;
}

export async function updateServiceRow(tx: Tx, id: string, values: Partial<NewServiceRow>): Promise<void> {
  await tx
    .update(services)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(services.id, id));
}
