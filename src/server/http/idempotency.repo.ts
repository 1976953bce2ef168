import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Tx } from '../../db/open-database.js';
import { idempotencyKeys } from '../../db/schema/index.js';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;
type Claim = { userId: string; key: string; route: string; fingerprint: string };

/** Inserts the key's row unless the user has used the key: true when this request now holds it. */
export async function insertIdempotencyKey(tx: Tx, claim: Claim): Promise<boolean> {
  const rows = await tx.insert(idempotencyKeys).values(claim).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

export async function selectIdempotencyKey(tx: Tx, userId: string, key: string): Promise<IdempotencyRow | undefined> {
  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  return row;
}

/**
 * Takes over a key whose first request never finished (its server stopped meanwhile): only a row
 * still without an answer and claimed before `claimedBefore`. True when this request now holds it.
 */
export async function takeOverIdempotencyKey(tx: Tx, claim: Claim, claimedBefore: Date): Promise<boolean> {
  const rows = await tx
    .update(idempotencyKeys)
    .set({ createdAt: new Date() })
    .where(
      and(
        eq(idempotencyKeys.userId, claim.userId),
        eq(idempotencyKeys.key, claim.key),
        isNull(idempotencyKeys.status),
        lt(idempotencyKeys.createdAt, claimedBefore),
      ),
    )
    .returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

/** Keeps the answer of the request that held the key, for the replays. */
export async function completeIdempotencyKey(
  tx: Tx,
  claim: { userId: string; key: string },
  answer: { status: number; body: string; headers: Record<string, string> },
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ ...answer, completedAt: new Date() })
    .where(and(eq(idempotencyKeys.userId, claim.userId), eq(idempotencyKeys.key, claim.key)));
}

/** Frees a key whose request made nothing (refused or failed), so the same key may be sent again. */
export async function deleteIdempotencyKey(tx: Tx, claim: { userId: string; key: string }): Promise<void> {
  await tx.delete(idempotencyKeys).where(and(eq(idempotencyKeys.userId, claim.userId), eq(idempotencyKeys.key, claim.key)));
}

/** Forgets answers older than the time keys are kept. */
export async function deleteExpiredIdempotencyKeys(tx: Tx, createdBefore: Date): Promise<void> {
  await tx.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, createdBefore));
}
