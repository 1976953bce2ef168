import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { failedAttempts } from '../../../db/schema/index.js';

/**
 * Counts one attempt against the key, in one statement so that concurrent attempts on any number
 * of servers cannot all slip under the limit: a window that has run out starts afresh; a full one
 * is left as it is. Returns the counted window's start and failures, or null when the window is full.
 */
export async function countAttempt(
  tx: Tx,
  key: string,
  max: number,
  windowSeconds: number,
  now: Date,
): Promise<{ windowStartedAt: Date; failures: number } | null> {
  const cutoff = new Date(now.getTime() - windowSeconds * 1000);
  const expired = sql`${failedAttempts.windowStartedAt} <= ${cutoff.toISOString()}::timestamptz`;
  const [row] = await tx
    .insert(failedAttempts)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: failedAttempts.key,
      set: {
        failures: sql`case when ${expired} then 1 else ${failedAttempts.failures} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${failedAttempts.windowStartedAt} end`,
      },
      setWhere: sql`${expired} or ${failedAttempts.failures} < ${max}`,
    })
    .returning({ windowStartedAt: failedAttempts.windowStartedAt, failures: failedAttempts.failures });
  return row ?? null;
}

/** When the key's current window began (to tell a refused caller when to come back). */
export async function selectWindowStart(tx: Tx, key: string): Promise<Date | null> {
  const [row] = await tx.select({ at: failedAttempts.windowStartedAt }).from(failedAttempts).where(eq(failedAttempts.key, key));
  return row?.at ?? null;
}

/** Takes back an attempt that succeeded, if its window is still the one it was counted in. */
export async function uncountAttempt(tx: Tx, key: string, windowStartedAt: Date): Promise<void> {
  await tx
    .update(failedAttempts)
    .set({ failures: sql`${failedAttempts.failures} - 1` })
    .where(and(eq(failedAttempts.key, key), eq(failedAttempts.windowStartedAt, windowStartedAt), gt(failedAttempts.failures, 0)));
}

/** Forgets windows that began before the cutoff: they no longer limit anyone. */
export async function deleteAttemptsBefore(tx: Tx, cutoff: Date): Promise<void> {
  await tx.delete(failedAttempts).where(lt(failedAttempts.windowStartedAt, cutoff));
}
