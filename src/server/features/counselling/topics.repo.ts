import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';

/**
 * Orders changes of the topic list against consultations that use it: a consultation holds the lock
 * shared while it checks its topics, a change of the list holds it alone while it checks which codes
 * are in use. So no consultation can take a topic that a concurrent change removes.
 */
export async function lockTopicList(tx: Tx, mode: 'shared' | 'exclusive'): Promise<void> {
  await tx.execute(mode === 'shared' ? sql`select pg_advisory_xact_lock_shared(4260)` : sql`select pg_advisory_xact_lock(4260)`);
}
