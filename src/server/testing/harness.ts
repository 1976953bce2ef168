import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { type Database, openDatabase, openPglite } from '../../db/open-database.js';
import type { Role } from '../../shared/index.js';
import { buildApp } from '../app.js';
import { bootstrap } from '../bootstrap.js';
import { type Config, loadConfig } from '../config.js';
import { hashPassword } from '../features/auth/auth.instance.js';
import { insertUser } from '../features/users/users.service.js';
import { freshDatabasePrefix } from './fresh-database.js';

export const testOrigin = 'http://localhost:3000';
export const testPassword = 'correct horse battery staple';

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** Sends a request as the given session (or signed out), with a same-site Origin on writes. */
  request: (options: InjectOptions & { cookie?: string | undefined }) => Promise<LightMyRequestResponse>;
  /** Creates a staff member with these roles and signs them in; returns their cookie and id. */
  signInAs: (roles: Role[], options?: { email?: string }) => Promise<{ cookie: string; userId: string; email: string }>;
  /** Signs in with e-mail and password; returns the response and the cookie it set. */
  signIn: (
    email: string,
    password?: string,
    options?: { remoteAddress?: string },
  ) => Promise<{ response: LightMyRequestResponse; cookie: string }>;
  /** Closes the application and its database. */
  close: () => Promise<void>;
};

export type TestAppOptions = {
  /**
   * A database of its own, for tests that need one with no other test's data: the first-run setup,
   * the last administrator, centre-wide settings. PGlite databases are always fresh copies of the
   * template; on PostgreSQL a new database is created, migrated, and dropped after the file.
   */
  freshDatabase?: boolean;
  /** The built web client to serve; none by default, so tests do not depend on `npm run build`. */
  webRoot?: string | null;
};

let testHash: Promise<string> | undefined;
/** The hash of testPassword, made once per test file (argon2 is slow by design). */
const testPasswordHash = () => {
  testHash ??= hashPassword(testPassword);
  return testHash;
};

let counter = 0;
/** A value unique within the test run, for e-mails, codes and names. */
export const unique = (prefix: string) => `${prefix}${process.pid}x${Date.now().toString(36)}x${(counter++).toString(36)}`;

/** A private IPv4 address, different on (almost) every call. */
export const uniqueAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/**
 * A fresh Integra on its own database: PGlite copied from the migrated template, or the shared
 * PostgreSQL when TEST_DATABASE_URL is set (a new PostgreSQL database with `freshDatabase`).
 * Closed after the test file.
 */
export async function createTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const { database, drop } = await openTestDatabase(options);
  let testApp: TestApp | undefined;
  // Registered before the app starts, so a database of its own is dropped even when the start fails.
  afterAll(async () => {
    await (testApp ? testApp.close() : database.close());
    await drop();
  });
  testApp = await startTestApp(database, env, { webRoot: options.webRoot ?? null });
  return testApp;
}

async function openTestDatabase(options: TestAppOptions): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const pglite = await openPglite(undefined, new Blob([readFileSync(inject('templatePath'))]));
    return { database: await openDatabase({ pglite }), drop: async () => {} };
  }
  if (!options.freshDatabase) return { database: await openDatabase({ databaseUrl: url }), drop: async () => {} };
  const name = `${freshDatabasePrefix}${process.pid}_${Date.now().toString(36)}_${(counter++).toString(36)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const freshUrl = new URL(url);
  freshUrl.pathname = `/${name}`;
  return {
    database: await openDatabase({ databaseUrl: freshUrl.toString() }),
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

/** Integra on a database the caller opened; `close()` closes both. Used directly by the restart test. */
export async function startTestApp(
  database: Database,
  env: Record<string, string> = {},
  options: { webRoot?: string | null } = {},
): Promise<TestApp> {
  const config = loadConfig({ INTEGRA_SIGN_IN_LIMIT: '10000', LOG_LEVEL: 'silent', INTEGRA_PUBLIC_URL: testOrigin, ...env });
  const deps = await bootstrap(database, config, 'test', { jobs: false });
  const app = await buildApp(deps, { logger: false, webRoot: options.webRoot ?? null });

  // Writes come from the site itself, as a browser showing Integra would send them.
  const siteOrigin = new URL(config.publicUrl).origin;
  // Each app calls from an address of its own, so sign-in rate limits of one test file never count
  // another's failures (on PostgreSQL all files share the failed_attempts table).
  const address = uniqueAddress();
  // A header given as undefined is left out, so a test can drop the default Origin.
  const request: TestApp['request'] = ({ cookie, headers, ...options }) =>
    app.inject({
      remoteAddress: address,
      ...options,
      headers: Object.fromEntries(
        Object.entries({
          ...(options.method && options.method !== 'GET' && options.method !== 'HEAD' ? { origin: siteOrigin } : {}),
          ...(cookie ? { cookie } : {}),
          ...headers,
        }).filter(([, value]) => value !== undefined),
      ),
    });

  const signIn: TestApp['signIn'] = async (email, password = testPassword, options = {}) => {
    const response = await request({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email, password },
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    });
    return { response, cookie: cookieOf(response) };
  };

  const signInAs: TestApp['signInAs'] = async (roles, options = {}) => {
    const email = options.email ?? `${unique('staff')}@example.org`;
    const passwordHash = await testPasswordHash();
    const userId = await insertUser(database.db, { name: `Test ${roles.join(' ')}`, email, passwordHash, roles, locale: 'cs' });
    const { response, cookie } = await signIn(email, testPassword, { remoteAddress: uniqueAddress() });
    if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
    return { cookie, userId, email };
  };

  const close = async () => {
    await app.close();
    await database.close();
  };

  return { app, database, config, request, signIn, signInAs, close };
}

/** The Cookie header that carries a response's Set-Cookie values back (cleared cookies left out). */
export function cookieOf(response: LightMyRequestResponse): string {
  return response.cookies
    .filter((c) => c.value !== '' && c.maxAge !== 0)
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
}
