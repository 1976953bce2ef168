import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/open-database.js';
import type { Role } from '../../../shared/index.js';
import type { Config } from '../../config.js';
import type { Actor } from '../../http/context.js';
import { settingsKey, toSettings } from '../centre/centre.service.js';
import type { Auth } from './auth.instance.js';
import { requestHeaders } from './auth.proxy.js';
import { deleteSession, selectSessionUser, selectSessionWithUser } from './sessions.repo.js';

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

export type SessionResolverOptions = {
  /**
   * `one-query` (the default) reads a session that needs nothing from better-auth in one query;
   * `better-auth` always asks better-auth, as before (kept for `bench/overhead.ts` to compare both).
   */
  lookup?: 'one-query' | 'better-auth';
};

type SessionUser = { id: string; name: string; roles: Role[]; branchId: string | null; active: boolean; twoFactorEnabled: boolean };

/**
 * Turns a request's session cookie into the acting staff member. better-auth checks the signature and
 * the idle expiry; this adds the absolute limit, deactivation and the two-factor requirement.
 *
 * Most requests need nothing of better-auth but its checks: the cookie's signature (HMAC-SHA-256 with
 * the auth secret, as better-auth signs it) and an unexpired session. Those are checked here, with
 * the session, its user and the centre's settings read in one query. Whenever better-auth would do
 * more (renew the idle expiry and the cookie, remove an expired session and its cookie, clear a stale
 * cookie cache, or a session that is not to be remembered), the request goes through better-auth.
 */
export function createSessionResolver(db: Db, auth: Auth, config: Config, options: SessionResolverOptions = {}): SessionResolver {
  const maxAgeMs = config.sessionMaxHours * 3_600_000;
  const authContext = auth.$context;

  const finish = async (
    session: { id: string; token: string; createdAt: Date | string },
    user: SessionUser | undefined,
    storedSettings: unknown,
    setCookies: string[],
  ): Promise<ResolvedActor | null> => {
    if (Date.now() - new Date(session.createdAt).getTime() > maxAgeMs) {
      await deleteSession(db, session.id);
      return null;
    }
    if (!user?.active) return null;
    const { twoFactorRequiredRoles } = toSettings(storedSettings);
    const required = user.roles.some((r: Role) => twoFactorRequiredRoles.includes(r));
    return {
      actor: { id: user.id, name: user.name, roles: user.roles, branchId: user.branchId },
      sessionToken: session.token,
      twoFactorEnabled: user.twoFactorEnabled,
      twoFactorRequired: required,
      twoFactorSetupRequired: required && !user.twoFactorEnabled,
      setCookies,
    };
  };

  const throughBetterAuth = async (request: FastifyRequest): Promise<ResolvedActor | null> => {
    const { headers, response: found } = await auth.api.getSession({ headers: requestHeaders(request), returnHeaders: true });
    if (!found) return null;
    const user = await selectSessionUser(db, found.user.id, settingsKey);
    return finish(found.session, user, user?.settings, headers.getSetCookie());
  };

  /** The session when better-auth would only check it; 'ask' when it would do more; null when it would find none. */
  const inOneQuery = async (request: FastifyRequest): Promise<ResolvedActor | null | 'ask'> => {
    const context = await authContext;
    const cookies = parseCookieHeader(request.headers.cookie ?? '');
    const names = [...cookies.keys()];
    const { sessionToken, sessionData, dontRememberToken } = context.authCookies;
    if (names.some((n) => n.startsWith(sessionData.name) || n === dontRememberToken.name)) return 'ask';
    const value = cookies.get(sessionToken.name);
    if (!value) return null;
    const token = verifySigned(value, context.secret);
    if (!token) return null;
    const row = await selectSessionWithUser(db, token, settingsKey);
    if (!row || row.session.expiresAt < new Date()) return 'ask';
    const { expiresIn, updateAge } = context.sessionConfig;
    if (row.session.expiresAt.getTime() - expiresIn * 1000 + updateAge * 1000 <= Date.now()) return 'ask';
    return finish(row.session, row.user, row.settings, []);
  };

  return {
    async resolveActor(request) {
      if (!request.headers.cookie) return null;
      if (options.lookup === 'better-auth') return throughBetterAuth(request);
      const resolved = await inOneQuery(request);
      return resolved === 'ask' ? throughBetterAuth(request) : resolved;
    },
  };
}

/** The cookies of a Cookie header, values URL-decoded; the first of a repeated name wins, as in better-auth. */
function parseCookieHeader(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || cookies.has(name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      cookies.set(name, value);
    }
  }
  return cookies;
}

/** The value of a cookie signed as better-auth signs it (`value.base64(HMAC-SHA-256)`), or null. */
function verifySigned(cookie: string, secret: string): string | null {
  const dot = cookie.lastIndexOf('.');
  if (dot < 1) return null;
  const value = cookie.slice(0, dot);
  const signature = cookie.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith('=')) return null;
  const expected = createHmac('sha256', secret).update(value).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}
