import { and, eq, exists, gt, lt, notInArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/open-database.js';
import { clientEligibility, clients } from '../../../db/schema/index.js';
import { type EligibilityFacts, evaluateEligibility, toCentreDate } from '../../../shared/index.js';
import { type ProjectRow, selectActiveProjects } from '../projects/projects.repo.js';

type ClientFactsRow = {
  id: string;
  citizenships: string[];
  residenceCategory: EligibilityFacts['residence'] extends infer R ? (R extends { category: infer C } ? C : never) | null : never;
  residenceValidFrom: string | null;
  residenceValidUntil: string | null;
  district: string | null;
};

export function factsOf(row: Omit<ClientFactsRow, 'id'>): EligibilityFacts {
  return {
    citizenships: row.citizenships,
    residence: row.residenceCategory
      ? { category: row.residenceCategory, validFrom: row.residenceValidFrom, validUntil: row.residenceValidUntil }
      : null,
    district: row.district,
  };
}

const factColumns = {
  id: clients.id,
  citizenships: clients.citizenships,
  residenceCategory: clients.residenceCategory,
  residenceValidFrom: clients.residenceValidFrom,
  residenceValidUntil: clients.residenceValidUntil,
  district: clients.district,
};

const batchSize = 2_000;

/** Stores eligibility of the given clients for the given projects (the pure rule decides). */
async function storeEligibility(tx: Tx, rows: ClientFactsRow[], projects: ProjectRow[], today: string): Promise<void> {
  const values = rows.flatMap((client) =>
    projects.map((project) => {
      const result = evaluateEligibility(factsOf(client), project.targetGroup, today);
      return { clientId: client.id, projectId: project.id, eligible: result.eligible, reasons: result.reasons, computedOn: today };
    }),
  );
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

/** After a client changes: their eligibility for every active project. */
export async function recomputeEligibilityForClient(tx: Tx, clientId: string, now: Date): Promise<void> {
  const rows = await tx.select(factColumns).from(clients).where(eq(clients.id, clientId));
  await storeEligibility(tx, rows, await selectActiveProjects(tx), toCentreDate(now));
}

/** After a project changes: every client's eligibility for it (or none, when the project is inactive). */
export async function recomputeEligibilityForProject(tx: Tx, project: ProjectRow, now: Date): Promise<void> {
  if (!project.active) {
    await tx.delete(clientEligibility).where(eq(clientEligibility.projectId, project.id));
    return;
  }
  await recomputeInBatches(tx, [project], now);
}

/**
 * Every client's eligibility for every active project, and none for inactive ones: for data loaded
 * in bulk (the benchmark's seed). The daily refresh is refreshEligibilityIfStale.
 */
export async function recomputeAllEligibility(tx: Tx, now: Date): Promise<void> {
  const projects = await selectActiveProjects(tx);
  await tx.delete(clientEligibility).where(
    projects.length > 0
      ? notInArray(
          clientEligibility.projectId,
          projects.map((p) => p.id),
        )
      : undefined,
  );
  if (projects.length > 0) await recomputeInBatches(tx, projects, now);
}

async function recomputeInBatches(tx: Tx, projects: ProjectRow[], now: Date): Promise<void> {
  const today = toCentreDate(now);
  let lastId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // A record merged into another has no eligibility of its own: the survivor's counts.
    const rows = await tx
      .select(factColumns)
      .from(clients)
      .where(sql`${clients.id} > ${lastId} and ${clients.mergedIntoId} is null`)
      .orderBy(clients.id)
      .limit(batchSize);
    if (rows.length === 0) return;
    await storeEligibility(tx, rows, projects, today);
    lastId = (rows[rows.length - 1] as ClientFactsRow).id;
  }
}

/**
 * Recomputes every client with a result from before today (Prague): run at start-up, so a server
 * that was down at midnight catches up, and at each midnight. Results computed today are left as
 * they are. Returns the number of clients recomputed.
 */
export async function refreshEligibilityIfStale(db: Db, now: Date): Promise<number> {
  const today = toCentreDate(now);
  return db.transaction(async (tx) => {
    const projects = await selectActiveProjects(tx);
    if (projects.length === 0) {
      await tx.delete(clientEligibility);
      return 0;
    }
    await tx.delete(clientEligibility).where(
      notInArray(
        clientEligibility.projectId,
        projects.map((p) => p.id),
      ),
    );
    const stale = exists(
      tx
        .select({ one: sql`1` })
        .from(clientEligibility)
        .where(and(eq(clientEligibility.clientId, clients.id), lt(clientEligibility.computedOn, today))),
    );
    let recomputed = 0;
    let lastId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await tx
        .select(factColumns)
        .from(clients)
        .where(and(gt(clients.id, lastId), stale))
        .orderBy(clients.id)
        .limit(batchSize);
      if (rows.length === 0) return recomputed;
      await storeEligibility(tx, rows, projects, today);
      recomputed += rows.length;
      lastId = (rows[rows.length - 1] as ClientFactsRow).id;
    }
  });
}
