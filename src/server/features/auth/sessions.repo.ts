import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { sessions, settings, users } from '../../../db/schema/index.js';

/**
 * A session by its token with its user and the centre's settings, in one round trip: what the access
 * check needs on every request.
 */
export async function selectSessionWithUser(tx: Tx, token: string, settingsKey: string) {
  const [row] = await tx
    .select({
      session: { id: sessions.id, token: sessions.token, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt },
      user: {
        id: users.id,
        name: users.name,
        roles: users.roles,
        branchId: users.branchId,
        active: users.active,
        twoFactorEnabled: users.twoFactorEnabled,
      },
      settings: sql<unknown>`(select ${settings.value} from ${settings} where ${settings.key} = ${settingsKey})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.token, token));
  return row;
}

/** A signed-in user's account as the access check needs it, with the centre's settings. */
export async function selectSessionUser(tx: Tx, userId: string, settingsKey: string) {
  const [row] = await tx
    .select({
      id: users.id,
      name: users.name,
      roles: users.roles,
      branchId: users.branchId,
      active: users.active,
      twoFactorEnabled: users.twoFactorEnabled,
      settings: sql<unknown>`(select ${settings.value} from ${settings} where ${settings.key} = ${settingsKey})`,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

export async function deleteSession(tx: Tx, id: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, id));
}
