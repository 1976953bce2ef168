import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, inject } from 'vitest';
import { type Database, openDatabase, openPglite } from '../../db/open-database.js';
import type { Role } from '../../shared/index.js';
import { buildApp } from '../app.js';
import { bootstrap } from '../bootstrap.js';
import { type Config, loadConfig } from '../config.js';
import { insertUser } from '../features/users/users.service.js';

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
};

let counter = 0;
/** A value unique within the test run, for e-mails, codes and names. */
export const unique = (prefix: string) => `${prefix}${process.pid}x${Date.now().toString(36)}x${(counter++).toString(36)}`;

/**
 * A fresh Integra on its own database: PGlite copied from the migrated template, or the shared
 * PostgreSQL when TEST_DATABASE_URL is set. Closed after the test file.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const url = process.env.TEST_DATABASE_URL;
  const database = url
    ? await openDatabase({ databaseUrl: url })
    : await openDatabase({ pglite: await openPglite(undefined, new Blob([readFileSync(inject('templatePath'))])) });
  const config = loadConfig({ INTEGRA_SIGN_IN_LIMIT: '10000', LOG_LEVEL: 'silent', INTEGRA_PUBLIC_URL: testOrigin, ...env });
  const deps = await bootstrap(database, config, 'test', { jobs: false });
  const app = await buildApp(deps, { logger: false });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const request: TestApp['request'] = ({ cookie, headers, ...options }) =>
    app.inject({
      ...options,
      headers: {
        ...(options.method && options.method !== 'GET' ? { origin: testOrigin } : {}),
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
    });

  const signInAs: TestApp['signInAs'] = async (roles, options = {}) => {
    const email = options.email ?? `${unique('staff')}@example.org`;
    const userId = await insertUser(database.db, { name: `Test ${roles.join(' ')}`, email, password: testPassword, roles, locale: 'cs' });
    const response = await request({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email, password: testPassword } });
    if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
    return { cookie: cookieOf(response), userId, email };
  };

  return { app, database, config, request, signInAs };
}

/** The Cookie header that carries a response's Set-Cookie values back. */
export function cookieOf(response: LightMyRequestResponse): string {
  return response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
