import type { Db, Tx } from '../../../db/open-database.js';
import { type EligibilityFacts, evaluateEligibility, toCentreDate } from '../../../shared/index.js';
import { findActiveProjectRows, type ProjectRow } from '../projects/projects.service.js';
import {
  type ClientFactsRow,
  deleteEligibilityExcept,
  deleteEligibilityOfProject,
  selectClientFacts,
  selectClientFactsBatch,
  upsertEligibility,
} from './eligibility.repo.js';

/** The facts of a stored client that the eligibility rule reads. */
export function factsOf(row: Omit<ClientFactsRow, 'id'>): EligibilityFacts {
  return {
    citizenships: row.citizenships,
    residence: row.residenceCategory
      ? { category: row.residenceCategory, validFrom: row.residenceValidFrom, validUntil: row.residenceValidUntil }
      : null,
    district: row.district,
  };
}

/** Stores eligibility of the given clients for the given projects (the pure rule decides). */
async function storeEligibility(tx: Tx, rows: ClientFactsRow[], projects: ProjectRow[], today: string): Promise<void> {
  await upsertEligibility(
    tx,
    rows.flatMap((client) =>
      projects.map((project) => {
        const result = evaluateEligibility(factsOf(client), project.targetGroup, today);
        return { clientId: client.id, projectId: project.id, eligible: result.eligible, reasons: result.reasons, computedOn: today };
      }),
    ),
  );
}

/** After a client changes: their eligibility for every active project. */
export async function recomputeEligibilityForClient(tx: Tx, clientId: string, now: Date): Promise<void> {
  await storeEligibility(tx, await selectClientFacts(tx, clientId), await findActiveProjectRows(tx), toCentreDate(now));
}

/** After a project changes: every client's eligibility for it (or none, when the project is inactive). */
export async function recomputeEligibilityForProject(tx: Tx, project: ProjectRow, now: Date): Promise<void> {
  if (!project.active) {
    await deleteEligibilityOfProject(tx, project.id);
    return;
  }
  await recomputeInBatches(tx, [project], toCentreDate(now));
}

/**
 * Every client's eligibility for every active project, and none for inactive ones: for data loaded
 * in bulk (the benchmark's seed). The daily refresh is refreshEligibilityIfStale.
 */
export async function recomputeAllEligibility(tx: Tx, now: Date): Promise<void> {
  const projects = await findActiveProjectRows(tx);
  await deleteEligibilityExcept(
    tx,
    projects.map((p) => p.id),
  );
  if (projects.length > 0) await recomputeInBatches(tx, projects, toCentreDate(now));
}

/**
 * Recomputes clients batch by batch; a record merged into another has no eligibility of its own (the
 * survivor's counts). With `staleBefore`, only clients with a result from before that day. Returns
 * how many were recomputed.
 */
async function recomputeInBatches(tx: Tx, projects: ProjectRow[], today: string, staleBefore?: string): Promise<number> {
  let recomputed = 0;
  let lastId: string | null = null;
  for (;;) {
    const rows = await selectClientFactsBatch(tx, lastId, staleBefore);
    if (rows.length === 0) return recomputed;
    await storeEligibility(tx, rows, projects, today);
    recomputed += rows.length;
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
    const projects = await findActiveProjectRows(tx);
    await deleteEligibilityExcept(
      tx,
      projects.map((p) => p.id),
    );
    if (projects.length === 0) return 0;
    return recomputeInBatches(tx, projects, today, today);
  });
}
