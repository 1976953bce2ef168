import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { hasPermission, type Role, roles } from '../../shared/index.js';
import { createBranchThroughApi, createClientThroughApi, createProjectThroughApi, createUserThroughApi } from '../testing/factories.js';
import { createTestApp, testPassword } from '../testing/harness.js';
import { countRowsOfEveryTable, findApplicationTables, tablesNotCounted } from '../testing/row-counts.js';
import type { ApiRoute } from './access.js';
import { bodyLimitBytes } from '../app.js';

type Expected = { status: number; code: string; field?: string; keys?: string[] };

/** Checks the one error shape, and that the details name the field (or the unknown keys). */
function expectError(response: LightMyRequestResponse, expected: Expected, label: string): void {
  expect(response.statusCode, `${label}: ${response.body}`).toBe(expected.status);
  const body = response.json() as { error: { code: string; message: string; details?: unknown } };
  expect(Object.keys(body), label).toEqual(['error']);
  expect(body.error.code, label).toBe(expected.code);
  expect(body.error.message, label).toEqual(expect.any(String));
  expect(
    Object.keys(body.error).every((k) => ['code', 'message', 'details'].includes(k)),
    label,
  ).toBe(true);
  if (expected.code !== 'VALIDATION_FAILED') return;
  const details = body.error.details as { field: string; code: string; message: string; keys?: string[] }[];
  expect(Array.isArray(details) && details.length > 0, label).toBe(true);
  for (const detail of details) expect(detail, label).toMatchObject({ field: expect.any(String), message: expect.any(String) });
  if (expected.field)
    expect(
      details.map((d) => d.field),
      label,
    ).toContain(expected.field);
  if (expected.keys)
    expect(
      details.flatMap((d) => d.keys ?? []),
      label,
    ).toEqual(expect.arrayContaining(expected.keys));
}

describe('bad input', async () => {
  // A database of its own, so that "nothing was written" can be checked by counting rows.
  const t = await createTestApp({}, { freshDatabase: true });
  const staff = new Map<Role, string>();
  for (const role of roles) staff.set(role, (await t.signInAs([role])).cookie);
  const as = (role: Role) => staff.get(role) as string;

  const client = await createClientThroughApi(t, {}, { cookie: as('receptionist') });
  const withConsent = await t.request({
    method: 'POST',
    url: `/api/clients/${client.id}/consents`,
    cookie: as('receptionist'),
    payload: { purpose: 'data_processing', givenOn: '2026-01-05' },
  });
  const consentId = withConsent.json().consents[0].id as string;
  const project = await createProjectThroughApi(t, {}, { cookie: as('coordinator') });
  const branch = await createBranchThroughApi(t, {}, { cookie: as('admin') });
  const user = await createUserThroughApi(t, {}, { cookie: as('admin') });

  const countRows = () => countRowsOfEveryTable(t.database.db);

  /** Sends the request and checks the error, and that no table changed. */
  async function expectRefused(options: InjectOptions & { cookie?: string }, expected: Expected, label: string) {
    const before = await countRows();
    const response = await t.request(options);
    expectError(response, expected, label);
    expect(await countRows(), `${label}: rows written`).toEqual(before);
  }

  /** A caller allowed to use the route, so that what is checked is the input, not the access. */
  function callerOf(route: ApiRoute): string | undefined {
    if (route.access === 'public') return undefined;
    if (route.access === 'signedIn') return as('admin');
    const role = roles.find((r) => hasPermission([r], route.access as never)) as Role;
    return as(role);
  }

  const idsFor: Record<string, string> = { id: client.id, consentId };
  function concreteUrl(route: ApiRoute, fill?: (name: string) => string): string {
    return route.url.replace(/:([A-Za-z]+)/g, (_m, name: string) => (fill ? fill(name) : (idsFor[name] ?? randomUUID())));
  }

  const api = t.app.apiRoutes.filter((r) => !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json' && r.method !== 'HEAD');
  const writes = api.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method));
  const document = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { in: string; name: string }[] }>>;
  };
  const operationOf = (route: ApiRoute) => document.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
  const withBody = writes.filter((r) => operationOf(r)?.requestBody);
  const withQuery = api.filter((r) => operationOf(r)?.parameters?.some((p) => p.in === 'query'));
  // Lists paged by limit and offset (a timeline pages by a cursor, and its own test checks its limit).
  const queryParameter = (r: ApiRoute, name: string) => operationOf(r)?.parameters?.some((p) => p.in === 'query' && p.name === name);
  const withPaging = api.filter((r) => queryParameter(r, 'limit') && queryParameter(r, 'offset'));
  const withParams = api.filter((r) => r.url.includes(':'));
  const label = (route: ApiRoute) => `${route.method} ${route.url}`;

  it('counts every table of the schema but a few named with their reason', async () => {
    const tables = await findApplicationTables(t.database.db);
    for (const table of Object.keys(tablesNotCounted).filter((name) => name !== '__drizzle_migrations')) expect(tables).toContain(table);
    const counted = Object.keys(await countRows());
    expect(counted).toEqual(tables.filter((table) => !(table in tablesNotCounted)));
    expect(counted).toEqual(expect.arrayContaining(['clients', 'services', 'consultations', 'audit_events', 'outbox']));
  });

  describe('on every route that takes a body', () => {
    it('finds them', () => {
      expect(withBody.length).toBeGreaterThanOrEqual(15);
    });

    it.each(writes.map((r) => [label(r), r] as const))('%s: malformed JSON → 400 INVALID_JSON', async (name, route) => {
      for (const body of ['{"givenName": ', '{"a":1}}', '']) {
        await expectRefused(
          {
            method: route.method as 'POST',
            url: concreteUrl(route),
            cookie: callerOf(route),
            headers: { 'content-type': 'application/json' },
            body,
          },
          { status: 400, code: 'INVALID_JSON' },
          `${name} ${JSON.stringify(body)}`,
        );
      }
    });

    it.each(writes.map((r) => [label(r), r] as const))('%s: a body over 256 KiB → 413 PAYLOAD_TOO_LARGE', async (name, route) => {
      const payload = { note: 'x'.repeat(bodyLimitBytes) };
      await expectRefused(
        { method: route.method as 'POST', url: concreteUrl(route), cookie: callerOf(route), payload },
        { status: 413, code: 'PAYLOAD_TOO_LARGE' },
        name,
      );
    });

    it.each(withBody.map((r) => [label(r), r] as const))('%s: unknown fields, wrong types → 400 naming them', async (name, route) => {
      const request = (payload: unknown) => ({
        method: route.method as 'POST',
        url: concreteUrl(route),
        cookie: callerOf(route),
        payload: payload as object,
      });
      await expectRefused(request({ zzUnknown: 1 }), { status: 400, code: 'VALIDATION_FAILED', keys: ['zzUnknown'] }, `${name} unknown`);
      for (const payload of [[], 'text', 42, null]) {
        await expectRefused(
          { ...request(undefined), headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) },
          { status: 400, code: 'VALIDATION_FAILED', field: 'body' },
          `${name} ${JSON.stringify(payload)}`,
        );
      }
    });
  });

  describe('on every route with parameters in the path', () => {
    it.each(withParams.map((r) => [label(r), r] as const))('%s: a malformed id → 400 naming the parameter', async (name, route) => {
      // Staff ids are text (better-auth's), so a user id can be malformed only by its length, which the
      // router itself refuses (over 100 characters), before the route's schema could name the parameter.
      const textId = route.url.startsWith('/api/users/');
      for (const param of route.url.match(/:(\w+)/g) ?? []) {
        const bad = textId ? 'x'.repeat(101) : 'not-a-uuid';
        const url = concreteUrl(route, (n) => (`:${n}` === param ? bad : (idsFor[n] ?? randomUUID())));
        await expectRefused(
          { method: route.method as 'GET', url, cookie: callerOf(route), payload: route.method === 'GET' ? undefined : {} },
          { status: 400, code: 'VALIDATION_FAILED', field: textId ? 'params' : `params.${param.slice(1)}` },
          `${name} ${url}`,
        );
      }
    });

    it('answers a path that is not valid percent-encoding, or too long, in the error shape', async () => {
      for (const url of ['/api/clients/%E0%A4%A', `/api/clients/${'a'.repeat(500)}`, '/api/users/%FF']) {
        await expectRefused({ method: 'GET', url, cookie: as('admin') }, { status: 400, code: 'VALIDATION_FAILED', field: 'params' }, url);
      }
    });
  });

  describe('on every route with a query', () => {
    it.each(withQuery.map((r) => [label(r), r] as const))('%s: unknown parameters → 400 naming them', async (name, route) => {
      await expectRefused(
        { method: 'GET', url: concreteUrl(route), cookie: callerOf(route), query: { zzUnknown: '1' } },
        { status: 400, code: 'VALIDATION_FAILED', keys: ['zzUnknown'] },
        name,
      );
    });

    it.each(withPaging.map((r) => [label(r), r] as const))('%s: limits and offsets out of range → 400', async (name, route) => {
      expect(withPaging.map(label)).toEqual(expect.arrayContaining(['GET /api/clients', 'GET /api/users', 'GET /api/audit-events']));
      const cases: [Record<string, string>, string][] = [
        [{ limit: '0' }, 'querystring.limit'],
        [{ limit: '1000' }, 'querystring.limit'],
        [{ limit: '101' }, 'querystring.limit'],
        [{ limit: 'ten' }, 'querystring.limit'],
        [{ limit: '2.5' }, 'querystring.limit'],
        [{ offset: '-1' }, 'querystring.offset'],
        [{ offset: 'x' }, 'querystring.offset'],
      ];
      for (const [query, field] of cases) {
        await expectRefused(
          { method: 'GET', url: concreteUrl(route), cookie: callerOf(route), query },
          { status: 400, code: 'VALIDATION_FAILED', field },
          `${name} ${JSON.stringify(query)}`,
        );
      }
    });
  });

  // Field by field: what each endpoint must refuse, and the field the answer must name.
  const validClient = { givenName: 'Ivan', familyName: 'Horbunov', sex: 'male' };
  const validProject = {
    code: 'AMIF/99/01',
    name: 'Bad input project',
    funder: 'AMIF',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    active: false,
    targetGroup: project.targetGroup,
  };
  const validUser = { name: 'Petra Malá', email: 'petra.mala@example.org', password: testPassword, roles: ['lecturer'] };
  const validSetup = {
    centreName: 'Centre',
    regionCode: 'CZ-42',
    adminName: 'Admin',
    adminEmail: 'setup.admin@example.org',
    adminPassword: testPassword,
  };
  type Case = [string, InjectOptions & { cookie?: string }, string | { keys: string[] }];
  const body = (
    method: 'POST' | 'PATCH' | 'PUT',
    url: string,
    role: Role | null,
    payload: unknown,
    expected: string | { keys: string[] },
  ) =>
    [
      JSON.stringify(payload).slice(0, 90),
      { method, url, cookie: role ? as(role) : undefined, payload: payload as object },
      expected,
    ] as Case;
  const query = (url: string, role: Role, q: Record<string, string>, field: string) =>
    [`${url} ${JSON.stringify(q).slice(0, 90)}`, { method: 'GET', url, cookie: as(role), query: q }, field] as Case;
  const clientUrl = `/api/clients/${client.id}`;

  const cases: Case[] = [
    // Registering a client
    body('POST', '/api/clients', 'receptionist', { familyName: 'Horbunov', sex: 'male' }, 'body.givenName'),
    body('POST', '/api/clients', 'receptionist', { givenName: 'Ivan', familyName: 'Horbunov' }, 'body.sex'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, givenName: 42 }, 'body.givenName'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, givenName: '   ' }, 'body.givenName'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, givenName: 'I'.repeat(101) }, 'body.givenName'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, familyNameNative: 'Г'.repeat(101) }, 'body.familyNameNative'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, sex: 'yes' }, 'body.sex'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, dateOfBirth: '2026-02-30' }, 'body.dateOfBirth'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, dateOfBirth: '2025-02-29' }, 'body.dateOfBirth'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, dateOfBirth: '17.5.1990' }, 'body.dateOfBirth'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, dateOfBirth: 19900517 }, 'body.dateOfBirth'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, citizenships: ['XY'] }, 'body.citizenships.0'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, citizenships: ['ua'] }, 'body.citizenships.0'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, citizenships: 'UA' }, 'body.citizenships'),
    body(
      'POST',
      '/api/clients',
      'receptionist',
      { ...validClient, citizenships: ['UA', 'RU', 'BY', 'KZ', 'UZ', 'TJ'] },
      'body.citizenships',
    ),
    body('POST', '/api/clients', 'receptionist', { ...validClient, languages: ['xx'] }, 'body.languages.0'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, languages: ['ukr'] }, 'body.languages.0'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, preferredLanguage: 'klingon' }, 'body.preferredLanguage'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, email: 'not-an-address' }, 'body.email'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, phone: 'call me' }, 'body.phone'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, note: 'n'.repeat(5001) }, 'body.note'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, branchId: 'main' }, 'body.branchId'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, branchId: randomUUID() }, 'body.branchId'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, address: { postcode: '4000' } }, 'body.address.postcode'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, address: { district: 'Gotham' } }, 'body.address.district'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, address: { city: 'Most' } }, { keys: ['city'] }),
    body('POST', '/api/clients', 'receptionist', { ...validClient, residence: { category: 'visa' } }, 'body.residence.category'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, residence: { validFrom: '2026-01-01' } }, 'body.residence.category'),
    body(
      'POST',
      '/api/clients',
      'receptionist',
      { ...validClient, residence: { category: 'asylum', validFrom: '2026-01-01', validUntil: '2025-12-31' } },
      'body.residence.validUntil',
    ),
    body(
      'POST',
      '/api/clients',
      'receptionist',
      { ...validClient, residence: { category: 'asylum', validUntil: '2026-04-31' } },
      'body.residence.validUntil',
    ),
    body('POST', '/api/clients', 'receptionist', { ...validClient, confirmDuplicate: 'yes' }, 'body.confirmDuplicate'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, clientNumber: '2026-00001' }, { keys: ['clientNumber'] }),
    body('POST', '/api/clients', 'receptionist', { ...validClient, id: randomUUID(), archived: true }, { keys: ['id', 'archived'] }),
    // Changing a client
    body('PATCH', clientUrl, 'receptionist', { givenName: '' }, 'body.givenName'),
    body('PATCH', clientUrl, 'receptionist', { givenName: null }, 'body.givenName'),
    body('PATCH', clientUrl, 'receptionist', { sex: 'f' }, 'body.sex'),
    body('PATCH', clientUrl, 'receptionist', { dateOfBirth: '2026-02-30' }, 'body.dateOfBirth'),
    body('PATCH', clientUrl, 'receptionist', { citizenships: ['XY'] }, 'body.citizenships.0'),
    body('PATCH', clientUrl, 'receptionist', { citizenships: null }, 'body.citizenships'),
    body('PATCH', clientUrl, 'receptionist', { languages: ['zz'] }, 'body.languages.0'),
    body('PATCH', clientUrl, 'receptionist', { residence: { category: 'asylum', validFrom: '2026-13-01' } }, 'body.residence.validFrom'),
    body('PATCH', clientUrl, 'receptionist', { branchId: randomUUID() }, 'body.branchId'),
    body('PATCH', clientUrl, 'receptionist', { phone: '1'.repeat(41) }, 'body.phone'),
    body('PATCH', clientUrl, 'receptionist', { archived: true }, { keys: ['archived'] }),
    body('PATCH', clientUrl, 'receptionist', { clientNumber: '2020-00001' }, { keys: ['clientNumber'] }),
    // Archiving, consents
    body('POST', `${clientUrl}/archive`, 'social_counsellor', {}, 'body.reason'),
    body('POST', `${clientUrl}/archive`, 'social_counsellor', { reason: '' }, 'body.reason'),
    body('POST', `${clientUrl}/archive`, 'social_counsellor', { reason: 'r'.repeat(501) }, 'body.reason'),
    body('POST', `${clientUrl}/consents`, 'receptionist', { givenOn: '2026-01-01' }, 'body.purpose'),
    body('POST', `${clientUrl}/consents`, 'receptionist', { purpose: 'marketing', givenOn: '2026-01-01' }, 'body.purpose'),
    body('POST', `${clientUrl}/consents`, 'receptionist', { purpose: 'newsletter', givenOn: '2026-02-30' }, 'body.givenOn'),
    body('POST', `${clientUrl}/consents`, 'receptionist', { purpose: 'newsletter' }, 'body.givenOn'),
    body(
      'POST',
      `${clientUrl}/consents`,
      'receptionist',
      { purpose: 'newsletter', givenOn: '2026-01-01', note: 'n'.repeat(501) },
      'body.note',
    ),
    body('POST', `${clientUrl}/consents/${consentId}/withdraw`, 'receptionist', {}, 'body.withdrawnOn'),
    body('POST', `${clientUrl}/consents/${consentId}/withdraw`, 'receptionist', { withdrawnOn: '2026-02-29' }, 'body.withdrawnOn'),
    body('POST', `${clientUrl}/consents/${consentId}/withdraw`, 'receptionist', { withdrawnOn: '2025-12-31' }, 'body.withdrawnOn'),
    // Finding clients
    query('/api/clients', 'receptionist', { q: 'a' }, 'querystring.q'),
    query('/api/clients', 'receptionist', { q: 'q'.repeat(501) }, 'querystring.q'),
    query('/api/clients', 'receptionist', { sort: 'bogus' }, 'querystring.sort'),
    query('/api/clients', 'receptionist', { sort: 'searchText' }, 'querystring.sort'),
    query('/api/clients', 'receptionist', { order: 'up' }, 'querystring.order'),
    query('/api/clients', 'receptionist', { citizenship: 'XY' }, 'querystring.citizenship'),
    query('/api/clients', 'receptionist', { residenceCategory: 'visa' }, 'querystring.residenceCategory'),
    query('/api/clients', 'receptionist', { projectId: 'AMIF', eligible: 'true' }, 'querystring.projectId'),
    query('/api/clients', 'receptionist', { projectId: project.id, eligible: 'yes' }, 'querystring.eligible'),
    query('/api/clients', 'receptionist', { projectId: project.id }, 'querystring.eligible'),
    query('/api/clients', 'receptionist', { eligible: 'true' }, 'querystring.eligible'),
    query('/api/clients', 'receptionist', { branchId: 'main' }, 'querystring.branchId'),
    query('/api/clients', 'receptionist', { archived: 'maybe' }, 'querystring.archived'),
    query('/api/clients', 'receptionist', { q: 'ab\u0000' }, 'querystring.q'),
    // Projects
    body('POST', '/api/projects', 'coordinator', { ...validProject, code: undefined }, 'body.code'),
    body('POST', '/api/projects', 'coordinator', { ...validProject, code: 'C'.repeat(41) }, 'body.code'),
    body('POST', '/api/projects', 'coordinator', { ...validProject, name: '' }, 'body.name'),
    body('POST', '/api/projects', 'coordinator', { ...validProject, startsOn: '2026-02-30' }, 'body.startsOn'),
    body('POST', '/api/projects', 'coordinator', { ...validProject, endsOn: '2025-12-31' }, 'body.endsOn'),
    body('POST', '/api/projects', 'coordinator', { ...validProject, active: 'yes' }, 'body.active'),
    body('POST', '/api/projects', 'coordinator', { ...validProject, targetGroup: undefined }, 'body.targetGroup'),
    body(
      'POST',
      '/api/projects',
      'coordinator',
      { ...validProject, targetGroup: { ...project.targetGroup, residenceCategories: ['visa'] } },
      'body.targetGroup.residenceCategories.0',
    ),
    body(
      'POST',
      '/api/projects',
      'coordinator',
      { ...validProject, targetGroup: { ...project.targetGroup, regionCode: 'CZ-99' } },
      'body.targetGroup.regionCode',
    ),
    body(
      'POST',
      '/api/projects',
      'coordinator',
      { ...validProject, targetGroup: { ...project.targetGroup, everyone: true } },
      { keys: ['everyone'] },
    ),
    body('PATCH', `/api/projects/${project.id}`, 'coordinator', { endsOn: '2026-04-31' }, 'body.endsOn'),
    body('PATCH', `/api/projects/${project.id}`, 'coordinator', { startsOn: '2026-06-01', endsOn: '2026-05-31' }, 'body.endsOn'),
    body('PATCH', `/api/projects/${project.id}`, 'coordinator', { startsOn: '2030-01-01' }, 'body.endsOn'),
    body('PATCH', `/api/projects/${project.id}`, 'coordinator', { code: '' }, 'body.code'),
    body('PATCH', `/api/projects/${project.id}`, 'coordinator', { id: randomUUID() }, { keys: ['id'] }),
    // Users and the own account
    body('POST', '/api/users', 'admin', { ...validUser, password: '12345678901' }, 'body.password'),
    body('POST', '/api/users', 'admin', { ...validUser, password: 'p'.repeat(129) }, 'body.password'),
    body('POST', '/api/users', 'admin', { ...validUser, email: 'petra' }, 'body.email'),
    body('POST', '/api/users', 'admin', { ...validUser, roles: [] }, 'body.roles'),
    body('POST', '/api/users', 'admin', { ...validUser, roles: ['superuser'] }, 'body.roles.0'),
    body('POST', '/api/users', 'admin', { ...validUser, roles: 'admin' }, 'body.roles'),
    body('POST', '/api/users', 'admin', { ...validUser, locale: 'de' }, 'body.locale'),
    body('POST', '/api/users', 'admin', { ...validUser, name: 'N'.repeat(201) }, 'body.name'),
    body('POST', '/api/users', 'admin', { ...validUser, branchId: randomUUID() }, 'body.branchId'),
    body('POST', '/api/users', 'admin', { ...validUser, active: false }, { keys: ['active'] }),
    body('PATCH', `/api/users/${user.id}`, 'admin', { roles: [] }, 'body.roles'),
    body('PATCH', `/api/users/${user.id}`, 'admin', { active: 'no' }, 'body.active'),
    body('PATCH', `/api/users/${user.id}`, 'admin', { branchId: 'main' }, 'body.branchId'),
    body('PATCH', `/api/users/${user.id}`, 'admin', { branchId: randomUUID() }, 'body.branchId'),
    body('PATCH', `/api/users/${user.id}`, 'admin', { email: 'new@example.org' }, { keys: ['email'] }),
    body('PATCH', `/api/users/${user.id}`, 'admin', { password: testPassword }, { keys: ['password'] }),
    query('/api/users', 'admin', { active: 'maybe' }, 'querystring.active'),
    query('/api/users', 'admin', { q: 'q'.repeat(201) }, 'querystring.q'),
    body('PATCH', '/api/me', 'lecturer', { locale: 'de' }, 'body.locale'),
    body('PATCH', '/api/me', 'lecturer', {}, 'body.locale'),
    body('PATCH', '/api/me', 'lecturer', { locale: 'cs', roles: ['admin'] }, { keys: ['roles'] }),
    body('POST', '/api/me/password', 'lecturer', { currentPassword: testPassword, newPassword: 'short' }, 'body.newPassword'),
    body('POST', '/api/me/password', 'lecturer', { newPassword: 'a long enough passphrase' }, 'body.currentPassword'),
    // Branches and settings
    body('POST', '/api/branches', 'admin', { municipality: 'Děčín' }, 'body.name'),
    body('POST', '/api/branches', 'admin', { name: 'Děčín', municipality: 'M'.repeat(121) }, 'body.municipality'),
    body('PATCH', `/api/branches/${branch.id}`, 'admin', { archived: 'yes' }, 'body.archived'),
    body('PATCH', `/api/branches/${branch.id}`, 'admin', { name: '' }, 'body.name'),
    body('PUT', '/api/settings', 'admin', {}, 'body.twoFactorRequiredRoles'),
    body('PUT', '/api/settings', 'admin', { twoFactorRequiredRoles: ['superuser'] }, 'body.twoFactorRequiredRoles.0'),
    body('PUT', '/api/settings', 'admin', { twoFactorRequiredRoles: 'admin' }, 'body.twoFactorRequiredRoles'),
    // PostgreSQL cannot store the NUL character: it must be refused as input, not fail in the database.
    body('POST', '/api/clients', 'receptionist', { ...validClient, givenName: 'Iv\u0000an' }, 'body.givenName'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, note: 'a\u0000' }, 'body.note'),
    body('POST', '/api/clients', 'receptionist', { ...validClient, address: { street: 'a\u0000' } }, 'body.address.street'),
    body('PATCH', clientUrl, 'receptionist', { familyNameNative: 'Г\u0000' }, 'body.familyNameNative'),
    body('POST', `${clientUrl}/archive`, 'social_counsellor', { reason: 'left\u0000' }, 'body.reason'),
    body('POST', `${clientUrl}/consents`, 'receptionist', { purpose: 'newsletter', givenOn: '2026-01-01', note: '\u0000' }, 'body.note'),
    body('POST', '/api/projects', 'coordinator', { ...validProject, name: 'P\u0000' }, 'body.name'),
    body('POST', '/api/branches', 'admin', { name: 'B\u0000', municipality: 'Most' }, 'body.name'),
    body('POST', '/api/users', 'admin', { ...validUser, name: 'U\u0000' }, 'body.name'),
    body('POST', '/api/setup', null, { ...validSetup, centreName: 'C\u0000' }, 'body.centreName'),
    body('POST', '/api/auth/sign-in/email', null, { email: 'a@example.org', password: 'pass\u0000word' }, 'body.password'),
    query('/api/users', 'admin', { q: 'ab\u0000' }, 'querystring.q'),
    // Need-to-know access (decision 022)
    body('PUT', '/api/settings/branch-scope', 'admin', {}, 'body.ownBranchRoles'),
    body('PUT', '/api/settings/branch-scope', 'admin', { ownBranchRoles: ['superuser'] }, 'body.ownBranchRoles.0'),
    body('PUT', '/api/settings/branch-scope', 'admin', { ownBranchRoles: 'receptionist' }, 'body.ownBranchRoles'),
    body('POST', `${clientUrl}/break-glass`, 'receptionist', {}, 'body.reason'),
    body('POST', `${clientUrl}/break-glass`, 'receptionist', { reason: 'why' }, 'body.reason'),
    body('POST', `${clientUrl}/break-glass`, 'receptionist', { reason: 'r'.repeat(501) }, 'body.reason'),
    body('POST', `${clientUrl}/break-glass`, 'receptionist', { reason: 'a long enough reason\u0000' }, 'body.reason'),
    body('POST', '/api/tasks', 'social_counsellor', { title: 'Call', dueOn: '2026-01-05', consultationId: 'first' }, 'body.consultationId'),
    body(
      'POST',
      '/api/tasks',
      'social_counsellor',
      { title: 'Call', dueOn: '2026-01-05', consultationId: randomUUID() },
      'body.consultationId',
    ),
    query('/api/privacy/sensitive-changes', 'dpo', { kind: 'everything' }, 'querystring.kind'),
    query('/api/privacy/sensitive-changes', 'dpo', { limit: '1000' }, 'querystring.limit'),
    // The audit trail
    query('/api/audit-events', 'dpo', { from: '2026-02-30' }, 'querystring.from'),
    query('/api/audit-events', 'dpo', { to: 'yesterday' }, 'querystring.to'),
    query('/api/audit-events', 'dpo', { action: 'client.deleted' }, 'querystring.action'),
    query('/api/audit-events', 'dpo', { clientId: 'someone' }, 'querystring.clientId'),
    query('/api/audit-events', 'dpo', { actorId: 'a'.repeat(101) }, 'querystring.actorId'),
    query('/api/audit-events', 'dpo', { actorId: 'x\u0000' }, 'querystring.actorId'),
    query('/api/audit-events', 'dpo', { clientNumber: '42' }, 'querystring.clientNumber'),
    query('/api/audit-events', 'dpo', { clientNumber: '2026-000042' }, 'querystring.clientNumber'),
    query('/api/audit/export.csv', 'dpo', { clientNumber: 'Novák' }, 'querystring.clientNumber'),
    query('/api/audit/export.csv', 'dpo', { from: '2026-13-01' }, 'querystring.from'),
    query('/api/audit/export.csv', 'dpo', { lang: 'de' }, 'querystring.lang'),
    [
      '/api/audit/export.csv paged',
      { method: 'GET', url: '/api/audit/export.csv', cookie: as('dpo'), query: { limit: '10' } },
      { keys: ['limit'] },
    ],
    // Setup and sign-in
    body('POST', '/api/setup', null, { ...validSetup, regionCode: 'CZ-99' }, 'body.regionCode'),
    body('POST', '/api/setup', null, { ...validSetup, adminPassword: 'short' }, 'body.adminPassword'),
    body('POST', '/api/setup', null, { ...validSetup, centreName: undefined }, 'body.centreName'),
    body('POST', '/api/setup', null, { ...validSetup, adminEmail: 'admin' }, 'body.adminEmail'),
    body('POST', '/api/auth/sign-in/email', null, { email: 'nobody', password: testPassword }, 'body.email'),
    body('POST', '/api/auth/sign-in/email', null, { email: 'a@example.org' }, 'body.password'),
    body('POST', '/api/auth/sign-in/email', null, { email: 'a@example.org', password: 'p'.repeat(129) }, 'body.password'),
    body(
      'POST',
      '/api/auth/sign-in/email',
      null,
      { email: 'a@example.org', password: 'x', callbackURL: 'https://evil.example' },
      {
        keys: ['callbackURL'],
      },
    ),
    body('POST', '/api/auth/two-factor/verify-totp', null, { code: '12345' }, 'body.code'),
    body('POST', '/api/auth/two-factor/verify-totp', null, { code: 'abcdef' }, 'body.code'),
    body('POST', '/api/auth/two-factor/verify-backup-code', null, { code: '' }, 'body.code'),
    body('POST', '/api/auth/two-factor/enable', 'receptionist', {}, 'body.password'),
    body('POST', '/api/auth/two-factor/enable', 'receptionist', { password: testPassword, method: 'otp' }, { keys: ['method'] }),
    body('POST', '/api/auth/two-factor/disable', 'receptionist', { password: 42 }, 'body.password'),
  ];

  describe('field by field', () => {
    it.each(cases)('%s', async (_name, options, expected) => {
      const expectation: Expected =
        typeof expected === 'string'
          ? { status: 400, code: 'VALIDATION_FAILED', field: expected }
          : { status: 400, code: 'VALIDATION_FAILED', keys: expected.keys };
      await expectRefused(options, expectation, `${options.method} ${options.url}`);
    });
  });

  it('left the records it was given as they were', async () => {
    const read = await t.request({ method: 'GET', url: `/api/clients/${client.id}`, cookie: as('receptionist') });
    expect(read.json()).toMatchObject({ givenName: client.givenName, archived: false, consents: [{ id: consentId, withdrawnOn: null }] });
    const projectNow = await t.request({ method: 'GET', url: `/api/projects/${project.id}`, cookie: as('coordinator') });
    expect(projectNow.json()).toEqual(project);
    const userNow = await t.request({ method: 'GET', url: `/api/users/${user.id}`, cookie: as('admin') });
    expect(userNow.json()).toMatchObject({ roles: user.roles, active: true, branchId: null });
    expect((await t.request({ method: 'GET', url: '/api/settings', cookie: as('admin') })).json()).toEqual({ twoFactorRequiredRoles: [] });
    // The sessions used for malformed sign-outs are still alive.
    for (const role of roles) expect((await t.request({ method: 'GET', url: '/api/me', cookie: as(role) })).statusCode).toBe(200);
  });
});
