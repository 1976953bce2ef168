import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/open-database.js';

/** Asks the database for nothing: fails when it does not answer. */
export async function selectOne(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
