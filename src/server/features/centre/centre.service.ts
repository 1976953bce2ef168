import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db, Tx } from '../../../db/open-database.js';
import { type Role, roles, type Settings, type SetupInput, settingsResponse } from '../../../shared/index.js';
import { AppError, fieldError, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { diffFields, recordAudit } from '../audit/audit.service.js';
import { hashPassword } from '../auth/auth.instance.js';
import { requireStrongPassword } from '../auth/password-policy.service.js';
import { insertUser } from '../users/users.service.js';
import {
  countUsers,
  insertBranch,
  insertCentre,
  insertSettingOnce,
  selectBranch,
  selectBranches,
  selectCentre,
  selectSetting,
  updateBranchRow,
  upsertSetting,
} from './centre.repo.js';

const defaultSettings: Settings = { twoFactorRequiredRoles: [] };

/** A setting of another feature, stored as JSON under its key (that feature parses it); undefined when never saved. */
export const readSetting = (tx: Tx, key: string): Promise<unknown> => selectSetting(tx, key);

/** Stores a setting of another feature under its key, replacing what was there. */
export const writeSetting = (tx: Tx, key: string, value: unknown): Promise<void> => upsertSetting(tx, key, value);

export async function getSettings(db: Tx): Promise<Settings> {
  return toSettings(await selectSetting(db, settingsKey));
}

/** The row of `settings` that holds the centre's settings. */
export const settingsKey = 'centre';

/** The centre's settings from their stored value (read with the session by the access check); defaults when unset or unreadable. */
export function toSettings(stored: unknown): Settings {
  const parsed = settingsResponse.safeParse(stored ?? defaultSettings);
  return parsed.success ? parsed.data : defaultSettings;
}

export async function updateSettings(ctx: Ctx, input: Settings): Promise<Settings> {
  return ctx.db.transaction(async (tx) => {
    const before = await getSettings(tx);
    const after = { twoFactorRequiredRoles: roles.filter((r) => input.twoFactorRequiredRoles.includes(r)) };
    await upsertSetting(tx, settingsKey, after);
    await recordAudit(tx, ctx, {
      action: 'settings.updated',
      entityType: 'settings',
      changes: diffFields(before, after, ['twoFactorRequiredRoles'], ['twoFactorRequiredRoles']),
    });
    return after;
  });
}

/** Refuses to turn two-factor sign-in off for someone whose role requires it. */
export async function ensureTwoFactorOptional(db: Tx, userRoles: readonly Role[]): Promise<void> {
  const { twoFactorRequiredRoles } = await getSettings(db);
  if (userRoles.some((role) => twoFactorRequiredRoles.includes(role))) {
    throw new AppError('FORBIDDEN', 'Two-factor sign-in is required for your role and cannot be turned off');
  }
}

/** The secret that signs session cookies: from the environment, else generated once and kept in the database. */
export async function loadAuthSecret(db: Db, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  const stored = await insertSettingOnce(db, 'auth_secret', randomBytes(32).toString('base64url'));
  return z.string().parse(stored);
}

export async function isSetupRequired(db: Tx): Promise<boolean> {
  return (await countUsers(db)) === 0;
}

export type SetupOrigin = { requestId: string; ip: string };

/**
 * First run: creates the centre and its first administrator, who also coordinates (the person who
 * sets up a centre usually leads it; roles can be changed later). Refused with 409 once any user
 * exists, before the password is judged or hashed: a set-up centre spends nothing on this route.
 */
export async function completeSetup(db: Db, origin: SetupOrigin, input: SetupInput): Promise<{ userId: string }> {
  const alreadyDone = () => new AppError('SETUP_ALREADY_DONE', 'Integra is already set up');
  if (!(await isSetupRequired(db))) throw alreadyDone();
  await requireStrongPassword('body.adminPassword', input.adminPassword, { email: input.adminEmail });
  return db.transaction(async (tx) => {
    // Serialises concurrent first-run attempts: the second one finds the user the first created, and
    // answers 409 without hashing. Hashing inside the transaction holds up other requests on PGlite
    // for a moment, which only a centre being set up can notice.
    await tx.execute('select pg_advisory_xact_lock(4242)');
    if (!(await isSetupRequired(tx))) throw alreadyDone();
    const passwordHash = await hashPassword(input.adminPassword);
    if (!(await selectCentre(tx))) await insertCentre(tx, { name: input.centreName, regionCode: input.regionCode });
    const userId = await insertUser(tx, {
      name: input.adminName,
      email: input.adminEmail,
      passwordHash,
      roles: ['admin', 'coordinator'],
      locale: input.locale,
    });
    await recordAudit(
      tx,
      { actorId: userId, ...origin },
      {
        action: 'setup.completed',
        entityType: 'centre',
        details: { regionCode: input.regionCode },
      },
    );
    return { userId };
  });
}

export async function getCentre(db: Tx) {
  const row = await selectCentre(db);
  return row ? { name: row.name, regionCode: row.regionCode } : { name: '', regionCode: 'CZ-42' };
}

/**
 * Guards a reference to a branch in the input: an unknown branch is the caller's mistake (400 naming
 * the field), not a foreign-key failure in the database.
 */
export async function requireBranch(tx: Tx, branchId: string | null | undefined): Promise<void> {
  if (!branchId || (await selectBranch(tx, branchId))) return;
  throw fieldError('body.branchId', 'unknown_branch', 'No such branch');
}

const toBranchResponse = (b: Awaited<ReturnType<typeof selectBranch>> & object) => ({
  id: b.id,
  name: b.name,
  municipality: b.municipality,
  address: b.address,
  archived: b.archived,
});

export async function findBranches(ctx: Ctx) {
  return (await selectBranches(ctx.db)).map(toBranchResponse);
}

export async function createBranch(ctx: Ctx, input: { name: string; municipality: string; address?: string | null | undefined }) {
  return ctx.db.transaction(async (tx) => {
    const row = await insertBranch(tx, { name: input.name, municipality: input.municipality, address: input.address ?? null });
    await recordAudit(tx, ctx, { action: 'branch.created', entityType: 'branch', entityId: row.id });
    return toBranchResponse(row);
  });
}

export async function updateBranch(
  ctx: Ctx,
  id: string,
  input: {
    name?: string | undefined;
    municipality?: string | undefined;
    address?: string | null | undefined;
    archived?: boolean | undefined;
  },
) {
  return ctx.db.transaction(async (tx) => {
    const before = await selectBranch(tx, id);
    if (!before) throw notFound('Branch');
    const after = await updateBranchRow(tx, id, input);
    if (!after) throw notFound('Branch');
    const fields = ['name', 'municipality', 'address', 'archived'] as const;
    await recordAudit(tx, ctx, {
      action: 'branch.updated',
      entityType: 'branch',
      entityId: id,
      changes: diffFields(before, after, fields, fields),
    });
    return toBranchResponse(after);
  });
}
