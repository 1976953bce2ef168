import type { Database, Db } from '../../../db/open-database.js';

export type Health =
  | { status: 'ok'; writable: true }
  | { status: 'failing'; writable: false; problem: 'database_unreachable' | 'read_only' | 'disk_full' | 'not_writable' };

/**
 * The database's health: it answers, and it can take a write (not read-only, not a standby; for the
 * embedded database, its folder takes a file). Nothing is changed.
 */
export async function checkHealth(deps: { db: Db; checkWritable: Database['checkWritable'] }): Promise<Health> {
  let writability: Awaited<ReturnType<Database['checkWritable']>>;
  try {
    writability = await deps.checkWritable();
  } catch {
    return { status: 'failing', writable: false, problem: 'database_unreachable' };
  }
  return writability.writable ? { status: 'ok', writable: true } : { status: 'failing', writable: false, problem: writability.problem };
}
