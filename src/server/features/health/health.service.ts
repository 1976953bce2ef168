import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/open-database.js';

/** Fails when the database does not answer. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
