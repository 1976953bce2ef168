import { and, eq, exists, gt, lt, notInArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { clientEligibility, clients } from '../../../db/schema/index.js';

/** The facts of a client that eligibility is computed from. */
export type ClientFactsRow = Pick<
  typeof clients.$inferSelect,
  'id' | 'citizenships' | 'residenceCategory' | 'residenceValidFrom' | 'residenceValidUntil' | 'district'
>;

export type EligibilityValues = typeof clientEligibility.$inferInsert;

const factColumns = {
  id: clients.id,
  citizenships: clients.citizenships,
  residenceCategory: clients.residenceCategory,
  residenceValidFrom: clients.residenceValidFrom,
  residenceValidUntil: clients.residenceValidUntil,
  district: clients.district,
};

const firstId = '00000000-0000-0000-0000-000000000000';

export const batchSize = 2_000;

export function selectClientFacts(tx: Tx, clientId: string): Promise<ClientFactsRow[]> {
  return tx.select(factColumns).from(clients).where(eq(clients.id, clientId));
}

/** The next batch of clients after `lastId` by id, merged-away records left out; only stale ones when `staleBefore` is given. */
export function selectClientFactsBatch(tx: Tx, lastId: string | null, staleBefore?: string): Promise<ClientFactsRow[]> {
  const condition = staleBefore
    ? exists(
        tx
          .select({ one: sql`1` })
          .from(clientEligibility)
          .where(and(eq(clientEligibility.clientId, clients.id), lt(clientEligibility.computedOn, staleBefore))),
      )
    : sql`${clients.mergedIntoId} is null`;
  return tx
    .select(factColumns)
    .from(clients)
    .where(and(gt(clients.id, lastId ?? firstId), condition))
    .orderBy(clients.id)
    .limit(batchSize);
}

export async function upsertEligibility(tx: Tx, values: EligibilityValues[]): Promise<void> {
  for (let i = 0; i < values.length; i += batchSize) {
    await tx
      .insert(clientEligibility)
      .values(values.slice(i, i + batchSize))
      .onConflictDoUpdate({
        target: [clientEligibility.clientId, clientEligibility.projectId],
        set: { eligible: sql`excluded.eligible`, reasons: sql`excluded.reasons`, computedOn: sql`excluded.computed_on` },
      });
  }
}

export async function deleteEligibilityOfProject(tx: Tx, projectId: string): Promise<void> {
  await tx.delete(clientEligibility).where(eq(clientEligibility.projectId, projectId));
}

/** Removes results for every project but the given ones (all results when none is given). */
export async function deleteEligibilityExcept(tx: Tx, projectIds: string[]): Promise<void> {
  await tx.delete(clientEligibility).where(projectIds.length > 0 ? notInArray(clientEligibility.projectId, projectIds) : undefined);
}
