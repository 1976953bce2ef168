/**
 * `npm run bench`: seeds a realistic data set into a fresh database, starts the real HTTP server on
 * a loopback port and measures the hot paths of the client register through HTTP, each beside the
 * same SQL run directly on the database handle in the same run (this machine is noisy: ratios
 * against that baseline mean more than absolute figures).
 *
 *   npm run bench -- [--clients 10000] [--samples 200] [--postgres postgres://…] [--explain]
 *
 * PGlite is always measured; PostgreSQL too when --postgres or BENCH_DATABASE_URL names a server, in
 * a database of its own that is dropped at the end.
 */
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/open-database.js';
import { buildApp } from '../src/server/app.js';
import { bootstrap } from '../src/server/bootstrap.js';
import { insertAuditEvent } from '../src/server/features/audit/audit.repo.js';
import { selectClient, selectClientPage, selectConsents, selectResidenceHistory } from '../src/server/features/clients/clients.repo.js';
import { selectActiveProjects } from '../src/server/features/projects/projects.repo.js';
import type { Ctx } from '../src/server/http/context.js';
import { listClientsQuery } from '../src/shared/index.js';
import { type BenchLocation, type BenchTarget, createPgliteTarget, createPostgresTarget } from './bench-database.js';
import { type BenchDataSet, benchAdmin, benchConfig, benchContext, benchOrigin, databaseSize, rowsOf } from './bench-data.js';
import { explainClientPage } from './explain.js';
import { formatMib, formatMs, formatTable, type Summary, summarise } from './stats.js';

const print = (line = '') => process.stdout.write(`${line}\n`);

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '10000' },
    samples: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    seed: { type: 'string', default: '7' },
    postgres: { type: 'string' },
    explain: { type: 'boolean', default: false },
  },
});
const clientCount = wholeNumber('clients', args.clients, 1, 200_000);
const samples = wholeNumber('samples', args.samples, 1, 5_000);
const warmup = wholeNumber('warmup', args.warmup, 0, 1_000);
const postgresUrl = args.postgres ?? process.env.BENCH_DATABASE_URL;

function wholeNumber(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

const execFileAsync = promisify(execFile);
const loaderPath = fileURLToPath(new URL('./load-data.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Every request gives up after this long, so a stuck server cannot hold the run. */
const requestTimeoutMs = 10_000;

/** One measured use: the HTTP request of sample i, and the same database work done directly. */
type Scenario = { name: string; sample: (i: number) => { path: string; direct: () => Promise<unknown> } };

type Result = { name: string; http: Summary; direct: Summary };

async function benchmark(target: BenchTarget) {
  try {
    const dataSet = await loadDataSet(target.location);
    const database = await openDatabase(target.location);
    const { db } = database;
    try {
      const deps = await bootstrap(database, benchConfig(), 'bench', { jobs: false });
      const ctx = await benchContext(db);
      const [version] = rowsOf<{ version: string }>(await db.execute(sql`select current_setting('server_version') as version`));
      const app = await buildApp(deps, { logger: false });
      await app.listen({ host: '127.0.0.1', port: 0 });
      try {
        const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
        const cookie = await signIn(base);
        const ids = rowsOf<{ id: string }>(await db.execute(sql`select id from clients where not archived order by id limit 2000`)).map(
          (r) => r.id,
        );
        const scenarios = scenariosFor(ctx, ids);
        if (args.explain) for (const s of scenarios.slice(0, 3)) print(await explainClientPage(database, s.name, s.sample(0).path));
        const rssBefore = process.memoryUsage().rss;

        const results: Result[] = [];
        for (const scenario of scenarios) results.push(await measure(base, cookie, scenario));
        const rssAfter = process.memoryUsage().rss;

        print();
        print(`== ${target.label}, PostgreSQL ${version?.version ?? '?'}`);
        print(
          `data set: ${dataSet.clients} clients, ${dataSet.residenceRecords} residence records, ${dataSet.consents} consents, ` +
            `${dataSet.eligibility} eligibility rows; ${await databaseSize(db)} on disk; loaded in ${dataSet.seconds.toFixed(1)} s`,
        );
        print(`samples: ${samples} per scenario after ${warmup} warm-up, one at a time; times in ms`);
        print();
        print(
          formatTable(
            ['scenario', 'n', 'HTTP p50', 'p95', 'p99', 'SQL p50', 'p95', 'p99', 'HTTP/SQL p50', 'p95'],
            results.map(({ name, http, direct }) => [
              name,
              String(http.n),
              formatMs(http.p50),
              formatMs(http.p95),
              formatMs(http.p99),
              formatMs(direct.p50),
              formatMs(direct.p95),
              formatMs(direct.p99),
              `${(http.p50 / direct.p50).toFixed(1)}x`,
              `${(http.p95 / direct.p95).toFixed(1)}x`,
            ]),
          ),
        );
        print();
        print(
          `memory of this process (server and load generator): RSS ${formatMib(rssBefore)} before the measurements, ` +
            `${formatMib(rssAfter)} after, peak ${formatMib(process.resourceUsage().maxRSS * 1024)}`,
        );
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  } finally {
    await target.dispose();
  }
}

/** Loads the data set in a child process (see load-data.ts) and returns what it loaded. */
async function loadDataSet(location: BenchLocation): Promise<BenchDataSet> {
  const where: string[] = location.databaseUrl ? ['--database-url', location.databaseUrl] : ['--data-dir', String(location.dataDir)];
  const { stdout } = await execFileAsync(
    process.execPath,
    ['--import', 'tsx', loaderPath, ...where, '--clients', String(clientCount), '--seed', String(args.seed)],
    { cwd: repoRoot, maxBuffer: 1_048_576, timeout: 30 * 60_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as BenchDataSet;
}

/** The four hot paths of the client register, with realistic variety in what is asked. */
function scenariosFor(ctx: Ctx, ids: string[]): Scenario[] {
  const page = (params: Record<string, string>) => ({
    path: `/api/clients?${new URLSearchParams(params)}`,
    direct: () => selectClientPage(ctx.db, listClientsQuery.parse(params)),
  });
  const filters = [
    { citizenship: 'UA', residenceCategory: 'temporary_protection' },
    { citizenship: 'VN', residenceCategory: 'permanent_residence' },
    { citizenship: 'MN', residenceCategory: 'long_term_residence' },
    { citizenship: 'SY', residenceCategory: 'asylum' },
    { citizenship: 'RU', residenceCategory: 'permanent_residence' },
  ];
  // What staff type: beginnings of names, with and without accents, in Latin and Cyrillic.
  const searches = [
    'shevch',
    'Шевч',
    'nguyen thi',
    'Nguyễn Thị',
    'kovalenko ol',
    'iuliia',
    'Щеглов',
    'horvath',
    'Horváthová',
    'tomor',
    'Төмөр',
    'al-kh',
    'natal',
    'kuzn',
    'Олександр Ш',
    'tran van',
  ];
  return [
    { name: 'list, 50 by family name', sample: (i) => page({ limit: '50', offset: String((i % 10) * 50), sort: 'familyName' }) },
    { name: 'list, citizenship + residence', sample: (i) => page({ limit: '50', sort: 'familyName', ...filters[i % filters.length] }) },
    { name: 'name search q=', sample: (i) => page({ limit: '50', q: searches[i % searches.length] as string }) },
    {
      name: 'one client (read audited)',
      sample: (i) => {
        const id = ids[(i * 7919) % ids.length] as string;
        return {
          path: `/api/clients/${id}`,
          // The queries of getClient: the record, its history, consents, active projects, the audit entry.
          direct: async () => {
            await selectClient(ctx.db, id);
            await Promise.all([selectResidenceHistory(ctx.db, id), selectConsents(ctx.db, id), selectActiveProjects(ctx.db)]);
            await insertAuditEvent(ctx.db, {
              actorId: ctx.actor.id,
              action: 'client.read',
              entityType: 'client',
              entityId: id,
              clientId: id,
            });
          },
        };
      },
    },
  ];
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: benchOrigin },
    body: JSON.stringify(benchAdmin),
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Alternates the HTTP request and the direct SQL of each sample, so drift in machine load hits both alike. */
async function measure(base: string, cookie: string, scenario: Scenario): Promise<Result> {
  const http: number[] = [];
  const direct: number[] = [];
  for (let i = 0; i < warmup + samples; i++) {
    const { path, direct: run } = scenario.sample(i);
    const t0 = performance.now();
    const response = await fetch(`${base}${path}`, { headers: { cookie }, signal: AbortSignal.timeout(requestTimeoutMs) });
    await response.arrayBuffer();
    const t1 = performance.now();
    if (response.status !== 200) throw new Error(`${scenario.name}: ${path.split('?')[0]} answered ${response.status}`);
    await run();
    const t2 = performance.now();
    if (i < warmup) continue;
    http.push(t1 - t0);
    direct.push(t2 - t1);
  }
  return { name: scenario.name, http: summarise(http), direct: summarise(direct) };
}

const started = performance.now();
await benchmark(createPgliteTarget());
if (postgresUrl) await benchmark(await createPostgresTarget(postgresUrl));
print();
print(`bench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
