import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { clients, outbox } from '../../../db/schema/index.js';
import type { ListOutboxQuery } from '../../../shared/index.js';

export type OutboxRow = typeof outbox.$inferSelect;
export type NewOutboxRow = typeof outbox.$inferInsert;

/**
 * Queues the message for its purpose key, or rewrites the unsent one queued earlier for it. A message
 * already sent, or being sent right now, stays as it was, as history: it gives up its key to the new
 * one (rewriting a message in flight would record a text the client never got).
 */
export async function putMessage(tx: Tx, values: NewOutboxRow & { purposeKey: string }): Promise<void> {
  const [existing] = await tx
    .select({ id: outbox.id, status: outbox.status })
    .from(outbox)
    .where(eq(outbox.purposeKey, values.purposeKey))
    .for('update');
  if (existing && (existing.status === 'pending' || existing.status === 'failed')) {
    await tx
      .update(outbox)
      .set({ ...values, status: 'pending', attempts: 0, lastError: null, sender: null, sentAt: null })
      .where(eq(outbox.id, existing.id));
    return;
  }
  if (existing) await tx.update(outbox).set({ purposeKey: null }).where(eq(outbox.id, existing.id));
  await tx.insert(outbox).values(values);
}

/** Removes the message queued for a purpose and not yet taken for sending; what was sent, or is being sent, stays. */
export async function deleteUnsentMessage(tx: Tx, purposeKey: string): Promise<void> {
  await tx.delete(outbox).where(and(eq(outbox.purposeKey, purposeKey), inArray(outbox.status, ['pending', 'failed'])));
}

/**
 * Takes up to `limit` due messages for sending: pending ones and failed ones with attempts left,
 * whose time has come, and ones whose sending was left unfinished (a server died mid-send) once their
 * lease ends. Each becomes `sending`, leased (its `sendAfter` moved to `leaseUntil`) with its attempt
 * counted before anything is sent, so another server skips it and a reschedule or cancellation leaves
 * it alone. SKIP LOCKED lets several servers take batches side by side; the (status, send_after) index
 * finds the due ones without reading the messages sent long ago.
 */
export async function claimDueMessages(tx: Tx, options: { now: Date; leaseUntil: Date; limit: number; maxAttempts: number }) {
  const due = sql`select ${outbox.id} from ${outbox}
    where ${outbox.status} in ('pending', 'failed', 'sending') and ${outbox.sendAfter} <= ${options.now} and ${outbox.attempts} < ${options.maxAttempts}
    order by ${outbox.sendAfter} limit ${options.limit} for update skip locked`;
  return tx
    .update(outbox)
    .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1`, sendAfter: options.leaseUntil })
    .where(sql`${outbox.id} in (${due})`)
    .returning();
}

/** Ends a sending: only the taker's, still `sending` (not one taken again after its lease ran out and finished since). */
export async function markMessageSent(tx: Tx, id: string, sender: string, sentAt: Date): Promise<void> {
  await tx
    .update(outbox)
    .set({ status: 'sent', sender, sentAt, lastError: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'sending')));
}

export async function markMessageFailed(tx: Tx, id: string, sender: string, error: string, retryAt: Date): Promise<void> {
  await tx
    .update(outbox)
    .set({ status: 'failed', sender, lastError: error, sendAfter: retryAt })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'sending')));
}

/** One page of the outbox, newest first, with the client's number, and how many match. */
export async function selectOutbox(tx: Tx, query: ListOutboxQuery) {
  const where = and(
    query.status ? eq(outbox.status, query.status) : undefined,
    query.channel ? eq(outbox.channel, query.channel) : undefined,
    query.clientId ? eq(outbox.clientId, query.clientId) : undefined,
    query.appointmentId ? eq(outbox.appointmentId, query.appointmentId) : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    tx
      .select({ message: outbox, clientNumber: clients.clientNumber })
      .from(outbox)
      .leftJoin(clients, eq(clients.id, outbox.clientId))
      .where(where)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(query.limit)
      .offset(query.offset),
    tx.select({ total: count() }).from(outbox).where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}
