/**
 * `npm run bench:overhead`: what every request pays on top of its own SQL. Measures through
 * `app.inject` (the whole Fastify stack, no network) two hot paths — one client
 * (`GET /api/clients/:id`) and the duplicate check (`POST /api/clients/duplicate-check`) — beside the
 * same work called directly on the database handle, with the session read in one query (as the server
 * does) and through better-auth for every request (as it did before), alternating all three for each
 * sample so that drift in machine load hits them alike.
 *
 *   npm run bench:overhead -- [--clients 5000] [--samples 300] [--postgres postgres://postgres@127.0.0.1:5432/postgres]
 *
 * PGlite by default; with --postgres, a database of its own on that server, dropped at the end.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import type { InjectOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/open-database.js';
import { buildApp } from '../src/server/app.js';
import { bootstrap } from '../src/server/bootstrap.js';
import { insertAuditEvent } from '../src/server/features/audit/audit.repo.js';
import { createSessionResolver } from '../src/server/features/auth/sessions.js';
import { findDuplicateCandidates } from '../src/server/features/clients/client-search.service.js';
import { selectClient, selectConsents, selectResidenceHistory } from '../src/server/features/clients/clients.repo.js';
import { selectActiveProjects } from '../src/server/features/projects/projects.repo.js';
import { duplicateCheckInput } from '../src/shared/index.js';
import { benchAdmin, benchConfig, benchContext, benchOrigin } from './bench-data.js';
import { type BenchTarget, createPgliteTarget, createPostgresTarget } from './bench-database.js';
import { formatMs, formatTable, summarise } from './stats.js';

const print = (line = '') => process.stdout.write(`${line}\n`);
const { values: args } = parseArgs({
  options: { clients: { type: 'string', default: '5000' }, samples: { type: 'string', default: '300' }, postgres: { type: 'string' } },
});
const clientCount = Number(args.clients);
const samples = Number(args.samples);
if (!Number.isInteger(clientCount) || clientCount < 100 || clientCount > 200_000) throw new Error('--clients must be 100 to 200000');
if (!Number.isInteger(samples) || samples < 30 || samples > 10_000) throw new Error('--samples must be 30 to 10000');

const target: BenchTarget = args.postgres ? await createPostgresTarget(args.postgres) : createPgliteTarget();
try {
  print(`${target.label}: loading ${clientCount} clients …`);
  const loader = fileURLToPath(new URL('./load-data.ts', import.meta.url));
  const where = target.location.databaseUrl
    ? ['--database-url', target.location.databaseUrl]
    : ['--data-dir', target.location.dataDir as string];
  await promisify(execFile)(process.execPath, ['--import', 'tsx', loader, ...where, '--clients', String(clientCount)], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const database = await openDatabase(
    target.location.databaseUrl
      ? { databaseUrl: target.location.databaseUrl }
      : { dataDir: target.location.dataDir as string, purpose: 'bench' },
  );
  try {
    await measure(database);
  } finally {
    await database.close();
  }
} finally {
  await target.dispose();
}

async function measure(database: Awaited<ReturnType<typeof openDatabase>>) {
  const config = benchConfig();
  const deps = await bootstrap(database, config, 'bench', { jobs: false });
  const oneQuery = await buildApp(deps, { logger: false, webRoot: null });
  const throughBetterAuth = await buildApp(
    { ...deps, sessions: createSessionResolver(deps.db, deps.auth, config, { lookup: 'better-auth' }) },
    { logger: false, webRoot: null },
  );
  const signedIn = await oneQuery.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: benchOrigin },
    payload: benchAdmin,
  });
  if (signedIn.statusCode !== 200) throw new Error(`sign-in answered ${signedIn.statusCode}`);
  const cookie = signedIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const ctx = await benchContext(database.db);
  const { rows } = await database.db.execute<{ id: string; given_name: string; family_name: string; date_of_birth: string | null }>(
    sql`select id, given_name, family_name, date_of_birth::text from clients order by id limit 1000`,
  );

  type Path = { name: string; request: (i: number) => InjectOptions; direct: (i: number) => Promise<unknown> };
  const row = (i: number) => rows[(i * 7919) % rows.length] as (typeof rows)[number];
  const duplicate = (i: number) => {
    const r = row(i);
    return { givenName: r.given_name, familyName: `${r.family_name.slice(0, -1)}a`, dateOfBirth: r.date_of_birth };
  };
  const paths: Path[] = [
    {
      name: 'GET /api/clients/:id',
      request: (i) => ({ method: 'GET', url: `/api/clients/${row(i).id}`, headers: { cookie } }),
      // The queries of getClient: the record, its history, consents, active projects, the audit entry.
      direct: async (i) => {
        const id = row(i).id;
        await selectClient(ctx.db, id);
        await Promise.all([selectResidenceHistory(ctx.db, id), selectConsents(ctx.db, id), selectActiveProjects(ctx.db)]);
        await insertAuditEvent(ctx.db, { actorId: ctx.actor.id, action: 'client.read', entityType: 'client', entityId: id, clientId: id });
      },
    },
    {
      name: 'POST /api/clients/duplicate-check',
      request: (i) => ({
        method: 'POST',
        url: '/api/clients/duplicate-check',
        headers: { cookie, origin: benchOrigin, 'content-type': 'application/json' },
        payload: duplicate(i),
      }),
      direct: (i) => findDuplicateCandidates(ctx.db, duplicateCheckInput.parse(duplicate(i))),
    },
  ];

  const table: string[][] = [];
  for (const path of paths) {
    const times = { direct: [] as number[], oneQuery: [] as number[], betterAuth: [] as number[] };
    const run = {
      direct: (i: number) => path.direct(i),
      oneQuery: async (i: number) => check(await oneQuery.inject(path.request(i))),
      betterAuth: async (i: number) => check(await throughBetterAuth.inject(path.request(i))),
    };
    const order = ['direct', 'oneQuery', 'betterAuth'] as const;
    for (let i = -20; i < samples; i++) {
      for (let k = 0; k < order.length; k++) {
        const which = order[(i + k + 30) % order.length] as (typeof order)[number];
        const t0 = performance.now();
        await run[which](i + 20);
        if (i >= 0) times[which].push(performance.now() - t0);
      }
    }
    const direct = summarise(times.direct);
    for (const [label, series] of [
      ['same SQL, direct', times.direct],
      ['HTTP, session via better-auth (before)', times.betterAuth],
      ['HTTP, session in one query (now)', times.oneQuery],
    ] as const) {
      const s = summarise(series);
      table.push([path.name, label, formatMs(s.p50), formatMs(s.p95), `${(s.p50 / direct.p50).toFixed(2)}×`, formatMs(s.p50 - direct.p50)]);
    }
  }
  await oneQuery.close();
  await throughBetterAuth.close();
  print();
  print(formatTable(['path', 'how', 'p50', 'p95', 'p50 / SQL', 'p50 − SQL'], table));
  print(`${samples} samples each after 20 warm-up, the three alternated; times in ms`);
}

function check(response: { statusCode: number; body: string }): void {
  if (response.statusCode !== 200) throw new Error(`answered ${response.statusCode}: ${response.body.slice(0, 200)}`);
}
