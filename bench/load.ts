/**
 * `npm run bench:load`: many members of staff at once, through real server processes.
 *
 * PostgreSQL (the default): creates a database of its own (`integra_load`, dropped first if an earlier
 * run left it, and at the end), loads --clients clients and --users counsellors, starts --servers
 * server processes on it and lets each counsellor work for --seconds: search for a client, open one,
 * record a consultation, book an appointment, with a pause of about --think ms between actions (each
 * counsellor keeps to one server, as behind a load balancer with sticky sessions). Prints, per
 * operation, the count, errors and p50/p95, and PASS/FAIL against 0 errors and p95 ≤ 300 ms.
 *
 * --pglite: the embedded database's throughput ceiling instead. One server on PGlite (it is one
 * process's database), the same mix sent at rising rates (--rates, requests per second, --step
 * seconds each) until p95 passes 300 ms; the last rate within it is the ceiling.
 *
 *   npm run bench:load -- [--postgres postgres://postgres@127.0.0.1:5432/integra_load] [--servers 2]
 *                         [--users 50] [--seconds 120] [--think 2000] [--clients 5000]
 *   npm run bench:load -- --pglite [--rates 5,10,20,40,80,160] [--step 20]
 *
 * Everything runs on the loopback interface (a --postgres URL elsewhere is refused), every request
 * gives up after 10 s, and the run stops by itself after its time (plus at most a minute to start).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../src/db/open-database.js';
import { getWorkingHours } from '../src/server/features/appointments/working-hours.service.js';
import { findPublicHoliday } from '../src/server/features/appointments/holidays.service.js';
import { createUser } from '../src/server/features/users/users.service.js';
import { isWithinWorkingHours, toCentreDate } from '../src/shared/index.js';
import { benchContext, benchOrigin } from './bench-data.js';
import { formatMs, formatTable, summarise } from './stats.js';
import { findFreePort } from '../src/server/testing/free-port.js';

const print = (line = '') => process.stdout.write(`${line}\n`);

const { values: args } = parseArgs({
  options: {
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/integra_load' },
    pglite: { type: 'boolean', default: false },
    servers: { type: 'string', default: '2' },
    users: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '120' },
    think: { type: 'string', default: '2000' },
    clients: { type: 'string', default: '5000' },
    rates: { type: 'string', default: '5,10,20,40,80,160' },
    step: { type: 'string', default: '20' },
  },
});

function wholeNumber(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}
const serverCount = wholeNumber('servers', args.servers, 1, 8);
const userCount = wholeNumber('users', args.users, 1, 500);
const seconds = wholeNumber('seconds', args.seconds, 5, 1_800);
const thinkMs = wholeNumber('think', args.think, 0, 60_000);
const clientCount = wholeNumber('clients', args.clients, 100, 200_000);
const stepSeconds = wholeNumber('step', args.step, 5, 300);
const rates = args.rates.split(',').map((r) => wholeNumber('rates', r, 1, 2_000));

const targetP95Ms = 300;
const requestTimeoutMs = 10_000;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const execFileAsync = promisify(execFile);
const staffPassword = `load-${Math.random().toString(36).slice(2)}-Vx9!q`;

type Operation = 'search' | 'open client' | 'record consultation' | 'book appointment';
const operations: Operation[] = ['search', 'open client', 'record consultation', 'book appointment'];
/** How often staff do each, out of 100 actions. */
const weights: Record<Operation, number> = { search: 40, 'open client': 30, 'record consultation': 15, 'book appointment': 15 };

type Sample = { operation: Operation; ms: number; ok: boolean; at: number };
type Staff = { id: string; email: string; cookie: string; server: string; slots: Generator<string> };
type Client = { id: string; familyName: string };

// ---------------------------------------------------------------------------------------------------

const isLoopback = (host: string) => ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host);

/** Loads the clients (bench/load-data.ts, in a process of its own) and adds the counsellors. */
async function prepare(
  location: { databaseUrl: string } | { dataDir: string },
): Promise<{ staffIds: Map<string, string>; clients: Client[] }> {
  const loader = fileURLToPath(new URL('./load-data.ts', import.meta.url));
  const where = 'databaseUrl' in location ? ['--database-url', location.databaseUrl] : ['--data-dir', location.dataDir];
  await execFileAsync(process.execPath, ['--import', 'tsx', loader, ...where, '--clients', String(clientCount)], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  const database = await openDatabase(
    'databaseUrl' in location ? { databaseUrl: location.databaseUrl } : { dataDir: location.dataDir, purpose: 'bench:load' },
  );
  try {
    const ctx = await benchContext(database.db);
    const staffIds = new Map<string, string>();
    for (let i = 0; i < userCount; i++) {
      const email = `counsellor-${i}@load.example.org`;
      const created = await createUser(ctx, {
        name: `Counsellor ${i}`,
        email,
        password: staffPassword,
        roles: ['social_counsellor'],
        branchId: null,
        locale: 'cs',
      });
      staffIds.set(email, created.id);
    }
    const { rows } = await database.db.execute<{ id: string; family_name: string }>(
      sql`select id, family_name from clients where archived_at is null order by random() limit 2000`,
    );
    return { staffIds, clients: rows.map((r) => ({ id: r.id, familyName: r.family_name })) };
  } finally {
    await database.close();
  }
}

type Server = { url: string; child: ChildProcess; stop: () => Promise<void> };

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      INTEGRA_PUBLIC_URL: benchOrigin,
      INTEGRA_SIGN_IN_LIMIT: '10000',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`a server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('a server did not start within 60 s');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function signIn(server: string, email: string): Promise<string> {
  const response = await fetch(`${server}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: benchOrigin },
    body: JSON.stringify({ email, password: staffPassword }),
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** The Prague offset of an instant, as +01:00 or +02:00. */
function pragueOffset(instant: Date): string {
  const name = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Prague', timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  return (name ?? 'GMT+01:00').replace('GMT', '') || '+00:00';
}

/**
 * A counsellor's free half-hours from tomorrow on, within the working hours and not on a public
 * holiday: each counsellor books only its own calendar, so bookings never clash.
 */
function* freeSlots(hours: Awaited<ReturnType<typeof getWorkingHours>>): Generator<string> {
  const start = new Date(Date.now() + 86_400_000);
  for (let day = 0; day < 365; day++) {
    const date = toCentreDate(new Date(start.getTime() + day * 86_400_000));
    if (findPublicHoliday(date)) continue;
    for (let minutes = 8 * 60; minutes < 17 * 60; minutes += 30) {
      const local = `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
      const startsAt = new Date(`${local}${pragueOffset(new Date(`${local}Z`))}`);
      if (isWithinWorkingHours(hours, startsAt, new Date(startsAt.getTime() + 30 * 60_000))) yield startsAt.toISOString();
    }
  }
}

function pick<T>(items: T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

function pickOperation(): Operation {
  let roll = Math.random() * 100;
  for (const operation of operations) {
    roll -= weights[operation];
    if (roll < 0) return operation;
  }
  return 'search';
}

let firstErrors = 0;

/** One action of one member of staff; never throws. */
async function act(staff: Staff, clients: Client[], operation: Operation): Promise<Sample> {
  const client = pick(clients);
  const headers: Record<string, string> = { cookie: staff.cookie };
  let url: string;
  let init: RequestInit = { headers };
  switch (operation) {
    case 'search':
      url = `${staff.server}/api/clients?q=${encodeURIComponent(client.familyName.slice(0, Math.max(3, client.familyName.length - 2)))}&limit=20`;
      break;
    case 'open client':
      url = `${staff.server}/api/clients/${client.id}`;
      break;
    case 'record consultation':
      url = `${staff.server}/api/clients/${client.id}/consultations`;
      init = {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', origin: benchOrigin },
        body: JSON.stringify({
          startedAt: new Date(Date.now() - 3_600_000).toISOString(),
          durationMinutes: 30,
          form: 'in_person',
          kind: 'social',
          topics: ['official_letters'],
          notes: 'Load test consultation.',
        }),
      };
      break;
    case 'book appointment':
      url = `${staff.server}/api/appointments`;
      init = {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', origin: benchOrigin },
        body: JSON.stringify({ staffId: staff.id, clientId: client.id, startsAt: staff.slots.next().value, durationMinutes: 30 }),
      };
      break;
  }
  const started = performance.now();
  let ok = false;
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(requestTimeoutMs) });
    const body = await response.text();
    ok = response.ok;
    if (!ok && firstErrors++ < 5) print(`  error: ${operation} ${response.status} ${body.slice(0, 200)}`);
  } catch (error) {
    if (firstErrors++ < 5) print(`  error: ${operation} ${(error as Error).message}`);
  }
  return { operation, ms: performance.now() - started, ok, at: Date.now() };
}

function report(samples: Sample[], elapsedMs: number): { errors: number; worstP95: number } {
  const rows = operations.map((operation) => {
    const mine = samples.filter((s) => s.operation === operation);
    const summary = summarise(mine.map((s) => s.ms));
    return { operation, count: mine.length, errors: mine.filter((s) => !s.ok).length, summary };
  });
  const all = summarise(samples.map((s) => s.ms));
  print(
    formatTable(
      ['operation', 'requests', 'errors', 'p50', 'p95', 'max'],
      [
        ...rows.map((r) => [
          r.operation,
          String(r.count),
          String(r.errors),
          formatMs(r.summary.p50),
          formatMs(r.summary.p95),
          formatMs(r.summary.max),
        ]),
        [
          'all',
          String(samples.length),
          String(samples.filter((s) => !s.ok).length),
          formatMs(all.p50),
          formatMs(all.p95),
          formatMs(all.max),
        ],
      ],
    ),
  );
  print(`${(samples.length / (elapsedMs / 1000)).toFixed(1)} requests/s over ${(elapsedMs / 1000).toFixed(0)} s; times in ms`);
  return { errors: samples.filter((s) => !s.ok).length, worstP95: Math.max(...rows.filter((r) => r.count > 0).map((r) => r.summary.p95)) };
}

async function signInAll(
  servers: Server[],
  staffIds: Map<string, string>,
  hours: Awaited<ReturnType<typeof getWorkingHours>>,
): Promise<Staff[]> {
  const staff: Staff[] = [];
  let i = 0;
  for (const [email, id] of staffIds) {
    const server = (servers[i++ % servers.length] as Server).url;
    staff.push({ id, email, server, cookie: await signIn(server, email), slots: freeSlots(hours) });
  }
  return staff;
}

async function workingHoursOf(location: { databaseUrl: string } | { dataDir: string }) {
  const database = await openDatabase('databaseUrl' in location ? location : { ...location, purpose: 'bench:load' });
  try {
    return await getWorkingHours(database.db);
  } finally {
    await database.close();
  }
}

// ---------------------------------------------------------------------------------------------------

async function runPostgres(): Promise<boolean> {
  const url = new URL(args.postgres);
  if (!isLoopback(url.hostname)) throw new Error('--postgres must name a server on this machine (127.0.0.1, localhost or ::1)');
  const name = url.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name) || ['postgres', 'test', 'template0', 'template1'].includes(name)) {
    throw new Error('--postgres must name a database of its own (such as integra_load): it is dropped and created');
  }
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const servers: Server[] = [];
  try {
    print(`PostgreSQL ${url.host}/${name}: loading ${clientCount} clients and ${userCount} counsellors …`);
    const location = { databaseUrl: url.toString() };
    const { staffIds, clients } = await prepare(location);
    const hours = await workingHoursOf(location);
    for (let i = 0; i < serverCount; i++) servers.push(await startServer({ DATABASE_URL: url.toString() }));
    const staff = await signInAll(servers, staffIds, hours);
    print(`${userCount} counsellors on ${serverCount} servers for ${seconds} s, about ${thinkMs} ms between actions …`);
    const started = Date.now();
    const deadline = started + seconds * 1000;
    const samples: Sample[] = [];
    await Promise.all(
      staff.map(async (member) => {
        // Staff do not all start in the same millisecond.
        await new Promise((r) => setTimeout(r, Math.random() * thinkMs));
        while (Date.now() < deadline) {
          samples.push(await act(member, clients, pickOperation()));
          await new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())));
        }
      }),
    );
    print();
    const { errors, worstP95 } = report(samples, Date.now() - started);
    print();
    print(`${errors === 0 ? 'PASS' : 'FAIL'}  errors: ${errors} (target 0)`);
    print(`${worstP95 <= targetP95Ms ? 'PASS' : 'FAIL'}  p95 of every operation ≤ ${targetP95Ms} ms (worst ${formatMs(worstP95)} ms)`);
    return errors === 0 && worstP95 <= targetP95Ms;
  } finally {
    for (const server of servers) await server.stop();
    await admin(`drop database if exists ${name} with (force)`);
  }
}

async function runPgliteCeiling(): Promise<boolean> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'integra-load-'));
  let server: Server | undefined;
  try {
    print(`PGlite in ${dataDir}: loading ${clientCount} clients and ${userCount} counsellors …`);
    const { staffIds, clients } = await prepare({ dataDir });
    const hours = await workingHoursOf({ dataDir });
    server = await startServer({ INTEGRA_DATA_DIR: dataDir });
    const staff = await signInAll([server], staffIds, hours);
    print(`the same mix sent at rising rates, ${stepSeconds} s each, from ${userCount} signed-in counsellors:`);
    const rows: string[][] = [];
    let ceiling = 0;
    for (const rate of rates) {
      const samples: Sample[] = [];
      const pending: Promise<void>[] = [];
      const started = Date.now();
      for (let i = 0; i < rate * stepSeconds; i++) {
        const due = started + (i * 1000) / rate;
        const wait = due - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        pending.push(act(pick(staff), clients, pickOperation()).then((s) => void samples.push(s)));
      }
      await Promise.all(pending);
      const elapsed = Date.now() - started;
      const summary = summarise(samples.map((s) => s.ms));
      const errors = samples.filter((s) => !s.ok).length;
      rows.push([
        String(rate),
        (samples.length / (elapsed / 1000)).toFixed(1),
        String(errors),
        formatMs(summary.p50),
        formatMs(summary.p95),
      ]);
      if (summary.p95 > targetP95Ms || errors > 0) break;
      ceiling = rate;
    }
    print(formatTable(['offered req/s', 'served req/s', 'errors', 'p50', 'p95'], rows));
    print();
    const beyond = rates[rates.indexOf(ceiling) + 1];
    print(
      ceiling === 0
        ? `PGlite ceiling: below ${rates[0]} requests/s (p95 over ${targetP95Ms} ms already there)`
        : `PGlite ceiling: ${ceiling} requests/s with p95 ≤ ${targetP95Ms} ms${beyond ? `; at ${beyond} it exceeded it` : ' (the highest rate tried)'}`,
    );
    return true;
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const hardStop = setTimeout(
  () => {
    print('FAIL  the load run did not finish in time; stopping');
    process.exit(2);
  },
  (args.pglite ? rates.length * stepSeconds + 30 : seconds) * 1000 + 15 * 60_000,
);
hardStop.unref();
const passed = args.pglite ? await runPgliteCeiling() : await runPostgres();
process.exitCode = passed ? 0 : 1;
