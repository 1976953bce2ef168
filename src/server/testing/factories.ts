import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type {
  branchInput,
  ClientResponse,
  createClientInput,
  createProjectInput,
  createUserInput,
  ProjectResponse,
  Role,
  TargetGroupRule,
  UserResponse,
} from '../../shared/index.js';
import { type TestApp, testPassword, unique } from './harness.js';

/** Who makes the call: a session cookie. Factories sign someone suitable in when none is given. */
export type Caller = { cookie: string };

const sessions = new WeakMap<TestApp, Map<Role, Promise<{ cookie: string; userId: string; email: string }>>>();

/** A staff member of the role, signed in once per test app and reused by the factories. */
export function staffOf(t: TestApp, role: Role): Promise<{ cookie: string; userId: string; email: string }> {
  let byRole = sessions.get(t);
  if (!byRole) {
    byRole = new Map();
    sessions.set(t, byRole);
  }
  let session = byRole.get(role);
  if (!session) {
    session = t.signInAs([role]);
    byRole.set(role, session);
  }
  return session;
}

/** A word of letters only, unique enough that names made by different tests never collide. */
export function uniqueWord(prefix: string): string {
  let word = prefix;
  for (let i = 0; i < 10; i++) word += String.fromCharCode(97 + randomInt(26));
  return word;
}

function expectStatus(response: { statusCode: number; body: string }, status: number, what: string): void {
  if (response.statusCode !== status) throw new Error(`${what}: expected ${status}, got ${response.statusCode} ${response.body}`);
}

export type ClientInput = z.input<typeof createClientInput>;

/** A realistic new client (a Ukrainian under temporary protection) with names unique to this call. */
export function clientInput(overrides: Partial<ClientInput> = {}): ClientInput {
  return {
    givenName: uniqueWord('Olena'),
    familyName: uniqueWord('Test'),
    sex: 'female',
    dateOfBirth: '1990-05-17',
    citizenships: ['UA'],
    languages: ['uk', 'ru'],
    residence: { category: 'temporary_protection', validFrom: '2025-03-01', validUntil: '2027-03-31' },
    ...overrides,
  };
}

/** Registers a client through POST /api/clients (as a receptionist unless a caller is given). */
export async function createClientThroughApi(t: TestApp, overrides: Partial<ClientInput> = {}, caller?: Caller): Promise<ClientResponse> {
  const cookie = caller?.cookie ?? (await staffOf(t, 'receptionist')).cookie;
  const response = await t.request({ method: 'POST', url: '/api/clients', cookie, payload: clientInput(overrides) });
  expectStatus(response, 201, 'create client');
  return response.json();
}

export type ProjectInput = z.input<typeof createProjectInput>;

/** AMIF-like: third-country nationals with a protection or long-term status, in the Ústí region. */
export const defaultTargetGroup: TargetGroupRule = {
  thirdCountryNationals: true,
  euCitizens: false,
  ukrainiansAnyStatus: false,
  residenceCategories: [
    'long_term_visa',
    'long_term_residence',
    'permanent_residence',
    'asylum',
    'subsidiary_protection',
    'temporary_protection',
  ],
  requireValidResidence: true,
  regionCode: 'CZ-42',
};

export function projectInput(overrides: Partial<ProjectInput> = {}): ProjectInput {
  return {
    code: unique('AMIF/'),
    name: 'Integration of foreigners in the Ústí nad Labem Region',
    funder: 'AMIF',
    startsOn: '2025-01-01',
    endsOn: '2027-12-31',
    active: true,
    targetGroup: defaultTargetGroup,
    ...overrides,
  };
}

/** Creates a project through POST /api/projects (as a coordinator unless a caller is given). */
export async function createProjectThroughApi(
  t: TestApp,
  overrides: Partial<ProjectInput> = {},
  caller?: Caller,
): Promise<ProjectResponse> {
  const cookie = caller?.cookie ?? (await staffOf(t, 'coordinator')).cookie;
  const response = await t.request({ method: 'POST', url: '/api/projects', cookie, payload: projectInput(overrides) });
  expectStatus(response, 201, 'create project');
  return response.json();
}

export type BranchInput = z.input<typeof branchInput>;
export type BranchResponse = { id: string; name: string; municipality: string; address: string | null; archived: boolean };

/** Adds a branch through POST /api/branches (as an admin unless a caller is given). */
export async function createBranchThroughApi(t: TestApp, overrides: Partial<BranchInput> = {}, caller?: Caller): Promise<BranchResponse> {
  const cookie = caller?.cookie ?? (await staffOf(t, 'admin')).cookie;
  const payload = { name: uniqueWord('Branch '), municipality: 'Ústí nad Labem', address: 'Velká Hradební 1', ...overrides };
  const response = await t.request({ method: 'POST', url: '/api/branches', cookie, payload });
  expectStatus(response, 201, 'create branch');
  return response.json();
}

export type UserInput = z.input<typeof createUserInput>;

/** Creates a staff account through POST /api/users (as an admin unless a caller is given); its password is `testPassword`. */
export async function createUserThroughApi(
  t: TestApp,
  overrides: Partial<UserInput> = {},
  caller?: Caller,
): Promise<UserResponse & { password: string }> {
  const cookie = caller?.cookie ?? (await staffOf(t, 'admin')).cookie;
  const payload = {
    name: 'Jana Nováková',
    email: `${unique('user')}@example.org`,
    password: testPassword,
    roles: ['receptionist'],
    ...overrides,
  };
  const response = await t.request({ method: 'POST', url: '/api/users', cookie, payload });
  expectStatus(response, 201, 'create user');
  return { ...response.json(), password: payload.password };
}

export type AuditItem = {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  clientId: string | null;
  client: { id: string; clientNumber: string | null; name: string | null } | null;
  listed: { count: number; includesClient: boolean | null } | null;
  entityName: string | null;
  changes: { field: string; before?: unknown; after?: unknown }[];
  details: Record<string, unknown> | null;
  ip: string | null;
};

/** Audit entries matching the filters, newest first, read through GET /api/audit-events as a DPO. */
export async function auditEventsThroughApi(t: TestApp, query: Record<string, string> = {}): Promise<AuditItem[]> {
  const { cookie } = await staffOf(t, 'dpo');
  const response = await t.request({ method: 'GET', url: '/api/audit-events', query: { limit: '100', ...query }, cookie });
  expectStatus(response, 200, 'read audit');
  return response.json().items;
}
