import type { Tx } from '../../../db/open-database.js';
import {
  type CreateUserInput,
  hasPermission,
  type Permission,
  permissionMatrix,
  permissions,
  type Role,
  type StaffReference,
  type UiLanguage,
  type UpdateUserInput,
  type UserResponse,
} from '../../../shared/index.js';
import { AppError, fieldError, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { revokeCalendarFeedsOf } from '../appointments/calendar-feed.service.js';
import { diffFields, recordAudit } from '../audit/audit.service.js';
import { type AttemptLimits, beginAttempt, endAttempt, passwordCheckRules } from '../auth/attempt-limits.service.js';
import { hashPassword, verifyPassword } from '../auth/auth.instance.js';
import { requireStrongPassword } from '../auth/password-policy.service.js';
import { requireBranch } from '../centre/centre.service.js';
import {
  countActiveAdmins,
  countActiveStaff,
  countUsers,
  deleteSessionsOf,
  deleteTwoFactorOf,
  insertUserRow,
  lockAdminCount,
  selectActiveStaff,
  selectPasswordHash,
  selectUser,
  selectUserByEmail,
  selectUsers,
  type UserRow,
  updatePasswordHash,
  updateUserRow,
} from './users.repo.js';

export function toUserResponse(row: UserRow): UserResponse {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    roles: row.roles,
    branchId: row.branchId,
    locale: row.locale,
    active: row.active,
    twoFactorEnabled: row.twoFactorEnabled,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Inserts a staff account with its password credential; returns the new id. The caller hashes the
 * password before its transaction opens: hashing takes tens of milliseconds, and on PGlite's single
 * connection an open transaction holds up every other request meanwhile.
 */
export async function insertUser(
  tx: Tx,
  input: { name: string; email: string; passwordHash: string; roles: Role[]; branchId?: string | null | undefined; locale: UiLanguage },
): Promise<string> {
  const emailTaken = () => new AppError('CONFLICT', 'A user with this e-mail exists', { field: 'email' });
  if (await selectUserByEmail(tx, input.email)) throw emailTaken();
  const id = crypto.randomUUID();
  const inserted = await insertUserRow(
    tx,
    {
      id,
      name: input.name,
      email: input.email,
      roles: input.roles,
      branchId: input.branchId ?? null,
      locale: input.locale,
      emailVerified: true,
    },
    input.passwordHash,
  );
  if (!inserted) throw emailTaken();
  return id;
}

export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<UserResponse> {
  await requireStrongPassword('body.password', input.password, { email: input.email });
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    await requireBranch(tx, input.branchId);
    const id = await insertUser(tx, { ...input, passwordHash });
    await recordAudit(tx, ctx, {
      action: 'user.created',
      entityType: 'user',
      entityId: id,
      details: { roles: input.roles, branchId: input.branchId ?? null },
    });
    return toUserResponse((await selectUser(tx, id)) as UserRow);
  });
}

export async function getUser(ctx: Ctx, id: string): Promise<UserResponse> {
  const row = await selectUser(ctx.db, id);
  if (!row) throw notFound('User');
  return toUserResponse(row);
}

export async function findUsers(ctx: Ctx, query: Parameters<typeof selectUsers>[1]) {
  const rows = await selectUsers(ctx.db, query);
  // A page past the end has no row to carry the total: count separately then.
  const total = rows[0]?.total ?? (query.offset > 0 ? await countUsers(ctx.db, query) : 0);
  return { items: rows.map((r) => toUserResponse(r.user)), total };
}

/**
 * Changes a user's name, roles, branch or active state. Deactivation ends every session of the user
 * at once. The last active administrator cannot be demoted or deactivated.
 */
export async function updateUser(ctx: Ctx, id: string, input: UpdateUserInput): Promise<UserResponse> {
  return ctx.db.transaction(async (tx) => {
    const before = await selectUser(tx, id);
    if (!before) throw notFound('User');
    await requireBranch(tx, input.branchId);
    const after = await updateUserRow(tx, id, input);
    if (!after) throw notFound('User');
    await lockAdminCount(tx);
    if ((await countActiveAdmins(tx)) === 0) {
      throw new AppError('CONFLICT', 'Integra needs at least one active administrator');
    }
    if (before.active && !after.active) {
      await deleteSessionsOf(tx, id);
      // Ended for good: reactivating the account must not bring an old feed address back.
      await revokeCalendarFeedsOf(tx, id, ctx.now);
    }
    const shown = ['name', 'roles', 'branchId', 'active'] as const;
    const changes = diffFields(before, after, shown, shown);
    const action = rolesChanged(before, after)
      ? 'user.roles_changed'
      : before.active !== after.active
        ? after.active
          ? 'user.reactivated'
          : 'user.deactivated'
        : 'user.updated';
    if (changes.length > 0) await recordAudit(tx, ctx, { action, entityType: 'user', entityId: id, changes });
    return toUserResponse(after);
  });
}

const rolesChanged = (a: UserRow, b: UserRow) => [...a.roles].sort().join() !== [...b.roles].sort().join();

export async function getMe(
  ctx: Ctx,
  twoFactor: { required: boolean; setupRequired: boolean },
  centre: { name: string; regionCode: string },
) {
  const row = await selectUser(ctx.db, ctx.actor.id);
  if (!row) throw notFound('User');
  return {
    ...toUserResponse(row),
    permissions: permissions.filter((p) => hasPermission(row.roles, p)),
    twoFactorSetupRequired: twoFactor.setupRequired,
    twoFactorRequired: twoFactor.required,
    centre,
  };
}

export async function updateMyLocale(ctx: Ctx, locale: UiLanguage): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await selectUser(tx, ctx.actor.id);
    await updateUserRow(tx, ctx.actor.id, { locale });
    await recordAudit(tx, ctx, {
      action: 'user.locale_changed',
      entityType: 'user',
      entityId: ctx.actor.id,
      changes: [{ field: 'locale', before: before?.locale, after: locale }],
    });
  });
}

/**
 * Changes the caller's password after checking the current one; other sessions and the calendar
 * feed end. Wrong current passwords are limited per user and per address, and recorded.
 */
export async function changeMyPassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string },
  sessionToken: string | undefined,
  limits: AttemptLimits,
) {
  const me = await selectUser(ctx.db, ctx.actor.id);
  if (!me) throw notFound('User');
  // The rule needs no stored secret, so a weak choice is refused before any password is checked.
  await requireStrongPassword('body.newPassword', input.newPassword, { email: me.email, currentPassword: input.currentPassword });
  // Hashing and verifying happen outside the transaction (see insertUser).
  const attempt = await beginAttempt(ctx.db, passwordCheckRules(limits, ctx.ip, ctx.actor.id), ctx.now);
  const digest = await selectPasswordHash(ctx.db, ctx.actor.id);
  const verified = digest !== null && (await verifyPassword(digest, input.currentPassword));
  await endAttempt(ctx.db, attempt, verified);
  if (!verified) {
    await recordAudit(ctx.db, ctx, {
      action: 'auth.password_check_failed',
      entityType: 'user',
      entityId: ctx.actor.id,
      details: { purpose: 'password_change' },
    });
    throw fieldError('body.currentPassword', 'wrong_password', 'The current password is not right');
  }
  const newHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await updatePasswordHash(tx, ctx.actor.id, newHash);
    await deleteSessionsOf(tx, ctx.actor.id, sessionToken);
    const calendarFeedsRevoked = await revokeCalendarFeedsOf(tx, ctx.actor.id, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: ctx.actor.id,
      ...(calendarFeedsRevoked > 0 ? { details: { calendarFeedsRevoked } } : {}),
    });
  });
}

/**
 * An administrator sets a new password for a staff member who cannot sign in, to hand over in
 * person. Every session of the user ends, the administrator's own too when they reset themselves,
 * and so does their calendar feed. The new password is not compared with the old one: the answer
 * would tell the administrator what the colleague's password is.
 */
export async function resetUserPassword(ctx: Ctx, id: string, newPassword: string): Promise<void> {
  const user = await selectUser(ctx.db, id);
  if (!user) throw notFound('User');
  await requireStrongPassword('body.newPassword', newPassword, { email: user.email });
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    if (!(await selectUser(tx, id))) throw notFound('User');
    await updatePasswordHash(tx, id, passwordHash);
    await deleteSessionsOf(tx, id);
    const calendarFeedsRevoked = await revokeCalendarFeedsOf(tx, id, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
      ...(calendarFeedsRevoked > 0 ? { details: { calendarFeedsRevoked } } : {}),
    });
  });
}

/**
 * Removes a staff member's authenticator, for one who lost it, and ends their sessions. When a role
 * of theirs requires two-factor sign-in, they set it up again at their next sign-in.
 */
export async function resetUserTwoFactor(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await selectUser(tx, id))) throw notFound('User');
    await deleteTwoFactorOf(tx, id);
    await deleteSessionsOf(tx, id);
    await recordAudit(tx, ctx, { action: 'user.two_factor_reset', entityType: 'user', entityId: id });
  });
}

/** A member of staff as responses name them (who recorded, who is responsible); null when nobody is. */
export function toStaffReference(id: string | null, name: string | null): StaffReference | null {
  return id ? { id, name: name ?? '' } : null;
}

/**
 * Active staff holding one of the roles, by name: whom work can be given to. `id` narrows it to that
 * member (none when they are not such staff); `limit` and `offset` to a page.
 */
export function findActiveStaff(tx: Tx, roles: readonly Role[], filter: { id?: string; limit?: number; offset?: number } = {}) {
  return selectActiveStaff(tx, roles, filter);
}

/** A page of the active staff holding the permission, by name: the pickers of whom a task or a plan is given to. */
export async function findStaffWithPermission(
  ctx: Ctx,
  permission: Permission,
  page: { limit: number; offset: number },
): Promise<{ items: StaffReference[]; total: number }> {
  const roles = permissionMatrix[permission];
  const [rows, total] = await Promise.all([selectActiveStaff(ctx.db, roles, page), countActiveStaff(ctx.db, roles)]);
  return { items: rows.map(({ id, name }) => ({ id, name })), total };
}

/**
 * Throws unless `id` is an active staff member holding the permission: only they can act on what
 * they are made responsible for. `field` names the input in the 400 answer.
 */
export async function requireStaffWithPermission(tx: Tx, id: string, permission: Permission, field: string): Promise<void> {
  const [staff] = await selectActiveStaff(tx, permissionMatrix[permission], { id });
  if (!staff) throw fieldError(field, 'unknown_staff', 'No active staff member who can take this on');
}
