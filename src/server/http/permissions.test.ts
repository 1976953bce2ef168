import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { contentPermissions, hasPermission, permissions, type Role, roles } from '../../shared/index.js';
import { createTestApp } from '../testing/harness.js';
import type { ApiRoute } from './access.js';

/** The documentation is public by design and is not part of the matrix. */
const isDocumentation = (route: ApiRoute) => route.url.startsWith('/api/docs') || route.url === '/api/openapi.json';

/** The route's path with every parameter filled by a random, syntactically valid UUID. */
const concreteUrl = (route: ApiRoute) => route.url.replace(/:[A-Za-z]+/g, () => randomUUID());

type Expectation = 'allowed' | 'forbidden' | 'unauthenticated';

function expectationFor(route: ApiRoute, role: Role | null): Expectation {
  if (route.access === 'public') return 'allowed';
  if (role === null) return 'unauthenticated';
  if (route.access === 'signedIn') return 'allowed';
  return hasPermission([role], route.access) ? 'allowed' : 'forbidden';
}

/** What went wrong, or null when the answer matches the expectation. */
function mismatch(route: ApiRoute, expected: Expectation, response: LightMyRequestResponse): string | null {
  const status = response.statusCode;
  // HEAD answers carry no body: only the status can be checked. An allowed download (a CSV) is not JSON.
  const json = route.method !== 'HEAD' && String(response.headers['content-type']).startsWith('application/json');
  const code = json ? (response.json() as { error?: { code?: string } }).error?.code : undefined;
  const head = route.method === 'HEAD';
  if (expected === 'allowed' && status !== 401 && status !== 403) return null;
  if (expected === 'forbidden' && status === 403 && (head || code === 'FORBIDDEN')) return null;
  if (expected === 'unauthenticated' && status === 401 && (head || code === 'UNAUTHENTICATED')) return null;
  return `expected ${expected}, got ${status} ${code ?? ''}`;
}

describe('the permission matrix, route by route', async () => {
  const t = await createTestApp();
  const routes = t.app.apiRoutes.filter((route) => !isDocumentation(route));

  // One signed-in staff member per role. A write that succeeded may have ended the session (sign-out):
  // then the session is checked, and the member signs in again when it has.
  const staff = new Map<Role, { cookie: string; email: string; check: boolean }>();
  for (const role of roles) staff.set(role, { ...(await t.signInAs([role])), check: false });
  async function cookieOf(role: Role): Promise<string> {
    const member = staff.get(role) as { cookie: string; email: string; check: boolean };
    if (!member.check) return member.cookie;
    member.check = false;
    const me = await t.request({ method: 'GET', url: '/api/me', cookie: member.cookie });
    if (me.statusCode === 200) return member.cookie;
    member.cookie = (await t.signIn(member.email)).cookie;
    return member.cookie;
  }
  function noteAnswer(role: Role, route: ApiRoute, response: LightMyRequestResponse): void {
    const member = staff.get(role);
    if (member && route.method !== 'GET' && route.method !== 'HEAD' && response.statusCode < 400) member.check = true;
  }

  it('finds the routes to check, each with a known access rule', () => {
    const keys = routes.map((r) => `${r.method} ${r.url}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/clients',
        'POST /api/clients',
        'GET /api/audit-events',
        'GET /api/audit/export.csv',
        'PUT /api/settings',
        'POST /api/clients/:id/break-glass',
        'GET /api/privacy/sensitive-changes',
        'PUT /api/settings/branch-scope',
      ]),
    );
    expect(new Set(keys).size).toBe(keys.length);
    for (const route of routes) expect(['public', 'signedIn', ...permissions]).toContain(route.access);
    // Every permission of the matrix guards at least one route, unless it only shapes answers; an
    // unused one is a sign of a typo.
    for (const permission of permissions.filter((p) => !contentPermissions.includes(p))) {
      expect(routes.map((r) => r.access)).toContain(permission);
    }
    // And a permission that shapes answers guards no route: a receptionist still reaches the consultations.
    for (const permission of contentPermissions) expect(routes.map((r) => r.access)).not.toContain(permission);
  });

  it('lists every route in the OpenAPI document', async () => {
    const document = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, object> };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const missing = routes.filter((r) => r.method !== 'HEAD').filter((r) => !documented.includes(`${r.method} ${r.url}`));
    expect(missing).toEqual([]);
  });

  describe.each(routes.map((route) => [`${route.method} ${route.url} (${route.access})`, route] as const))('%s', (_name, route) => {
    it('answers every role and the signed-out caller as the matrix says', async () => {
      const problems: string[] = [];
      for (const role of [null, ...roles]) {
        const cookie = role === null ? undefined : await cookieOf(role);
        const response = await t.request({ method: route.method as 'GET', url: concreteUrl(route), cookie });
        if (role !== null) noteAnswer(role, route, response);
        const problem = mismatch(route, expectationFor(route, role), response);
        if (problem) problems.push(`${role ?? 'signed out'}: ${problem}`);
      }
      expect(problems).toEqual([]);
    });
  });

  it('refuses a lecturer on every client route', async () => {
    const clientRoutes = routes.filter((r) => r.url === '/api/clients' || r.url.startsWith('/api/clients/'));
    expect(clientRoutes.length).toBeGreaterThanOrEqual(8);
    for (const route of clientRoutes) {
      const response = await t.request({ method: route.method as 'GET', url: concreteUrl(route), cookie: await cookieOf('lecturer') });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
      if (route.method !== 'HEAD')
        expect(response.json()).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String), details: {} } });
    }
  });

  it('gives a member of several roles what any of the roles may do', async () => {
    const { cookie } = await t.signInAs(['lecturer', 'receptionist']);
    expect((await t.request({ method: 'GET', url: '/api/clients', cookie })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/users', cookie })).statusCode).toBe(403);
  });
});
