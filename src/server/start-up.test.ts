import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { lockFileName } from '../db/data-folder-lock.js';
import { describeStartFailure } from '../db/database-start-error.js';
import { migrationsFolder, openDatabase, openPglite } from '../db/open-database.js';
import { findFreePort } from './testing/free-port.js';

/**
 * Starts of the real server (`node --import tsx src/server/main.ts`) on data folders in every state a
 * centre could leave one in: held by a running server, left locked by a killed one, read-only,
 * damaged, migrated by another version, on a full disk; and on a PostgreSQL nobody answers at.
 */
const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'integra-start-up-'));
// Folders are opened by an unprivileged user too (read-only cases): let it through to them.
chmodSync(scratch, 0o755);
const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

/** Root ignores file permissions: the read-only cases then run the server as `nobody`. */
const asRoot = process.getuid?.() === 0;
const nobody = { uid: 65534, gid: 65534 };

let folders = 0;
/** A data folder holding a migrated embedded database, copied from the test template. */
async function dataFolder(): Promise<string> {
  const dir = path.join(scratch, `data-${folders++}`);
  const pglite = await openPglite(path.join(dir, 'pglite'), new Blob([readFileSync(inject('templatePath'))]));
  await pglite.close();
  return dir;
}

type Started = { child: ChildProcess; port: number; stderr: () => string; exited: Promise<number | null> };

async function spawnScript(script: string, env: Record<string, string>, options: { asNobody?: boolean } = {}): Promise<Started> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      INTEGRA_PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(options.asNobody && asRoot ? nobody : {}),
  });
  running.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return { child, port, stderr: () => stderr, exited };
}

const startServer = (env: Record<string, string>, options: { asNobody?: boolean } = {}) => spawnScript('src/server/main.ts', env, options);

async function health(port: number): Promise<Response | undefined> {
  try {
    return await fetch(`http://127.0.0.1:${port}/api/health`);
  } catch {
    return undefined;
  }
}

/** Waits until the server answers /api/health, or fails with what it wrote. */
async function untilServing(started: Started): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`the server exited with ${started.child.exitCode}: ${started.stderr()}`);
    if ((await health(started.port))?.ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not start: ${started.stderr()}`);
}

/** Runs a start that must fail: its exit code and the one line it wrote. */
async function failedStart(started: Started): Promise<{ code: number | null; line: string }> {
  const code = await started.exited;
  const output = started.stderr().trim();
  expect(output.split('\n'), output).toHaveLength(1);
  return { code, line: output };
}

describe('one writer per embedded database', { timeout: 240_000 }, () => {
  it('refuses a second server and the demo seed while a server holds the folder, and the lock goes with a clean stop', async () => {
    const dir = await dataFolder();
    const first = await startServer({ INTEGRA_DATA_DIR: dir });
    await untilServing(first);
    const holder = JSON.parse(readFileSync(path.join(dir, lockFileName), 'utf8'));
    expect(holder).toMatchObject({ pid: first.child.pid, host: os.hostname(), purpose: 'server' });

    const second = await failedStart(await startServer({ INTEGRA_DATA_DIR: dir }));
    expect(second.code).toBe(1);
    expect(second.line).toContain(`Integra cannot start: the data folder ${dir} is in use by another Integra process`);
    expect(second.line).toContain(`pid ${first.child.pid} on this machine (${os.hostname()}), server since`);

    const seed = await failedStart(await spawnScript('scripts/seed-demo.ts', { INTEGRA_DATA_DIR: dir }));
    expect(seed.code).toBe(1);
    expect(seed.line).toContain(
      `The demo cannot be seeded: the data folder ${dir} is in use by another Integra process: pid ${first.child.pid}`,
    );

    // The first server still serves, untouched.
    expect((await health(first.port))?.status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(path.join(dir, lockFileName))).toBe(false);
  });

  it('starts after a server was killed, and over a lock whose pid now belongs to an unrelated process', async () => {
    const dir = await dataFolder();
    const killed = await startServer({ INTEGRA_DATA_DIR: dir });
    await untilServing(killed);
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(JSON.parse(readFileSync(path.join(dir, lockFileName), 'utf8')).pid).toBe(killed.child.pid);

    const restarted = await startServer({ INTEGRA_DATA_DIR: dir });
    await untilServing(restarted);
    expect(JSON.parse(readFileSync(path.join(dir, lockFileName), 'utf8')).pid).toBe(restarted.child.pid);
    restarted.child.kill('SIGKILL');
    await restarted.exited;

    // The pid is alive (this test's own process) but started at another time: a reused pid.
    const stale = JSON.parse(readFileSync(path.join(dir, lockFileName), 'utf8'));
    writeFileSync(path.join(dir, lockFileName), JSON.stringify({ ...stale, pid: process.pid, processStart: 1 }));
    const again = await startServer({ INTEGRA_DATA_DIR: dir });
    await untilServing(again);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});

describe('a start that cannot go on says why in one line', { timeout: 240_000 }, () => {
  it('a read-only data folder', async () => {
    const dir = await dataFolder();
    execFileSync('chmod', ['-R', 'a-w,a+rX', dir]);
    const { code, line } = await failedStart(await startServer({ INTEGRA_DATA_DIR: dir }, { asNobody: true }));
    expect(code).toBe(1);
    expect(line).toMatch(
      new RegExp(`^Integra cannot start: the data folder ${dir} is read-only for this process \\((EACCES|EPERM|EROFS)\\)`),
    );
  });

  it('a data folder whose database files are damaged', async () => {
    const version = await dataFolder();
    writeFileSync(path.join(version, 'pglite', 'PG_VERSION'), 'garbage\n');
    const first = await failedStart(await startServer({ INTEGRA_DATA_DIR: version }));
    expect(first.code).toBe(1);
    expect(first.line).toBe(
      `Integra cannot start: the embedded database in ${version} could not be opened: its files are damaged, were written by another version, or cannot be read by this user (PGlite failed to initialize). Restore the folder from a backup.`,
    );
    // The failed start left the folder free for the next one.
    expect(existsSync(path.join(version, lockFileName))).toBe(false);

    // A damaged page of the catalogue of functions, read by the first query.
    const page = await dataFolder();
    const catalogue = path.join(page, 'pglite', 'base', '5', '1255');
    const bytes = readFileSync(catalogue);
    bytes.fill(0x5a, 0, 8192);
    writeFileSync(catalogue, bytes);
    const second = await failedStart(await startServer({ INTEGRA_DATA_DIR: page }));
    expect(second.code).toBe(1);
    expect(second.line).toMatch(new RegExp(`^Integra cannot start: the embedded database in ${page} is damaged \\(XX001: invalid page`));
  });

  it("a database migrated by a newer version, or missing one of this version's migrations", async () => {
    const newer = await dataFolder();
    const database = await openDatabase({ dataDir: newer });
    await database.db.execute(
      sql.raw(`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-a-newer-version', 4102444800000)`),
    );
    await database.close();
    const first = await failedStart(await startServer({ INTEGRA_DATA_DIR: newer }));
    expect(first.code).toBe(1);
    expect(first.line).toBe(
      `Integra cannot start: the embedded database in ${newer} has 1 migration(s) this version of Integra does not have (the latest of 2100-01-01T00:00:00.000Z): it was updated by a newer version, or a migration file is missing here. Run that version, or restore a backup.`,
    );

    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: { when: number; tag: string }[];
    };
    const middle = journal.entries[1] as { when: number; tag: string };
    const lacking = await dataFolder();
    const opened = await openDatabase({ dataDir: lacking });
    await opened.db.execute(sql.raw(`delete from drizzle.__drizzle_migrations where created_at = ${middle.when}`));
    await opened.close();
    const second = await failedStart(await startServer({ INTEGRA_DATA_DIR: lacking }));
    expect(second.code).toBe(1);
    expect(second.line).toContain(
      `the embedded database in ${lacking} lacks migration ${middle.tag}, older than migrations it already has`,
    );
  });

  it('a migrations folder missing a file', async () => {
    const folder = path.join(scratch, 'migrations-missing-a-file');
    cpSync(migrationsFolder, folder, { recursive: true });
    const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const removed = (journal.entries.at(-1) as { tag: string }).tag;
    rmSync(path.join(folder, `${removed}.sql`));
    const dir = await dataFolder();
    await expect(openDatabase({ dataDir: dir, migrationsFolder: folder })).rejects.toThrow(
      `this installation of Integra is incomplete: the migration ${folder}/${removed}.sql is missing. Reinstall it.`,
    );
    expect(existsSync(path.join(dir, lockFileName))).toBe(false);
  });

  it('a full disk', async () => {
    // A tiny file system of its own needs root (mount); without it, the mapping of the errors a full
    // disk raises (Node's ENOSPC, PGlite's WASI errno 51, PostgreSQL's 53100) is checked instead.
    const place = { dataDir: '/srv/integra' };
    expect(describeStartFailure(Object.assign(new Error('write'), { code: 'ENOSPC' }), place).message).toBe(
      'the disk holding the data folder /srv/integra is full (ENOSPC): free some space, then start again.',
    );
    expect(describeStartFailure(Object.assign(new Error(), { name: 'ErrnoError', errno: 51 }), place).message).toContain(
      'is full (ENOSPC)',
    );
    expect(describeStartFailure(Object.assign(new Error('could not extend file'), { code: '53100' }), place).message).toBe(
      'the embedded database in /srv/integra cannot write: the disk is full (53100). Free some space, then start again.',
    );
    if (!asRoot) return;
    const dir = path.join(scratch, 'full-disk');
    mkdirSync(dir);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir]);
    try {
      const { code, line } = await failedStart(await startServer({ INTEGRA_DATA_DIR: dir }));
      expect(code).toBe(1);
      expect(line).toBe(
        `Integra cannot start: the disk holding the data folder ${dir} is full (ENOSPC): free some space, then start again.`,
      );
    } finally {
      execFileSync('umount', [dir]);
    }
  });

  it('a PostgreSQL that does not answer, without showing the password', async () => {
    const port = await findFreePort();
    const { code, line } = await failedStart(
      await startServer({ DATABASE_URL: `postgres://integra:s3cret-pass@127.0.0.1:${port}/integra` }),
    );
    expect(code).toBe(1);
    expect(line).toBe(
      `Integra cannot start: cannot reach PostgreSQL at 127.0.0.1:${port}/integra (ECONNREFUSED): is the server running, and is DATABASE_URL right?`,
    );
  });
});

describe('GET /api/health of a server whose data folder stops taking files', { timeout: 240_000 }, () => {
  it('answers 503 failing', async () => {
    const dir = await dataFolder();
    if (asRoot) execFileSync('chown', ['-R', `${nobody.uid}:${nobody.gid}`, dir]);
    const server = await startServer({ INTEGRA_DATA_DIR: dir }, { asNobody: true });
    await untilServing(server);
    expect(await (await health(server.port))?.json()).toMatchObject({ status: 'ok', writable: true });
    chmodSync(path.join(dir, 'pglite'), 0o555);
    try {
      const response = await health(server.port);
      expect(response?.status).toBe(503);
      expect(await response?.json()).toMatchObject({ status: 'failing', writable: false, problem: 'read_only' });
    } finally {
      chmodSync(path.join(dir, 'pglite'), 0o755);
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
