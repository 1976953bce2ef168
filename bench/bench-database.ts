import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';

/** Where a benchmark's database lives: a PGlite data directory or a PostgreSQL URL. */
export type BenchLocation = { dataDir: string; databaseUrl?: undefined } | { databaseUrl: string; dataDir?: undefined };

/** A database that exists only for one benchmark run, and how to get rid of it. */
export type BenchTarget = { label: string; location: BenchLocation; dispose: () => Promise<void> };

/** PGlite in a new temporary data directory, removed afterwards. */
export function createPgliteTarget(): BenchTarget {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'integra-bench-'));
  return {
    label: 'PGlite (embedded)',
    location: { dataDir },
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/**
 * A database of its own on the given PostgreSQL server, created through the server's `postgres`
 * database and dropped afterwards: databases others use (such as `test`) are never touched.
 */
export async function createPostgresTarget(serverUrl: string): Promise<BenchTarget> {
  const name = `integra_bench_${process.pid}`;
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = '/postgres';
  const benchUrl = new URL(serverUrl);
  benchUrl.pathname = `/${name}`;
  const runAsAdmin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await runAsAdmin(`create database ${name}`);
  return {
    label: `PostgreSQL (${adminUrl.host}, database ${name})`,
    location: { databaseUrl: benchUrl.toString() },
    dispose: async () => {
      // A closed pool's connections end a moment after close() resolves; forcing them off sooner makes
      // their client emit an error nobody listens to any more. Wait for them, then force what is left.
      for (let attempt = 0; attempt < 50; attempt++) {
        try {
          await runAsAdmin(`drop database if exists ${name}`);
          return;
        } catch {
          await delay(100);
        }
      }
      await runAsAdmin(`drop database if exists ${name} with (force)`);
    },
  };
}
