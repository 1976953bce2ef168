import { and, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { breakGlassGrants, clients, settings } from '../../../db/schema/index.js';
import type { ScopeTargetKind } from '../../../shared/index.js';

/** The settings key of the branch scope (decision 022). */
const settingKey = 'branch_scope';

export async function selectBranchScopeValue(tx: Tx): Promise<unknown> {
  const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, settingKey));
  return row?.value;
}

export async function upsertBranchScopeValue(tx: Tx, value: unknown): Promise<void> {
  await tx
    .insert(settings)
    .values({ key: settingKey, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()` } });
}

/** Each kind's way from its id to its client. */
const clientOf: Record<ScopeTargetKind, (id: string) => ReturnType<typeof sql>> = {
  client: (id) => sql`select ${id}::uuid`,
  consultation: (id) => sql`select client_id from services where id = ${id}`,
  plan: (id) => sql`select client_id from plans where id = ${id}`,
  goal: (id) => sql`select p.client_id from plan_goals g join plans p on p.id = g.plan_id where g.id = ${id}`,
  referral: (id) => sql`select client_id from referrals where id = ${id}`,
  document: (id) => sql`select client_id from documents where id = ${id}`,
  appointment: (id) => sql`select client_id from appointments where id = ${id}`,
  task: (id) => sql`select client_id from tasks where id = ${id}`,
};

/** The client a record belongs to and the client's branch; undefined when there is no such record or it has no client. */
export async function selectScopeTarget(tx: Tx, kind: ScopeTargetKind, id: string) {
  const { rows } = await tx.execute<{ id: string; branchId: string | null }>(
    sql`select c.id, c.branch_id as "branchId" from clients c where c.id = (${clientOf[kind](id)} limit 1)`,
  );
  return rows[0];
}

export async function selectClientBranch(tx: Tx, clientId: string) {
  const [row] = await tx.select({ id: clients.id, branchId: clients.branchId }).from(clients).where(eq(clients.id, clientId));
  return row;
}

/** Whether the user holds a grant to open the client that has not yet expired. */
export async function hasActiveGrant(tx: Tx, userId: string, clientId: string, now: Date): Promise<boolean> {
  const [row] = await tx
    .select({ id: breakGlassGrants.id })
    .from(breakGlassGrants)
    .where(and(eq(breakGlassGrants.userId, userId), eq(breakGlassGrants.clientId, clientId), gt(breakGlassGrants.expiresAt, now)))
    .limit(1);
  return row !== undefined;
}

export async function insertGrant(tx: Tx, values: typeof breakGlassGrants.$inferInsert) {
  const [row] = await tx.insert(breakGlassGrants).values(values).returning();
  return row as typeof breakGlassGrants.$inferSelect;
}

/**
 * The condition a client list adds under "own branch": the branch's clients, clients without a
 * branch, and the clients the user opened by breaking the glass and may still read.
 */
export function clientInScopeCondition(scope: { branchId: string | null; userId: string; now: Date }) {
  return sql`(${clients.branchId} is null ${scope.branchId ? sql`or ${clients.branchId} = ${scope.branchId}` : sql``}
    or exists (select 1 from ${breakGlassGrants} g where g.client_id = ${clients.id} and g.user_id = ${scope.userId}
               and g.expires_at > ${scope.now.toISOString()}::timestamptz))`;
}
