import { hash, verify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import { twoFactor } from 'better-auth/plugins';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open-database.js';
import { accounts, sessions, twoFactors, users, verifications } from '../../../db/schema/index.js';
import type { Config } from '../../config.js';
import { accountWindowSeconds } from './attempt-limits.service.js';

/** argon2id with the OWASP-recommended minimum cost (19 MiB, 2 passes). */
const argon2Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
export const hashPassword = (password: string) => hash(password, argon2Options);
export const verifyPassword = (digest: string, password: string) => verify(digest, password).catch(() => false);

/** The header through which the HTTP layer hands the client's address to better-auth. */
export const clientIpHeader = 'x-integra-client-ip';

export type Auth = ReturnType<typeof createAuth>;

/**
 * better-auth handles passwords, sessions and TOTP; Integra limits failed attempts itself. Roles, branches and
 * deactivation are Integra's own columns on the same users table.
 */
export function createAuth(db: Db, config: Config, secret: string) {
  return betterAuth({
    appName: 'Integra',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        twoFactor: twoFactors,
      },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 128,
      password: { hash: hashPassword, verify: ({ hash: digest, password }) => verifyPassword(digest, password) },
    },
    session: {
      // Sliding idle expiry: each request more than a minute after the last refresh extends it.
      expiresIn: config.sessionIdleMinutes * 60,
      updateAge: 60,
      cookieCache: { enabled: false },
    },
    // better-auth's limiter counts every request, successful sign-ins too, so a centre behind one
    // address would lock itself out at 8:00. Integra counts only failures (attempt-limits.service.ts).
    rateLimit: { enabled: false },
    // A wrong second factor also counts per account here, as wrong passwords do in Integra's limiter.
    plugins: [
      twoFactor({
        issuer: 'Integra',
        accountLockout: { maxFailedAttempts: config.signInAccountLimit, durationSeconds: accountWindowSeconds },
      }),
    ],
    advanced: {
      cookiePrefix: 'integra',
      useSecureCookies: config.publicUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      ipAddress: { ipAddressHeaders: [clientIpHeader] },
      // Origin checks happen once, for every route, in the HTTP layer (http/access.ts).
      disableCSRFCheck: true,
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated account cannot start a session, whichever way it signs in.
          before: async (session) => {
            const [user] = await db.select({ active: users.active }).from(users).where(eq(users.id, session.userId));
            if (!user?.active) throw new APIError('UNAUTHORIZED', { message: 'Invalid email or password' });
          },
        },
      },
    },
    logger: { disabled: true },
    telemetry: { enabled: false },
  });
}
