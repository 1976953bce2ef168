import type { Tx } from '../../../db/open-database.js';
import {
  type BranchScopeSetting,
  type BreakGlassInput,
  type BreakGlassResponse,
  branchScopeSetting,
  nextCentreMidnight,
  permissionMatrix,
  type ScopeTargetKind,
} from '../../../shared/index.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { Actor, Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  clientInScopeCondition,
  hasActiveGrant,
  insertGrant,
  selectBranchScopeValue,
  selectClientBranch,
  selectScopeTarget,
  upsertBranchScopeValue,
} from './branch-scope.repo.js';

const wholeCentre: BranchScopeSetting = { ownBranchRoles: [] };

/** The branch scope setting; every role works with the whole centre until an admin says otherwise. */
export async function getBranchScope(db: Tx): Promise<BranchScopeSetting> {
  const parsed = branchScopeSetting.safeParse((await selectBranchScopeValue(db)) ?? wholeCentre);
  return parsed.success ? parsed.data : wholeCentre;
}

/** Changes which roles are kept to their own branch; audited with both lists (roles are not personal). */
export async function updateBranchScope(ctx: Ctx, input: BranchScopeSetting): Promise<BranchScopeSetting> {
  return ctx.db.transaction(async (tx) => {
    const before = await getBranchScope(tx);
    if (before.ownBranchRoles.join() === input.ownBranchRoles.join()) return before;
    await upsertBranchScopeValue(tx, input);
    await recordAudit(tx, ctx, {
      action: 'settings.updated',
      entityType: 'settings',
      entityId: 'branch_scope',
      changes: [{ field: 'ownBranchRoles', before: before.ownBranchRoles, after: input.ownBranchRoles }],
    });
    return input;
  });
}

/**
 * The branch the actor is kept to, or null when they work with the whole centre: only when every
 * role of theirs that reads clients is set to "own branch" (the broadest role wins).
 */
async function branchKeptTo(db: Tx, actor: Actor): Promise<{ branchId: string | null } | null> {
  const readers = actor.roles.filter((role) => permissionMatrix['clients.read'].includes(role));
  if (readers.length === 0) return null;
  const { ownBranchRoles } = await getBranchScope(db);
  return readers.every((role) => ownBranchRoles.includes(role)) ? { branchId: actor.branchId } : null;
}

/**
 * Refuses (403 BRANCH_SCOPE) a request about a client of another branch from someone kept to their
 * own branch, unless they broke the glass for that client and the grant has not expired. A client
 * without a branch is everyone's; a record that does not exist is left to the route (404).
 */
export async function requireClientInScope(ctx: Ctx, kind: ScopeTargetKind, id: string): Promise<void> {
  const kept = await branchKeptTo(ctx.db, ctx.actor);
  if (!kept) return;
  const client = await selectScopeTarget(ctx.db, kind, id);
  if (!client || client.branchId === null || client.branchId === kept.branchId) return;
  if (await hasActiveGrant(ctx.db, ctx.actor.id, client.id, ctx.now)) return;
  throw new AppError('BRANCH_SCOPE', 'This client belongs to another branch: give a reason to open the record', {
    clientId: client.id,
    branchId: client.branchId,
  });
}

/** The SQL condition a client list adds for someone kept to their own branch; undefined for the whole centre. */
export async function clientListScope(ctx: Ctx) {
  const kept = await branchKeptTo(ctx.db, ctx.actor);
  return kept ? clientInScopeCondition({ branchId: kept.branchId, userId: ctx.actor.id, now: ctx.now }) : undefined;
}

/**
 * Breaks the glass: opens a client of another branch to the caller until the end of the day, for the
 * reason they give. The reason is kept with the grant (it is free text); the audit entry names the
 * grant, the client and its branch, and the data protection officer's list shows both. Refused with
 * 409 when the record is open to the caller anyway.
 */
export async function breakGlass(ctx: Ctx, clientId: string, input: BreakGlassInput): Promise<BreakGlassResponse> {
  return ctx.db.transaction(async (tx) => {
    const client = await selectClientBranch(tx, clientId);
    if (!client) throw notFound('Client');
    const kept = await branchKeptTo(tx, ctx.actor);
    if (!kept || client.branchId === null || client.branchId === kept.branchId) {
      throw new AppError('CONFLICT', 'This record is open to you without a reason');
    }
    if (await hasActiveGrant(tx, ctx.actor.id, clientId, ctx.now)) {
      throw new AppError('CONFLICT', 'This record is already open to you until the end of the day');
    }
    const expiresAt = nextCentreMidnight(ctx.now);
    const grant = await insertGrant(tx, {
      userId: ctx.actor.id,
      clientId,
      reason: input.reason,
      clientBranchId: client.branchId,
      grantedAt: ctx.now,
      expiresAt,
    });
    await recordAudit(tx, ctx, {
      action: 'client.break_glass',
      entityType: 'client',
      entityId: clientId,
      clientId,
      changes: [{ field: 'reason' }],
      details: { grantId: grant.id, branchId: client.branchId, expiresAt: expiresAt.toISOString() },
    });
    return { id: grant.id, clientId, expiresAt: expiresAt.toISOString() };
  });
}
