import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { clients, plans } from '../../../db/schema/index.js';
import type { ClientRow } from './clients.repo.js';

/**
 * What a merge does with a table's rows of the duplicate: `move` re-points them to the survivor;
 * `derived` deletes them, because the service recomputes the survivor's (a unique key per client
 * would refuse moved rows).
 */
export type OnMerge = 'move' | 'derived';

/**
 * Every column that references clients.id, and what a merge does with it: the one list of
 * client-owned records. EVERY NEW TABLE THAT REFERENCES A CLIENT MUST BE ADDED HERE, or a merge
 * would leave its rows with the merged-away record; the test "covers every foreign key to clients"
 * in client-merge.test.ts reads the database's constraints and fails until it is.
 * Not listed, on purpose: `clients.merged_into_id` (the merge pointer itself, handled by the merge)
 * and `audit_events.client_id` (the append-only trail stays where it was written; decision 009).
 */
export const clientReferences = [
  { table: 'residence_records', column: 'client_id', onMerge: 'move' },
  { table: 'consents', column: 'client_id', onMerge: 'move' },
  { table: 'client_eligibility', column: 'client_id', onMerge: 'derived' },
  { table: 'services', column: 'client_id', onMerge: 'move' },
  { table: 'appointments', column: 'client_id', onMerge: 'move' },
  { table: 'plans', column: 'client_id', onMerge: 'move' },
  { table: 'tasks', column: 'client_id', onMerge: 'move' },
  { table: 'documents', column: 'client_id', onMerge: 'move' },
  { table: 'referrals', column: 'client_id', onMerge: 'move' },
  { table: 'outbox', column: 'client_id', onMerge: 'move' },
  // A grant to open the duplicate (decision 022) is a grant to open the same person's surviving record.
  { table: 'break_glass_grants', column: 'client_id', onMerge: 'move' },
] as const satisfies readonly { table: string; column: string; onMerge: OnMerge }[];

/** The two clients locked for update in id order (so two merges of the same pair cannot deadlock). */
export async function lockClients(tx: Tx, ids: readonly string[]): Promise<ClientRow[]> {
  return tx
    .select()
    .from(clients)
    .where(inArray(clients.id, [...ids]))
    .orderBy(asc(clients.id))
    .for('update');
}

/**
 * A person has one open individual plan. When both records have one, the duplicate's is closed
 * (outcome `records_merged`) before it moves, and its goals and reviews stay with it in the history.
 * Returns the closed plan's id, or null when nothing needed closing.
 */
export async function closeDuplicateOpenPlan(tx: Tx, duplicateId: string, survivorId: string, closedOn: string): Promise<string | null> {
  const open = await tx
    .select({ id: plans.id, clientId: plans.clientId })
    .from(plans)
    .where(and(inArray(plans.clientId, [duplicateId, survivorId]), eq(plans.status, 'open')));
  const duplicatePlan = open.find((plan) => plan.clientId === duplicateId);
  if (!duplicatePlan || !open.some((plan) => plan.clientId === survivorId)) return null;
  await tx
    .update(plans)
    .set({ status: 'closed', closedOn, outcome: 'records_merged', updatedAt: sql`now()` })
    .where(eq(plans.id, duplicatePlan.id));
  return duplicatePlan.id;
}

/** Re-points (or, for derived data, deletes) every client-owned row of the duplicate. */
export async function moveClientRecords(tx: Tx, duplicateId: string, survivorId: string): Promise<void> {
  for (const { table, column, onMerge } of clientReferences) {
    // Identifiers come from the constant list above; the ids are parameters.
    await tx.execute(
      onMerge === 'move'
        ? sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${survivorId} where ${sql.identifier(column)} = ${duplicateId}`
        : sql`delete from ${sql.identifier(table)} where ${sql.identifier(column)} = ${duplicateId}`,
    );
  }
}

/** Records merged earlier into the duplicate now point straight to the survivor: no chains. Returns their ids. */
export async function repointMergedRecords(tx: Tx, duplicateId: string, survivorId: string): Promise<string[]> {
  const rows = await tx
    .update(clients)
    .set({ mergedIntoId: survivorId })
    .where(eq(clients.mergedIntoId, duplicateId))
    .returning({ id: clients.id });
  return rows.map((row) => row.id).sort();
}

/** Marks the duplicate as merged into the survivor and archives it; the row itself is kept. */
export async function markMergedAway(tx: Tx, duplicateId: string, survivorId: string, reason: string, now: Date): Promise<void> {
  await tx
    .update(clients)
    .set({
      mergedIntoId: survivorId,
      mergedAt: now,
      archived: true,
      archivedAt: now,
      archiveReason: reason,
      version: sql`${clients.version} + 1`,
      updatedAt: now,
    })
    .where(eq(clients.id, duplicateId));
}
