import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/open-database.js';
import { sessions, users } from '../../../db/schema/index.js';
import type { Role } from '../../../shared/index.js';
import type { Config } from '../../config.js';
import type { Actor } from '../../http/context.js';
import { getSettings } from '../centre/centre.service.js';
import type { Auth } from './auth.instance.js';
import { requestHeaders } from './auth.proxy.js';

export type ResolvedActor = {
  actor: Actor;
  sessionToken: string;
  twoFactorRequired: boolean;
  twoFactorSetupRequired: boolean;
  twoFactorEnabled: boolean;
  /**
   * Set-Cookie values to send with the answer: better-auth renews the session cookie when it extends
   * the idle expiry, and a browser that never receives it drops the cookie at its original Max-Age.
   */
  setCookies: string[];
};

export type SessionResolver = { resolveActor: (request: FastifyRequest) => Promise<ResolvedActor | null> };

/**
 * Turns a request's session cookie into the acting staff member. better-auth checks the signature and
 * the idle expiry; this adds the absolute limit, deactivation and the two-factor requirement.
 */
export function createSessionResolver(db: Db, auth: Auth, config: Config): SessionResolver {
  const maxAgeMs = config.sessionMaxHours * 3_600_000;
  return {
    async resolveActor(request) {
      if (!request.headers.cookie) return null;
      const { headers, response: found } = await auth.api.getSession({ headers: requestHeaders(request), returnHeaders: true });
      if (!found) return null;
      if (Date.now() - new Date(found.session.createdAt).getTime() > maxAgeMs) {
        await db.delete(sessions).where(eq(sessions.id, found.session.id));
        return null;
      }
      const [user] = await db
        .select({
          id: users.id,
          name: users.name,
          roles: users.roles,
          branchId: users.branchId,
          active: users.active,
          twoFactorEnabled: users.twoFactorEnabled,
        })
        .from(users)
        .where(eq(users.id, found.user.id));
      if (!user?.active) return null;
      const { twoFactorRequiredRoles } = await getSettings(db);
      const required = user.roles.some((r: Role) => twoFactorRequiredRoles.includes(r));
      return {
        actor: { id: user.id, name: user.name, roles: user.roles, branchId: user.branchId },
        sessionToken: found.session.token,
        twoFactorEnabled: user.twoFactorEnabled,
        twoFactorRequired: required,
        twoFactorSetupRequired: required && !user.twoFactorEnabled,
        setCookies: headers.getSetCookie(),
      };
    },
  };
}
