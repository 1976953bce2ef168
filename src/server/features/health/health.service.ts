import type { Db } from '../../../db/open-database.js';
import { selectOne } from './health.repo.js';

/** Fails when the database does not answer. */
export async function pingDatabase(db: Db): Promise<void> {
  await selectOne(db);
}
