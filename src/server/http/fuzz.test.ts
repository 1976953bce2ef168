import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { hasPermission, type Role, roles } from '../../shared/index.js';
import { createBranchThroughApi, createClientThroughApi, createProjectThroughApi, createUserThroughApi } from '../testing/factories.js';
import { createTestApp, uniqueAddress } from '../testing/harness.js';
import type { ApiRoute } from './access.js';

/*
 * Random and boundary input for every route of the OpenAPI document, sent as a caller who may use
 * the route: the answer is never a 5xx, and every refusal is the one error shape with `details`.
 * Fixed seed and bounded count, so `npm test` is repeatable; see docs/decisions/020 for how to
 * widen a run or replay a failure (INTEGRA_FUZZ_SEED, INTEGRA_FUZZ_RUNS, INTEGRA_FUZZ_ROUTE, INTEGRA_FUZZ_PATH).
 */
const baseSeed = Number(process.env.INTEGRA_FUZZ_SEED ?? 20_261_204);
const runsPerRoute = Number(process.env.INTEGRA_FUZZ_RUNS ?? 8);
const onlyRoute = process.env.INTEGRA_FUZZ_ROUTE;
const replayPath = process.env.INTEGRA_FUZZ_PATH;

/** Each route's own seed, so adding a route does not change what the others are sent. */
const seedOf = (key: string) => createHash('sha256').update(`${baseSeed} ${key}`).digest().readInt32LE(0);

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Parameter = { in: 'query' | 'path' | 'header'; name: string; required?: boolean; schema: Schema };
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } };
type Document = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

// Values that have broken systems before: every one is sent in place of strings, numbers and whole bodies.
const nastyStrings = [
  '',
  ' ',
  '\t\n',
  'x'.repeat(10_000),
  '\u202Eevil\u202C.pdf',
  '\u2066Ivan\u2069',
  '\u200B',
  '\u200F\u200E\u061C',
  '\uFEFFIvan',
  '\u0000',
  'Iv\u0000an',
  '\uD800',
  'a\uDC00b',
  '😀👨‍👩‍👧‍👦',
  'Nguyễn Thị Hà',
  'Шевченко',
  'محمد',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x1F',
  ' 42 ',
  'true',
  '[]',
  '{}',
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '%00',
  '%E0%A4%A',
  '../../etc/passwd',
  '0000-00-00',
  '0000-01-01',
  '2026-02-30',
  '2025-02-29',
  '99999-01-01',
  '1899-12-31',
  '9999-12-31',
  '0001-01-01',
  '1970-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '2026-02-30T10:00:00+01:00',
  '2026-01-01T25:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '12345678-1234-1234-1234-1234567890ab',
  '{3F2504E0-4F89-41D3-9A0C-0305E82C3301}',
  'not-a-uuid',
];
const nastyNumbers = [0, -1, 1, -0, 0.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 53 + 2, 1e308, -1e308, 1e-300, Number.MIN_VALUE];

const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);
const deepArray = (depth: number) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown;

/** Anything at all in the place of a value: wrong types, edge numbers, nesting, prototype keys. */
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...nastyNumbers) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      [],
      {},
      [null],
      { a: 1 },
      deepArray(40),
      deepArray(8),
      Array.from({ length: 2000 }, (_, i) => i),
      JSON.parse('{"__proto__":{"polluted":true}}'),
      { constructor: { prototype: { polluted: true } } },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** What a body can be besides JSON that fits: text the JSON parser must refuse. */
const nastyRawBody = fc.constantFrom(
  '',
  '{',
  '{"a":1}}',
  'null',
  '"text"',
  '['.repeat(10_000),
  `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '\uFEFF{}',
  'NaN',
);

/** Calendar dates near today, long ago and far ahead, and ones that do not exist. */
const dateValue = fc.oneof(
  fc.date({ min: new Date('1890-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('0000-00-00', '2026-02-30', '99999-01-01', '1899-12-31', '1900-01-01', '0001-01-01', '9999-12-31', '2024-02-29'),
);
const instantValue = fc.oneof(
  fc.date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(
    '0000-01-01T00:00:00Z',
    '2026-02-30T10:00:00+01:00',
    '9999-12-31T23:59:59Z',
    '1969-12-31T23:59:59Z',
    '2026-03-29T02:30:00+01:00',
  ),
);

describe('the fuzzer over every route', async () => {
  // A database of its own: the fuzzer writes whatever the API lets it write.
  const t = await createTestApp({}, { freshDatabase: true });
  const staff = new Map<Role, { cookie: string; email: string; userId: string }>();
  for (const role of roles) staff.set(role, await t.signInAs([role]));
  const callers = new Set([...staff.values()].map((s) => s.userId));

  // Records the fuzzer can point at, by kind ("clients", "plans", "goals" …); every id a successful
  // answer shows joins them, so later requests reach real records.
  const known = new Map<string, string[]>();
  const remember = (kind: string, id: string) => {
    const ids = known.get(kind) ?? [];
    known.set(kind, ids);
    if (!ids.includes(id) && ids.length < 50) ids.push(id);
  };
  const kindOfKey = (key: string) => (key.endsWith('s') ? key : `${key}s`);
  const learnIds = (value: unknown, kind: string, depth = 0): void => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    for (const [key, item] of Object.entries(value)) {
      // The callers' own accounts are left alone: deactivating one would end the run, not find a bug.
      if (typeof item === 'string' && item.length <= 64 && !callers.has(item) && (key === 'id' || key.endsWith('Id'))) {
        remember(key === 'id' ? kind : kindOfKey(key.slice(0, -2)), item);
      } else if (Array.isArray(value)) learnIds(item, kind, depth + 1);
      else learnIds(item, key === 'items' ? kind : kindOfKey(key), depth + 1);
    }
  };
  remember('clients', (await createClientThroughApi(t)).id);
  remember('projects', (await createProjectThroughApi(t)).id);
  remember('branches', (await createBranchThroughApi(t)).id);
  remember('users', (await createUserThroughApi(t)).id);
  /** The kind of record a route's answer or path parameter is about: the last word of the path before it. */
  const kindOf = (url: string) => {
    const word =
      url
        .split('/')
        .filter((part) => part && !part.startsWith(':'))
        .pop() ?? '';
    return word === 'plan-goals' ? 'goals' : word;
  };
  /** An id of a known record of this kind (mostly), or of any kind. */
  const knownId = (kind?: string) =>
    fc.tuple(fc.nat(), fc.nat(4)).map(([i, any]) => {
      const ofKind = kind ? (known.get(kind) ?? []) : [];
      const all = [...known.values()].flat();
      const ids = ofKind.length > 0 && any > 0 ? ofKind : all;
      return ids[i % ids.length] as string;
    });

  const document = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json() as Document;
  const resolve = (schema: Schema): Schema =>
    schema.$ref ? resolve(document.components?.schemas?.[schema.$ref.split('/').pop() as string] ?? {}) : schema;

  /**
   * Values per the schema. A request is either fitting (every value as the schema describes it, so
   * it reaches the use case: odd but valid dates, names, ids of real records) or hostile (any part may
   * be replaced by a nasty value, objects get unknown fields, numbers step past their bounds).
   */
  type Mode = 'fitting' | 'hostile';
  function arbitraryOf(raw: Schema, mode: Mode, depth = 0): fc.Arbitrary<unknown> {
    const fitting = fittingArbitraryOf(raw, mode, depth);
    return mode === 'fitting' ? fitting : fc.oneof({ weight: 4, arbitrary: fitting }, { weight: 1, arbitrary: nastyValue });
  }

  function fittingArbitraryOf(raw: Schema, mode: Mode, depth: number): fc.Arbitrary<unknown> {
    const schema = resolve(raw);
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives) return fc.oneof(...alternatives.map((s) => fittingArbitraryOf(s, mode, depth)));
    if (schema.allOf?.[0]) return fittingArbitraryOf(schema.allOf[0], mode, depth);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    if (schema.const !== undefined) return fc.constant(schema.const);
    const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
    if (type.length > 1) return fc.oneof(...type.map((one) => fittingArbitraryOf({ ...schema, type: one }, mode, depth)));
    switch (type[0]) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
      case 'number': {
        const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
        const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 100_000);
        const inRange =
          type[0] === 'integer' ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
        const edges = mode === 'fitting' ? fc.constantFrom(min, max) : fc.constantFrom(min - 1, max + 1, min, max);
        return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: edges });
      }
      case 'array': {
        if (depth > 4) return fc.constant([]);
        const item = schema.items ? arbitraryOf(schema.items, mode, depth + 1) : nastyValue;
        return fc.array(item, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) });
      }
      case 'object': {
        if (depth > 4) return fc.constant({});
        const properties = Object.entries(schema.properties ?? {}).map(([name, s]) => [name, arbitraryOf(s, mode, depth + 1)] as const);
        const required = schema.required ?? [];
        const record = fc.record(Object.fromEntries(properties), {
          requiredKeys: properties.map(([name]) => name).filter((name) => required.includes(name)),
        });
        if (mode === 'fitting') return record;
        // Now and then a field the schema does not know.
        return fc
          .tuple(record, fc.option(fc.constantFrom('zzExtra', '__proto__', 'id', 'createdAt'), { freq: 8 }), nastyValue)
          .map(([value, extra, extraValue]) => (extra ? { ...value, [extra]: extraValue } : value));
      }
      case 'string':
        return stringOf(schema, mode);
      default:
        return nastyValue;
    }
  }

  function stringOf(schema: Schema, mode: Mode): fc.Arbitrary<unknown> {
    if (schema.format === 'date') return dateValue;
    if (schema.format === 'date-time') return instantValue;
    if (schema.format === 'uuid')
      return mode === 'fitting' ? fc.oneof(knownId(), fc.uuid()) : fc.oneof(knownId(), fc.uuid(), fc.constant('not-a-uuid'));
    if (schema.format === 'email')
      return mode === 'fitting' ? fc.emailAddress() : fc.oneof(fc.emailAddress(), fc.constantFrom('a@b', 'ivan@ex\u200Bample.org'));
    if (schema.format === 'binary') return nastyString;
    const maxLength = schema.maxLength ?? 200;
    const minLength = Math.max(schema.minLength ?? 0, 1);
    const pattern = schema.pattern ? patternString(schema.pattern) : undefined;
    const words = fc.string({ unit: fc.constantFrom(..."aeinosIvNgŠčřžНгуєнễ ̈-'😀"), minLength, maxLength: Math.min(maxLength, 30) });
    const plain = mode === 'fitting' ? words : fc.string({ unit: 'grapheme', minLength, maxLength: Math.min(maxLength, 30) });
    const boundary =
      mode === 'fitting'
        ? fc.constantFrom('x'.repeat(maxLength), `${'é'.repeat(Math.max(maxLength - 1, 0))}e\u0301`, '\u200Fx\u202E', ' x ')
        : fc.constantFrom('x'.repeat(maxLength + 1), 'x'.repeat(Math.max(minLength - 1, 0)), '\u200B', '   ');
    return fc.oneof(
      { weight: 3, arbitrary: pattern ?? plain },
      { weight: 1, arbitrary: plain },
      { weight: 1, arbitrary: boundary },
      { weight: 1, arbitrary: knownId() },
    );
  }

  function patternString(pattern: string): fc.Arbitrary<string> | undefined {
    try {
      return fc.stringMatching(new RegExp(pattern));
    } catch {
      return undefined;
    }
  }

  /** A path parameter of any shape: a known record, an unknown one, or no id at all. */
  const fittingPathValue = (kind: string) =>
    fc.oneof({ weight: 4, arbitrary: knownId(kind).map(encodeURIComponent) }, { weight: 1, arbitrary: fc.uuid() });
  const hostilePathValue = fc.oneof(
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: nastyString.map(percentEncode) },
    { weight: 1, arbitrary: fc.constantFrom('%E0%A4%A', '%FF', '%00', '..', '.', 'x'.repeat(101), 'a'.repeat(500), '%2F', '%20') },
  );

  /** A query string: parameters per the schema, some repeated (`a=1&a=2`), some unknown. */
  function queryOf(parameters: Parameter[], mode: Mode): fc.Arbitrary<string> {
    const entries = parameters.map((p) =>
      fc
        .option(fc.array(arbitraryOf(p.schema, mode), { minLength: 1, maxLength: mode === 'fitting' ? 1 : 2 }), { freq: 2 })
        .map((values) => (values ?? []).map((value) => `${percentEncode(p.name)}=${percentEncode(asText(value))}`)),
    );
    const unknown =
      mode === 'fitting'
        ? fc.constant(null)
        : fc.option(
            nastyString.map((v) => `zzUnknown=${percentEncode(v)}`),
            { freq: 5 },
          );
    return fc.tuple(fc.tuple(...entries), unknown).map(([parts, extra]) => [...parts.flat(), ...(extra ? [extra] : [])].join('&'));
  }

  type Sent = { method: string; url: string; headers: Record<string, string>; body?: string | Buffer };

  function requestsOf(route: ApiRoute, operation: Operation): fc.Arbitrary<Sent> {
    return fc.oneof(
      { weight: 3, arbitrary: requestOf(route, operation, 'fitting') },
      { weight: 2, arbitrary: requestOf(route, operation, 'hostile') },
    );
  }

  function requestOf(route: ApiRoute, operation: Operation, mode: Mode): fc.Arbitrary<Sent> {
    const parameters = operation.parameters ?? [];
    // Each parameter's kind is the word before it: /api/clients/:id/consents/:consentId → clients, consents.
    const kinds = [...route.url.matchAll(/:(\w+)/g)].map((m) => kindOf(route.url.slice(0, m.index)));
    const pathValue = (kind: string) => (mode === 'fitting' ? fittingPathValue(kind) : fc.oneof(fittingPathValue(kind), hostilePathValue));
    const path = fc.tuple(...kinds.map(pathValue)).map((values) => {
      let index = 0;
      return route.url.replace(/:(\w+)/g, () => values[index++] as string);
    });
    const query = queryOf(
      parameters.filter((p) => p.in === 'query'),
      mode,
    );
    const content = operation.requestBody?.content ?? {};
    const jsonSchema = content['application/json']?.schema;
    const formSchema = content['multipart/form-data']?.schema;
    const body: fc.Arbitrary<Pick<Sent, 'headers' | 'body'>> = formSchema
      ? mode === 'fitting'
        ? multipartOf(formSchema, mode)
        : fc.oneof(multipartOf(formSchema, mode), jsonBodyOf({}, mode))
      : jsonSchema
        ? jsonBodyOf(jsonSchema, mode)
        : route.method === 'GET' || route.method === 'DELETE' || mode === 'fitting'
          ? fc.constant({ headers: {} })
          : fc.oneof(fc.constant({ headers: {} }), jsonBodyOf({}, mode));
    return fc.tuple(path, query, body).map(([p, q, b]) => ({ method: route.method, url: q ? `${p}?${q}` : p, ...b }));
  }

  function jsonBodyOf(schema: Schema, mode: Mode): fc.Arbitrary<Pick<Sent, 'headers' | 'body'>> {
    const json = { 'content-type': 'application/json' };
    const fitting = fittingArbitraryOf(schema, mode, 0).map((value) => ({ headers: json, body: JSON.stringify(value) ?? '' }));
    if (mode === 'fitting') return fitting;
    return fc.oneof(
      { weight: 4, arbitrary: fitting },
      { weight: 1, arbitrary: nastyValue.map((value) => ({ headers: json, body: JSON.stringify(value) ?? '' })) },
      { weight: 2, arbitrary: nastyRawBody.map((body) => ({ headers: json, body })) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/json; charset=latin1')
          .map((type) => ({ headers: { 'content-type': type }, body: 'a=1' })),
      },
    );
  }

  /** A multipart form: a file part with a name of any shape (or none), and form fields per the schema. */
  function multipartOf(schema: Schema, mode: Mode): fc.Arbitrary<Pick<Sent, 'headers' | 'body'>> {
    const fields = Object.entries(resolve(schema).properties ?? {}).filter(([name]) => name !== 'file');
    const fileName = fc.option(fc.oneof(fc.constantFrom('a.pdf', 'scan.PDF', '.pdf', 'a.exe'), nastyString), { freq: 5 });
    const content = fc.oneof(
      fc.constant(Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
    );
    const fieldValues = fc.tuple(...fields.map(([name, s]) => fc.option(arbitraryOf(s, mode).map((v) => [name, asText(v)] as const))));
    return fc.tuple(fileName, content, fieldValues, fc.boolean()).map(([name, bytes, values, withFile]) => {
      const boundary = `----fuzz${randomUUID()}`;
      const disposition = name === null ? 'form-data; name="file"' : `form-data; name="file"; filename="${name.replace(/["\r\n]/g, '_')}"`;
      const parts = [
        ...(withFile
          ? [
              Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: application/pdf\r\n\r\n`),
              bytes,
              Buffer.from('\r\n'),
            ]
          : []),
        ...values
          .filter((v) => v !== null)
          .map(([field, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${value}\r\n`)),
        Buffer.from(`--${boundary}--\r\n`),
      ];
      return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: Buffer.concat(parts) };
    });
  }

  /** Who calls the route: someone allowed to, so that the input is what gets checked. */
  function callerOf(route: ApiRoute): Role | null {
    if (route.access === 'public') return null;
    if (route.access === 'signedIn') return 'admin';
    return roles.find((role) => hasPermission([role], route.access as never)) ?? 'admin';
  }

  /** Answers by route and status, so a run shows how far past validation it got. */
  const tally = new Map<string, Map<number, number>>();
  async function send(route: ApiRoute, sent: Sent): Promise<LightMyRequestResponse> {
    const role = callerOf(route);
    const member = role ? staff.get(role) : undefined;
    const response = await t.request({
      method: sent.method as 'GET',
      url: sent.url,
      headers: sent.headers,
      cookie: member?.cookie,
      ...(sent.body === undefined ? {} : { payload: sent.body }),
    });
    const counts = tally.get(`${route.method} ${route.url}`) ?? new Map<number, number>();
    tally.set(`${route.method} ${route.url}`, counts);
    counts.set(response.statusCode, (counts.get(response.statusCode) ?? 0) + 1);
    // A sign-out (or anything else that ended the session) is not a finding: sign in again.
    if (member && response.statusCode === 401) {
      const again = await t.signIn(member.email, undefined, { remoteAddress: uniqueAddress() });
      member.cookie = again.cookie;
    }
    // Settings that demand two-factor sign-in would lock every caller out of the rest of the run.
    // (Put back directly: the admin who would put them back through the API is locked out too.)
    if (route.url === '/api/settings' && route.method === 'PUT' && response.statusCode < 300) {
      await t.database.db.execute(sql`update settings set value = '{"twoFactorRequiredRoles":[]}'::jsonb where key = 'centre'`);
    }
    if (response.statusCode < 300 && response.headers['content-type']?.toString().startsWith('application/json')) {
      learnIds(response.json(), kindOf(route.url));
    }
    return response;
  }

  /** What is wrong with the answer, or null: no 5xx, and every refusal in the error shape with details. */
  function problemOf(response: LightMyRequestResponse): string | null {
    if (response.statusCode >= 500) return `answered ${response.statusCode}`;
    if (response.statusCode < 400) return null;
    let body: unknown;
    try {
      body = response.json();
    } catch {
      return `answered ${response.statusCode} with a body that is not JSON`;
    }
    const error = (body as { error?: Record<string, unknown> }).error;
    if (!error || Object.keys(body as object).length !== 1) return `answered ${response.statusCode} without the error shape`;
    if (typeof error.code !== 'string' || typeof error.message !== 'string')
      return `answered ${response.statusCode} without code or message`;
    if (!('details' in error) || error.details === undefined || error.details === null)
      return `answered ${response.statusCode} without details`;
    return null;
  }

  const routes = t.app.apiRoutes
    .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')
    .filter((r) => !onlyRoute || `${r.method} ${r.url}` === onlyRoute);
  const operationOf = (route: ApiRoute) =>
    document.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()] ?? ({} as Operation);

  it('covers every route of the OpenAPI document', () => {
    if (onlyRoute) return;
    expect(routes.length).toBeGreaterThanOrEqual(90);
    const documented = routes.filter((r) => Object.keys(operationOf(r)).length > 0 || r.url === '/api/auth/sign-out');
    expect(documented.map((r) => `${r.method} ${r.url}`)).toEqual(routes.map((r) => `${r.method} ${r.url}`));
  });

  /**
   * Requests every route that takes a body is sent on each run besides the random ones: bodies nested
   * far deeper than any input (rare in random draws, and fatal to whatever walks them recursively).
   */
  function examplesOf(route: ApiRoute): [Sent][] {
    if (route.method === 'GET' || route.method === 'DELETE') return [];
    const url = route.url.replace(
      /:(\w+)/g,
      (_m, _name, index: number) => known.get(kindOf(route.url.slice(0, index)))?.[0] ?? randomUUID(),
    );
    const headers = { 'content-type': 'application/json' };
    return [
      [{ method: route.method, url, headers, body: `${'['.repeat(10_000)}${']'.repeat(10_000)}` }],
      [{ method: route.method, url, headers, body: `{"a":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_001)}` }],
    ];
  }

  it.each(routes.map((route) => [`${route.method} ${route.url}`, route] as const))(
    '%s: never a 5xx, every refusal in the error shape',
    async (key, route) => {
      const operation = operationOf(route);
      await fc.assert(
        fc.asyncProperty(requestsOf(route, operation), async (sent) => {
          const response = await send(route, sent);
          const problem = problemOf(response);
          if (problem) {
            const shown =
              typeof sent.body === 'string' ? sent.body.slice(0, 300) : sent.body ? `<${sent.body.length} bytes of multipart>` : '';
            throw new Error(`${problem}: ${sent.method} ${sent.url.slice(0, 300)} ${shown}\n→ ${response.body.slice(0, 500)}`);
          }
        }),
        { seed: seedOf(key), numRuns: runsPerRoute, examples: examplesOf(route), ...(replayPath ? { path: replayPath } : {}) },
      );
    },
    120_000,
  );

  it('got past validation on most routes, so it tried what the use cases do with odd input', () => {
    if (onlyRoute) return;
    if (process.env.INTEGRA_FUZZ_REPORT) {
      for (const [key, counts] of tally) process.stdout.write(`${key} ${JSON.stringify(Object.fromEntries(counts))}\n`);
    }
    const accepted = [...tally.values()].filter((counts) =>
      [...counts.keys()].some((status) => status < 300 || status === 404 || status === 409),
    );
    expect(accepted.length).toBeGreaterThan(tally.size / 2);
  });
});

/** Text as a browser would send it in a form or query: strings as they are, anything else as JSON. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** Percent-encodes any text, lone surrogates included (as the replacement character's bytes). */
function percentEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}
