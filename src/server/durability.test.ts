import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// A write the server acknowledged must survive the server's sudden death. This runs the real server
// as a child process on the embedded database (what `npm start` uses, so also when TEST_DATABASE_URL
// is set), kills it with SIGKILL in the middle of a burst of registrations, starts it again on the
// same data directory and looks for every client it had answered 201 for.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const adminEmail = 'durability@example.org';
const adminPassword = 'killed mid burst passphrase';
const burstSize = 200;
const concurrency = 10;
/** Acknowledged registrations after which the server is killed: well inside the burst. */
const killAfter = 60;

type Server = { child: ChildProcess; base: string; output: () => string };

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, 'close');
  return port;
}

/** Starts `src/server/main.ts` on the data directory and waits until it answers its health check. */
async function startServer(dataDir: string): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key !== 'DATABASE_URL' && !key.startsWith('INTEGRA_')) env[key] = value;
  }
  Object.assign(env, {
    INTEGRA_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    INTEGRA_PUBLIC_URL: `http://127.0.0.1:${port}`,
    INTEGRA_ADMIN_EMAIL: adminEmail,
    INTEGRA_ADMIN_PASSWORD: adminPassword,
    INTEGRA_SIGN_IN_LIMIT: '1000',
    LOG_LEVEL: 'warn',
  });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    const healthy = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.status === 200)
      .catch(() => false);
    if (healthy) return { child, base, output: () => output };
    if (Date.now() > deadline) throw new Error(`the server did not become healthy:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stopServer(server: Server | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill(signal);
  await exited;
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: adminEmail, password: adminPassword }),
  });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Letters only, different for every registration, so the duplicate check never holds one back. */
function nameOf(i: number): string {
  let word = '';
  for (let n = i + 1; n > 0; n = Math.floor(n / 26)) word += String.fromCharCode(97 + (n % 26));
  return `Dura${word}`;
}

function registration(i: number) {
  return {
    givenName: 'Oksana',
    familyName: nameOf(i),
    givenNameNative: 'Оксана',
    sex: 'female',
    dateOfBirth: '1988-02-29',
    citizenships: ['UA'],
    languages: ['uk'],
    // Each person a phone of their own: one phone, one birth date and names a letter apart would be a likely duplicate.
    phone: `+420 777 ${String(100_000 + i)}`,
    address: { street: 'Masarykova 12', municipality: 'Ústí nad Labem', postcode: '40001', district: 'Ústí nad Labem' },
    residence: { category: 'temporary_protection', validFrom: '2025-03-01', validUntil: '2027-03-31' },
  };
}

async function createClient(base: string, cookie: string, body: unknown) {
  return fetch(`${base}/api/clients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
}

describe('durability of the embedded database', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'integra-durability-'));
  let server: Server | undefined;
  afterAll(async () => {
    await stopServer(server, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged registration when the server is killed with SIGKILL mid-burst', async () => {
    server = await startServer(dataDir);
    const first = server;
    const cookie = await signIn(first.base);
    const before = await createClient(first.base, cookie, { ...registration(burstSize), note: 'registered before the burst' });
    expect(before.status).toBe(201);
    const beforeBody = (await before.json()) as Record<string, unknown>;

    const acknowledged: { id: string; clientNumber: string }[] = [];
    let failed = 0;
    let next = 0;
    let killed: Promise<void> | undefined;
    const worker = async () => {
      while (next < burstSize) {
        const i = next++;
        try {
          const response = await createClient(first.base, cookie, registration(i));
          if (response.status !== 201) {
            failed++;
            continue;
          }
          const body = (await response.json()) as { id: string; clientNumber: string };
          acknowledged.push({ id: body.id, clientNumber: body.clientNumber });
          // Killed while the other workers' requests are in flight.
          if (acknowledged.length === killAfter) killed = stopServer(first, 'SIGKILL');
        } catch {
          failed++;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    await killed;
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);
    expect(failed).toBeGreaterThan(0);

    server = await startServer(dataDir);
    const second = server;
    // The session outlives the crash: it was stored before sign-in answered.
    expect((await fetch(`${second.base}/api/me`, { headers: { cookie } })).status).toBe(200);
    const cookieAfter = await signIn(second.base);

    const missing: string[] = [];
    for (const { id, clientNumber } of acknowledged) {
      const response = await fetch(`${second.base}/api/clients/${id}`, { headers: { cookie: cookieAfter } });
      const body = response.status === 200 ? ((await response.json()) as { clientNumber: string }) : undefined;
      if (body?.clientNumber !== clientNumber) missing.push(`${clientNumber} (${response.status})`);
    }
    expect(missing).toEqual([]);

    // What was there before the burst is unchanged, and numbering goes on after the highest number handed out.
    const reread = await fetch(`${second.base}/api/clients/${beforeBody.id}`, { headers: { cookie: cookieAfter } });
    expect(reread.status).toBe(200);
    const { updatedAt: _u, ...unchanged } = beforeBody;
    expect(await reread.json()).toMatchObject(unchanged);
    const after = await createClient(second.base, cookieAfter, registration(burstSize + 1));
    expect(after.status).toBe(201);
    const highest = acknowledged
      .map((a) => a.clientNumber)
      .sort()
      .pop() as string;
    expect(((await after.json()) as { clientNumber: string }).clientNumber > highest).toBe(true);

    const health = await fetch(`${second.base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
  }, 120_000);
});
