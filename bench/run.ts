/**
 * `npm run bench`: seeds a realistic data set into a fresh database, starts the real HTTP server on
 * a loopback port and measures the hot paths of the client register through HTTP, each beside a
 * baseline run directly on the database handle in the same run (this machine is noisy: ratios against
 * that baseline mean more than absolute figures):
 *
 * - the client list, filters and one client, beside the same SQL;
 * - the search (`GET /api/clients?q=…&limit=20`) with a mix of what staff type, and the duplicate check
 *   (`POST /api/clients/duplicate-check`) with people nearly identical to a client, beside plain pg_trgm
 *   similarity on the raw names (baseline.ts); and the recall@10 of both on spelling variants of known
 *   clients (search-workload.ts);
 * - counselling (counselling-scenarios.ts): the timeline of a client with about 500 entries and a
 *   counsellor's week calendar, with --services consultations in the ledger and three years of
 *   appointments (counselling-data.ts), beside the same SQL.
 *
 *   npm run bench -- [--clients 100000] [--services 1000000] [--samples 100] [--budget 25] [--warmup 10]
 *                    [--variants 100] [--seed 7] [--postgres postgres://…] [--explain]
 *
 * --samples caps each latency series, --budget (seconds) stops a slow one early once it has 30 samples;
 * --variants is the number of spelling variants per kind in the recall set (nine kinds), beside 30 %
 * as many client numbers, phones and birth dates. A 100,000-client run on PGlite and PostgreSQL takes
 * about seven minutes on two cores, most of it loading the data and the slow paths.
 *
 * The clients are loaded without name keys, which the server's start-up computes (as after an
 * upgrade, followed by VACUUM ANALYZE); its time is reported. PGlite is always measured;
 * PostgreSQL too when --postgres or BENCH_DATABASE_URL names a server, in a database of its own that is
 * dropped at the end. The output ends with a PASS/FAIL line per target of the issue.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { type Db, openDatabase } from '../src/db/open-database.js';
import { buildApp } from '../src/server/app.js';
import { bootstrap } from '../src/server/bootstrap.js';
import { insertAuditEvent } from '../src/server/features/audit/audit.repo.js';
import { selectClient, selectClientPage, selectConsents, selectResidenceHistory } from '../src/server/features/clients/clients.repo.js';
import { nameKeysVersion } from '../src/server/features/clients/name-keys.service.js';
import { selectActiveProjects } from '../src/server/features/projects/projects.repo.js';
import type { Ctx } from '../src/server/http/context.js';
import { type ClientListItem, type DuplicateCandidate, listClientsQuery } from '../src/shared/index.js';
import { baselineIndexName, baselineSearch, baselineStatement, createBaselineIndex } from './baseline.js';
import { type BenchLocation, type BenchTarget, createPgliteTarget, createPostgresTarget } from './bench-database.js';
import { type BenchDataSet, benchAdmin, benchConfig, benchContext, benchOrigin, databaseSize, rowsOf } from './bench-data.js';
import { explainClientPage } from './explain.js';
import {
  type DuplicateCase,
  kindLabels,
  nameVariantKinds,
  otherKinds,
  type SearchCase,
  type SearchKind,
  type SearchWorkload,
  shortTypoEdits,
  typoEdits,
} from './search-workload.js';
import type { CounsellingDataSet } from './counselling-data.js';
import { calendarScenario, counsellingScenarios, timelineScenario } from './counselling-scenarios.js';
import { formatMib, formatMs, formatTable, type Scenario, type Summary, summarise } from './stats.js';

const print = (line = '') => process.stdout.write(`${line}\n`);

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '100000' },
    samples: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '10' },
    budget: { type: 'string', default: '25' },
    variants: { type: 'string', default: '100' },
    misses: { type: 'string', default: '10' },
    seed: { type: 'string', default: '7' },
    postgres: { type: 'string' },
    explain: { type: 'boolean', default: false },
    services: { type: 'string', default: '1000000' },
  },
});
const clientCount = wholeNumber('clients', args.clients, 1, 200_000);
const serviceCount = wholeNumber('services', args.services, 1, 5_000_000);
const samples = wholeNumber('samples', args.samples, 1, 5_000);
const warmup = wholeNumber('warmup', args.warmup, 0, 1_000);
/** Seconds a latency series may take: a slow path stops early, with at least minSamples samples. */
const budgetMs = wholeNumber('budget', args.budget, 1, 3_600) * 1000;
const minSamples = 30;
/** True once a series has enough samples, or has used its time with enough for a p95. */
const seriesNote =
  `up to ${samples} samples per series after ${warmup} warm-up (a series stops after ${budgetMs / 1000} s once it has ` +
  `${minSamples}); one request at a time; times in ms`;
const seriesDone = (count: number, startedAt: number) =>
  count >= samples || (count >= minSamples && performance.now() - startedAt > budgetMs);
const variantsPerKind = wholeNumber('variants', args.variants, 1, 2_000);
/** How many of the search's misses are listed. */
const missesShown = wholeNumber('misses', args.misses, 0, 10_000);
/** Client numbers, phones and birth dates in the search mix, each. */
const othersPerKind = Math.max(1, Math.round(variantsPerKind * 0.3));
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

/** The issue's targets: p95 of the search and the duplicate check through HTTP, and recall@10. */
const targetP95Ms = { pglite: 100, postgres: 50 } as const;
const targetRecall = 0.99;
/** …and on every kind of spelling variant on its own. */
const targetRecallPerKind = 0.95;

/** A row of the latency table: HTTP beside what it is compared with (the same SQL, or the pg_trgm baseline). */
type Row = { name: string; http: Summary; versus: string; other: Summary };

type SearchOutcome = { case: SearchCase; ms: number; items: ClientListItem[]; total: number; baselineMs?: number; baselineIds?: string[] };
type DuplicateOutcome = { case: DuplicateCase; ms: number; candidates: DuplicateCandidate[]; baselineMs: number; baselineIds: string[] };

type Verdict = { what: string; value: string; target: string; pass: boolean };
const verdicts: Verdict[] = [];
const notes: string[] = [];
type SummaryLine = { database: string; cells: string[] };
const summaryLines: SummaryLine[] = [];

async function benchmark(target: BenchTarget, kind: 'pglite' | 'postgres') {
  const benchmarkStarted = performance.now();
  const workloadFile = path.join(os.tmpdir(), `integra-bench-workload-${process.pid}-${kind}.json`);
  try {
    const dataSet = await loadDataSet(target.location, workloadFile);
    const workload = JSON.parse(readFileSync(workloadFile, 'utf8')) as SearchWorkload;
    rmSync(workloadFile, { force: true });
    const database = await openDatabase(target.location);
    const { db } = database;
    try {
      // The rows were loaded without name keys: the start-up computes them, as after an upgrade.
      const [stale] = rowsOf<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from clients where name_keys_version <> ${nameKeysVersion}`),
      );
      const startupStarted = performance.now();
      const deps = await bootstrap(database, benchConfig(), 'bench', { jobs: false });
      const startupSeconds = (performance.now() - startupStarted) / 1000;
      const indexSeconds = await createBaselineIndex(db);
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
        const dupCases = workload.duplicates.slice(0, samples);
        const dupWarmup = workload.duplicates.slice(samples, samples + warmup);

        print();
        print(`== ${target.label}, PostgreSQL ${version?.version ?? '?'}`);
        print(
          `data set: ${dataSet.clients} clients (${dataSet.olderSchemes} with a passport spelling in an older scheme, ` +
            `${dataSet.withoutNativeNames} with Cyrillic names not recorded), ${dataSet.residenceRecords} residence records, ` +
            `${dataSet.consents} consents, ${dataSet.eligibility} eligibility rows; ${await databaseSize(db)} on disk; ` +
            `loaded in ${dataSet.seconds.toFixed(1)} s`,
        );
        print(
          `start-up: ${startupSeconds.toFixed(1)} s: the backfill of the name keys of ${stale?.n ?? '?'} clients loaded without them, ` +
            'then VACUUM ANALYZE (what an upgrade that changes the key rules costs before the server answers)',
        );
        print(`baseline: ${baselineStatement}`);
        print(
          `  with a trigram GIN index on that expression (${baselineIndexName}), created for the benchmark in this database only ` +
            `in ${indexSeconds.toFixed(1)} s; run directly on the database handle, alternating with each HTTP request`,
        );
        if (args.explain) for (const s of scenarios.slice(0, 2)) print(await explainClientPage(database, s.name, s.sample(0).path));
        const rssBefore = process.memoryUsage().rss;

        const rows: Row[] = [];
        for (const scenario of scenarios) rows.push(await measure(base, cookie, scenario));
        const counselling = dataSet.counselling;
        if (counselling) {
          print(
            `counselling: ${counselling.services} services in the ledger, ${counselling.appointments} appointments of ` +
              `${counselling.counsellors} counsellors; the measured client has ${counselling.busyClientEntries} timeline entries; ` +
              `loaded in ${counselling.seconds.toFixed(1)} s`,
          );
          const cursors = await timelineCursors(base, cookie, counselling.busyClientId);
          const measured: Row[] = [];
          for (const scenario of counsellingScenarios(db, counselling, cursors)) measured.push(await measure(base, cookie, scenario));
          rows.push(...measured);
          for (const row of measured.filter((r) => r.name === timelineScenario || r.name === calendarScenario)) {
            verdicts.push({
              what: `${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}: ${row.name}, p95 through HTTP`,
              value: `${formatMs(row.http.p95)} ms (same SQL ${formatMs(row.other.p95)} ms)`,
              target: `≤ ${targetP95Ms[kind]} ms`,
              pass: row.http.p95 <= targetP95Ms[kind],
            });
          }
        }
        const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
        const search = await runSearches(base, cookie, db, workload.search, workload.search.slice(0, warmup), false);
        const duplicates = await runDuplicateChecks(base, cookie, db, dupCases, dupWarmup);
        print();
        print(`-- ${seriesNote}; the search over the whole workload (${search.length} queries, for the recall)`);
        printLatency([...rows, ...searchRows(search, duplicates)]);
        verdictsOf(label, kind, search, duplicates);
        summaryLines.push({ database: label, cells: summaryCells(search, duplicates, recallOf(search), startupSeconds) });
        const recall = recallOf(search);
        print();
        printRecall(search);
        printDuplicateRecall(duplicates);
        printMisses(search, duplicates);
        verdicts.push({
          what: `${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}: recall@10 of the search on ${recall.n} spelling variants`,
          value: `${recall.integra.toFixed(3)} (baseline ${recall.baseline.toFixed(3)})`,
          target: `≥ ${targetRecall}`,
          pass: recall.integra >= targetRecall,
        });
        for (const variant of nameVariantKinds) {
          const counts = countRecall(search.filter((o) => o.case.kind === variant));
          if (counts.n === 0) continue;
          verdicts.push({
            what: `${label}: recall@10 on ${counts.n} of "${kindLabels[variant]}"`,
            value: `${(counts.integra / counts.n).toFixed(3)} (baseline ${(counts.baseline / counts.n).toFixed(3)})`,
            target: `≥ ${targetRecallPerKind}`,
            pass: counts.integra / counts.n >= targetRecallPerKind,
          });
        }
        print();
        print(
          `memory of this process (server and load generator): RSS ${formatMib(rssBefore)} before the measurements, ` +
            `${formatMib(process.memoryUsage().rss)} after; peak of the process so far ${formatMib(process.resourceUsage().maxRSS * 1024)} ` +
            '(the start-up backfill included)',
        );
        print(`${target.label} took ${((performance.now() - benchmarkStarted) / 1000).toFixed(0)} s, loading included`);
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  } finally {
    rmSync(workloadFile, { force: true });
    await target.dispose();
  }
}

/** The cursors of every page of a client's timeline after the first, read once through HTTP. */
async function timelineCursors(base: string, cookie: string, clientId: string): Promise<string[]> {
  const cursors: string[] = [];
  let cursor: string | null = null;
  do {
    const query: URLSearchParams = new URLSearchParams({ limit: '30', ...(cursor ? { cursor } : {}) });
    const response: Response = await fetch(`${base}/api/clients/${clientId}/timeline?${query}`, {
      headers: { cookie },
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
    if (response.status !== 200) throw new Error(`timeline answered ${response.status}`);
    cursor = ((await response.json()) as { nextCursor: string | null }).nextCursor;
    if (cursor) cursors.push(cursor);
  } while (cursor);
  return cursors;
}

/** Loads the data set in a child process (see load-data.ts) and returns what it loaded; the workload goes to a file. */
async function loadDataSet(
  location: BenchLocation,
  workloadFile: string,
): Promise<BenchDataSet & { counselling: CounsellingDataSet | null }> {
  const where: string[] = location.databaseUrl ? ['--database-url', location.databaseUrl] : ['--data-dir', String(location.dataDir)];
  const { stdout } = await execFileAsync(
    process.execPath,
    [
      '--import',
      'tsx',
      loaderPath,
      ...where,
      ...['--clients', String(clientCount), '--seed', String(args.seed), '--workload', workloadFile],
      ...['--variants', String(variantsPerKind), '--others', String(othersPerKind), '--duplicates', String(samples + warmup)],
      ...['--services', String(serviceCount)],
    ],
    { cwd: repoRoot, maxBuffer: 1_048_576, timeout: 30 * 60_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as BenchDataSet & { counselling: CounsellingDataSet | null };
}

/** The hot paths of the client register besides the search, with realistic variety in what is asked. */
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
  return [
    { name: 'list, 50 by family name', sample: (i) => page({ limit: '50', offset: String((i % 10) * 50), sort: 'familyName' }) },
    { name: 'list, citizenship + residence', sample: (i) => page({ limit: '50', sort: 'familyName', ...filters[i % filters.length] }) },
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
async function measure(base: string, cookie: string, scenario: Scenario): Promise<Row> {
  const http: number[] = [];
  const direct: number[] = [];
  let startedAt = performance.now();
  for (let i = 0; i < warmup + samples && !seriesDone(http.length, startedAt); i++) {
    const { path, direct: run } = scenario.sample(i);
    const t0 = performance.now();
    const response = await fetch(`${base}${path}`, { headers: { cookie }, signal: AbortSignal.timeout(requestTimeoutMs) });
    await response.arrayBuffer();
    const t1 = performance.now();
    if (response.status !== 200) throw new Error(`${scenario.name}: ${path.split('?')[0]} answered ${response.status}`);
    await run();
    const t2 = performance.now();
    if (i < warmup) {
      startedAt = performance.now();
      continue;
    }
    http.push(t1 - t0);
    direct.push(t2 - t1);
  }
  return { name: scenario.name, http: summarise(http), versus: 'same SQL', other: summarise(direct) };
}

/**
 * Each search through HTTP (a page of 20, as the client list asks), then the baseline for its name
 * words; all of them for the recall, or as a latency series (which the time budget may stop early).
 */
async function runSearches(base: string, cookie: string, db: Db, cases: SearchCase[], warmupCases: SearchCase[], series: boolean) {
  const outcomes: SearchOutcome[] = [];
  let startedAt = performance.now();
  for (const [i, c] of [...warmupCases, ...cases].entries()) {
    if (series && seriesDone(outcomes.length, startedAt)) break;
    if (i === warmupCases.length) startedAt = performance.now();
    const path = `/api/clients?${new URLSearchParams({ q: c.q, limit: '20' })}`;
    const t0 = performance.now();
    const response = await fetch(`${base}${path}`, { headers: { cookie }, signal: AbortSignal.timeout(requestTimeoutMs) });
    const body = (await response.json()) as { items: ClientListItem[]; total: number };
    const t1 = performance.now();
    if (response.status !== 200) throw new Error(`search ${JSON.stringify(c.q)} answered ${response.status}`);
    const outcome: SearchOutcome = { case: c, ms: t1 - t0, items: body.items, total: body.total };
    if (c.baselineQ !== null) {
      outcome.baselineIds = await baselineSearch(db, c.baselineQ);
      outcome.baselineMs = performance.now() - t1;
    }
    if (i >= warmupCases.length) outcomes.push(outcome);
  }
  return outcomes;
}

/** Each duplicate check through HTTP, then the baseline for the four names run together. */
async function runDuplicateChecks(base: string, cookie: string, db: Db, cases: DuplicateCase[], warmupCases: DuplicateCase[]) {
  const outcomes: DuplicateOutcome[] = [];
  let startedAt = performance.now();
  for (const [i, c] of [...warmupCases, ...cases].entries()) {
    if (seriesDone(outcomes.length, startedAt)) break;
    if (i === warmupCases.length) startedAt = performance.now();
    const t0 = performance.now();
    const response = await fetch(`${base}/api/clients/duplicate-check`, {
      method: 'POST',
      headers: { cookie, origin: benchOrigin, 'content-type': 'application/json' },
      body: JSON.stringify(c.input),
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
    const body = (await response.json()) as { candidates: DuplicateCandidate[] };
    const t1 = performance.now();
    if (response.status !== 200) throw new Error(`duplicate check answered ${response.status}: ${JSON.stringify(body)}`);
    const baselineIds = await baselineSearch(db, c.baselineQ);
    const baselineMs = performance.now() - t1;
    if (i >= warmupCases.length) outcomes.push({ case: c, ms: t1 - t0, candidates: body.candidates, baselineMs, baselineIds });
  }
  return outcomes;
}

const numbers = (values: (number | undefined)[]) => values.filter((v): v is number => v !== undefined);

function searchRows(search: SearchOutcome[], duplicates: DuplicateOutcome[]): Row[] {
  const named = search.filter((o) => o.baselineMs !== undefined);
  return [
    {
      name: `search q=, the mix (${search.length})`,
      http: summarise(search.map((o) => o.ms)),
      versus: 'pg_trgm',
      other: summarise(numbers(named.map((o) => o.baselineMs))),
    },
    {
      name: '  of it name queries',
      http: summarise(named.map((o) => o.ms)),
      versus: 'pg_trgm',
      other: summarise(numbers(named.map((o) => o.baselineMs))),
    },
    {
      name: 'duplicate check',
      http: summarise(duplicates.map((o) => o.ms)),
      versus: 'pg_trgm',
      other: summarise(duplicates.map((o) => o.baselineMs)),
    },
  ];
}

function printLatency(rows: Row[]) {
  print(
    formatTable(
      ['scenario', 'n', 'HTTP p50', 'p95', 'p99', 'beside', 'p50', 'p95', 'p99', 'HTTP/beside p50', 'p95'],
      rows.map(({ name, http, versus, other }) => [
        name,
        String(http.n),
        formatMs(http.p50),
        formatMs(http.p95),
        formatMs(http.p99),
        versus,
        formatMs(other.p50),
        formatMs(other.p95),
        formatMs(other.p99),
        `${(http.p50 / other.p50).toFixed(1)}x`,
        `${(http.p95 / other.p95).toFixed(1)}x`,
      ]),
    ),
  );
}

/**
 * Found: the intended client is among the first ten, or the first ten are all people the query
 * cannot tell from it (see SearchCase.equivalentIds). Strict: the intended record itself.
 */
function isFound(ids: string[], c: SearchCase): { found: boolean; strict: boolean } {
  const first = ids.slice(0, 10);
  const strict = first.includes(c.targetId);
  const equivalent = new Set(c.equivalentIds);
  return { strict, found: strict || (first.length === 10 && first.every((id) => equivalent.has(id))) };
}

type RecallCounts = { n: number; integra: number; integraStrict: number; baseline: number; baselineStrict: number };

function countRecall(outcomes: SearchOutcome[]): RecallCounts {
  const counts = { n: outcomes.length, integra: 0, integraStrict: 0, baseline: 0, baselineStrict: 0 };
  for (const o of outcomes) {
    const integra = isFound(
      o.items.map((item) => item.id),
      o.case,
    );
    const baseline = isFound(o.baselineIds ?? [], o.case);
    counts.integra += Number(integra.found);
    counts.integraStrict += Number(integra.strict);
    counts.baseline += Number(baseline.found);
    counts.baselineStrict += Number(baseline.strict);
  }
  return counts;
}

const isNameVariant = (kind: SearchKind) => (nameVariantKinds as readonly string[]).includes(kind);

function recallOf(search: SearchOutcome[]) {
  const counts = countRecall(search.filter((o) => isNameVariant(o.case.kind)));
  const share = (k: number) => (counts.n === 0 ? Number.NaN : k / counts.n);
  return { n: counts.n, integra: share(counts.integra), baseline: share(counts.baseline) };
}

function printRecall(search: SearchOutcome[]) {
  const share = (k: number, n: number) => (n === 0 ? '-' : (k / n).toFixed(3));
  const line = (label: string, outcomes: SearchOutcome[], withBaseline: boolean) => {
    const r = countRecall(outcomes);
    const http = summarise(outcomes.map((o) => o.ms));
    const baseline = summarise(numbers(outcomes.map((o) => o.baselineMs)));
    return [
      label,
      String(r.n),
      share(r.integra, r.n),
      share(r.integraStrict, r.n),
      withBaseline ? share(r.baseline, r.n) : '-',
      withBaseline ? share(r.baselineStrict, r.n) : '-',
      formatMs(http.p50),
      formatMs(http.p95),
      withBaseline ? formatMs(baseline.p50) : '-',
      withBaseline ? formatMs(baseline.p95) : '-',
    ];
  };
  const names = search.filter((o) => isNameVariant(o.case.kind));
  print('recall@10 of the search on spelling variants of known clients (half of them typed with the birth year), and time by kind');
  print(
    formatTable(
      ['what was typed', 'n', 'recall@10', 'strict', 'baseline', 'strict', 'HTTP p50', 'p95', 'pg_trgm p50', 'p95'],
      [
        ...nameVariantKinds.map((kind) =>
          line(
            kindLabels[kind],
            names.filter((o) => o.case.kind === kind),
            true,
          ),
        ),
        line('all spelling variants', names, true),
        line(
          '  typed with the birth year',
          names.filter((o) => o.case.withYear),
          true,
        ),
        line(
          '  name alone',
          names.filter((o) => !o.case.withYear),
          true,
        ),
        ...otherKinds.map((kind) =>
          line(
            `${kindLabels[kind]} (not in recall)`,
            search.filter((o) => o.case.kind === kind),
            false,
          ),
        ),
      ],
    ),
  );
  const byEdit = (typos: SearchOutcome[], edits: readonly string[]) =>
    edits
      .map((edit) => {
        const r = countRecall(typos.filter((o) => o.case.edit === edit));
        return `${edit} ${r.integra}/${r.n} (baseline ${r.baseline}/${r.n})`;
      })
      .join(', ');
  print(
    `typos by edit: ${byEdit(
      names.filter((o) => o.case.kind === 'typo'),
      typoEdits,
    )}`,
  );
  print(
    `typos in short given names by edit: ${byEdit(
      names.filter((o) => o.case.kind.startsWith('short_typo')),
      shortTypoEdits,
    )}`,
  );
  const crowded = names.filter((o) => o.case.equivalentIds.length >= 10).length;
  print(
    'recall@10: the intended client among the first ten results; or, for the ' +
      `${crowded} variants that ten or more people fit exactly as well (same name in any transliteration, and the same birth year ` +
      'when typed), ten of those people. strict: the intended record itself among the first ten. The baseline is given the name ' +
      'words without the year (it searches names only).',
  );
}

function printDuplicateRecall(duplicates: DuplicateOutcome[]) {
  const n = duplicates.length;
  const found = duplicates.filter((o) => o.candidates.some((c) => c.id === o.case.targetId)).length;
  const likely = duplicates.filter((o) => o.candidates.some((c) => c.id === o.case.targetId && c.match.level === 'likely')).length;
  const baseline = duplicates.filter((o) => o.baselineIds.includes(o.case.targetId)).length;
  print(
    `duplicate check, ${n} people nearly identical to a client (another scheme or one typo, same birth date and citizenship, ` +
      `native names and phone sometimes): the client among the candidates ${found}/${n} (${(found / n).toFixed(3)}), ` +
      `as likely ${likely}/${n}; baseline top 10 ${baseline}/${n} (${(baseline / n).toFixed(3)})`,
  );
}

function printMisses(search: SearchOutcome[], duplicates: DuplicateOutcome[]) {
  const describe = (item: ClientListItem | DuplicateCandidate) =>
    `${item.givenName} ${item.familyName}${item.givenNameNative ? ` (${item.givenNameNative} ${item.familyNameNative ?? ''})` : ''} ${item.dateOfBirth?.slice(0, 4) ?? ''}`;
  const misses = search.filter(
    (o) =>
      isNameVariant(o.case.kind) &&
      !isFound(
        o.items.map((i) => i.id),
        o.case,
      ).found,
  );
  if (misses.length > 0) {
    print(
      `search misses: ${misses.length} of the spelling variants; ${Math.min(missesShown, misses.length)} of them ` +
        '(results marked = are people of the same name):',
    );
    for (const o of misses.slice(0, missesShown)) {
      const rank = o.items.findIndex((i) => i.id === o.case.targetId);
      const same = new Set(o.case.equivalentIds);
      print(
        `  [${o.case.kind}] "${o.case.q}" for ${o.case.target}: ${rank >= 0 ? `rank ${rank + 1}` : 'not in the first 20'} ` +
          `of ${o.total} found, ${same.size - 1} other people of the same name${o.case.withYear ? ' and year' : ''}`,
      );
      if (o.items.length > 0) {
        const first = o.items.slice(0, 10).map((i) => `${describe(i)}${same.has(i.id) ? ' =' : ''}`);
        print(`      first: ${first.join('; ')}`);
      }
    }
  }
  const otherMisses = search.filter(
    (o) =>
      !isNameVariant(o.case.kind) &&
      !isFound(
        o.items.map((i) => i.id),
        o.case,
      ).found,
  );
  for (const o of otherMisses.slice(0, 5)) print(`  not found [${o.case.kind}] "${o.case.q}" for ${o.case.target} (${o.total} found)`);
  const dupMisses = duplicates.filter((o) => !o.candidates.some((c) => c.id === o.case.targetId));
  if (dupMisses.length > 0) {
    print(`duplicate check misses: ${dupMisses.length}; ${Math.min(missesShown, dupMisses.length)} of them:`);
    for (const o of dupMisses.slice(0, missesShown)) {
      print(`  ${JSON.stringify(o.case.input)} for ${o.case.target}: candidates ${o.candidates.map(describe).join('; ') || '(none)'}`);
    }
  }
}

function verdictsOf(label: string, kind: 'pglite' | 'postgres', search: SearchOutcome[], duplicates: DuplicateOutcome[]) {
  const limit = targetP95Ms[kind];
  const baseline = summarise(numbers(search.map((o) => o.baselineMs)));
  const searchP95 = summarise(search.map((o) => o.ms)).p95;
  const dupP95 = summarise(duplicates.map((o) => o.ms)).p95;
  const dupBaseline = summarise(duplicates.map((o) => o.baselineMs));
  verdicts.push(
    {
      what: `${label}: search p95 through HTTP`,
      value: `${formatMs(searchP95)} ms (baseline ${formatMs(baseline.p95)} ms)`,
      target: `≤ ${limit} ms`,
      pass: searchP95 <= limit,
    },
    {
      what: `${label}: duplicate check p95 through HTTP`,
      value: `${formatMs(dupP95)} ms (baseline ${formatMs(dupBaseline.p95)} ms)`,
      target: `≤ ${limit} ms`,
      pass: dupP95 <= limit,
    },
  );
}

function summaryCells(
  search: SearchOutcome[],
  duplicates: DuplicateOutcome[],
  recall: { integra: number; baseline: number } | null,
  startupSeconds: number | null,
): string[] {
  const pair = (s: Summary) => `${formatMs(s.p50)} / ${formatMs(s.p95)}`;
  return [
    pair(summarise(search.map((o) => o.ms))),
    pair(summarise(numbers(search.map((o) => o.baselineMs)))),
    pair(summarise(duplicates.map((o) => o.ms))),
    pair(summarise(duplicates.map((o) => o.baselineMs))),
    recall ? recall.integra.toFixed(3) : '-',
    recall ? recall.baseline.toFixed(3) : '-',
    startupSeconds === null ? '-' : startupSeconds.toFixed(1),
  ];
}

const started = performance.now();
await benchmark(createPgliteTarget(), 'pglite');
if (postgresUrl) await benchmark(await createPostgresTarget(postgresUrl), 'postgres');
print();
print(`== summary, ${clientCount} clients; times in ms, p50 / p95`);
print(
  formatTable(
    ['database', 'search HTTP', 'pg_trgm', 'duplicate check HTTP', 'pg_trgm', 'recall@10', 'baseline', 'start-up s'],
    summaryLines.map((l) => [l.database, ...l.cells]),
  ),
);
print();
for (const v of verdicts) print(`${v.pass ? 'PASS' : 'FAIL'}  ${v.what}: ${v.value}, target ${v.target}`);
for (const note of notes) print(`info  ${note}`);
print(`peak RSS of this process: ${formatMib(process.resourceUsage().maxRSS * 1024)}`);
print(`bench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
