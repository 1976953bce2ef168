import { accessSync, closeSync, constants, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type DataFolderLock, lockDataFolder } from './data-folder-lock.js';
import { DatabaseStartError, describeFileError, describeStartFailure, describeUrl } from './database-start-error.js';
import * as schema from './schema/index.js';

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The drizzle database, the same type whichever driver is underneath. */
export type Db = ReturnType<typeof drizzlePg<typeof schema>>;
/** A transaction or the database itself: repositories accept either. */
export type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

/** Whether the database can take a write now, and if not, why (for `/api/health`). */
export type Writability = { writable: true } | { writable: false; problem: 'read_only' | 'disk_full' | 'not_writable' };

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Checks without changing data: the database is not read-only and, for PGlite on disk, its folder takes a file. */
  checkWritable: () => Promise<Writability>;
  close: () => Promise<void>;
};

export type OpenDatabaseOptions = (
  | { databaseUrl: string; dataDir?: undefined; pglite?: undefined }
  | { databaseUrl?: undefined; dataDir: string; pglite?: undefined }
  /** An already opened PGlite instance (tests start each database from a migrated template). */
  | { databaseUrl?: undefined; dataDir?: undefined; pglite: PGlite }
) & {
  /** What this process is, written in the data folder's lock (`server`, `seed:demo`, …). */
  purpose?: string;
  /** Another migrations folder (tests of a missing migration). */
  migrationsFolder?: string;
};

const pgliteExtensions = { pg_trgm, unaccent };

/**
 * Session settings of every connection. The name search's typo match (`<%`) uses the trigram word
 * similarity threshold; 0.4 rather than the default 0.6 lets one changed letter in the middle of a
 * name of six letters through ("Angrea" for Andrea: 4 of 10 trigrams shared), which the ranking then
 * puts below exact spellings.
 */
const sessionSettings = { 'pg_trgm.word_similarity_threshold': '0.4' } as const;

/** Opens PGlite on a data directory. Exported for tests that build a template. */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return PGlite.create({ dataDir, extensions: pgliteExtensions, ...(loadDataDir ? { loadDataDir } : {}) });
}

/**
 * Opens the database and applies pending migrations: PostgreSQL when a URL is given, otherwise the
 * embedded PGlite in the data directory, which this process then holds alone (`integra.lock`,
 * decision 018). Any failure becomes a DatabaseStartError: one line naming the folder or server and
 * the cause.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const folder = options.migrationsFolder ?? migrationsFolder;
  if (options.databaseUrl) return openPostgres(options.databaseUrl, folder);
  if (options.pglite) return openPgliteDatabase(options.pglite, folder, undefined, undefined);
  const dataDir = path.resolve(options.dataDir ?? 'data');
  const pgliteDir = path.join(dataDir, 'pglite');
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw describeFileError(error, dataDir);
  }
  const lock = lockDataFolder(dataDir, options.purpose ?? 'server');
  let client: PGlite | undefined;
  try {
    checkFolderWritable(dataDir, pgliteDir);
    client = await openPglite(pgliteDir);
    return await openPgliteDatabase(client, folder, pgliteDir, lock);
  } catch (error) {
    await client?.close().catch(() => undefined);
    lock.release();
    throw describeStartFailure(error, { dataDir });
  }
}

async function openPostgres(databaseUrl: string, folder: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    options: Object.entries(sessionSettings)
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' '),
  });
  // An idle connection the server closed (a restart, a dropped database) would otherwise throw out of
  // the process; the pool discards it and the next query opens a new one.
  pool.on('error', (error) => process.emitWarning(`A PostgreSQL connection was lost: ${error.message}`));
  const db = drizzlePg(pool, { schema, casing: 'snake_case' });
  try {
    await checkMigrationHistory(db, folder, `PostgreSQL at ${describeUrl(databaseUrl)}`);
    await migratePg(db, { migrationsFolder: folder });
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw describeStartFailure(error, { databaseUrl });
  }
  return { db, kind: 'postgres', checkWritable: () => checkWritable(db, undefined), close: () => pool.end() };
}

async function openPgliteDatabase(
  client: PGlite,
  folder: string,
  pgliteDir: string | undefined,
  lock: DataFolderLock | undefined,
): Promise<Database> {
  // PGlite has one connection: a session setting holds for everything run on it.
  for (const [name, value] of Object.entries(sessionSettings)) await client.query('select set_config($1, $2, false)', [name, value]);
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  await checkMigrationHistory(db, folder, pgliteDir ? `the embedded database in ${path.dirname(pgliteDir)}` : 'the embedded database');
  await migratePglite(db as never, { migrationsFolder: folder });
  return {
    db,
    kind: 'pglite',
    checkWritable: () => checkWritable(db, pgliteDir),
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/**
 * A folder the process may read but not write makes PGlite fail with a message that says nothing
 * ("failed to initialize"): ask the file system first, so the start says what is wrong.
 */
function checkFolderWritable(dataDir: string, pgliteDir: string): void {
  for (const file of [pgliteDir, path.join(pgliteDir, 'PG_VERSION'), path.join(pgliteDir, 'global', 'pg_control')]) {
    if (!existsSync(file)) continue;
    try {
      accessSync(file, constants.R_OK | constants.W_OK);
    } catch (error) {
      throw describeFileError(error, dataDir);
    }
  }
  if (existsSync(pgliteDir)) probeWrite(pgliteDir, dataDir);
}

/** Writes, syncs and removes a small file: fails on a read-only or full file system. */
function probeWrite(folder: string, dataDir: string): void {
  const probe = path.join(folder, `.integra-write-probe-${process.pid}`);
  try {
    const fd = openSync(probe, 'w');
    try {
      writeSync(fd, Buffer.alloc(4096));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw describeFileError(error, dataDir);
  } finally {
    try {
      unlinkSync(probe);
    } catch {
      // never created
    }
  }
}

async function checkWritable(db: Db, pgliteDir: string | undefined): Promise<Writability> {
  const { rows } = await db.execute<{ read_only: string; recovery: boolean }>(
    sql`select current_setting('transaction_read_only') as read_only, pg_is_in_recovery() as recovery`,
  );
  const row = rows[0];
  if (!row || row.read_only === 'on' || row.recovery) return { writable: false, problem: 'read_only' };
  if (!pgliteDir) return { writable: true };
  try {
    probeWrite(pgliteDir, path.dirname(pgliteDir));
    return { writable: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    return {
      writable: false,
      problem: message.includes('is full') ? 'disk_full' : message.includes('read-only') ? 'read_only' : 'not_writable',
    };
  }
}

/**
 * Drizzle's migrator applies only migrations newer than the latest one recorded, so it would start
 * silently on a database that a newer Integra migrated (records this code does not have), and skip a
 * migration of this code that is older than the latest recorded one. Both stop the start instead.
 */
async function checkMigrationHistory(db: Db, folder: string, where: string): Promise<void> {
  const known = readMigrationFiles({ migrationsFolder: folder });
  const { rows: exists } = await db.execute<{ table: string | null }>(
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as "table"`,
  );
  if (!exists[0]?.table) return;
  const { rows } = await db.execute<{ created_at: string }>(sql`select created_at::text from drizzle.__drizzle_migrations`);
  const recorded = new Set(rows.map((r) => Number(r.created_at)));
  const knownTimes = new Set(known.map((m) => m.folderMillis));
  const unknown = [...recorded].filter((t) => !knownTimes.has(t));
  if (unknown.length > 0) {
    const latest = new Date(Math.max(...unknown)).toISOString();
    throw new DatabaseStartError(
      `${where} has ${unknown.length} migration(s) this version of Integra does not have (the latest of ${latest}): it was updated by a newer version, or a migration file is missing here. Run that version, or restore a backup.`,
    );
  }
  const latestRecorded = Math.max(0, ...recorded);
  const skipped = known.filter((m) => m.folderMillis < latestRecorded && !recorded.has(m.folderMillis));
  if (skipped.length > 0) {
    const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
      entries: { when: number; tag: string }[];
    };
    const tags = skipped.map((m) => journal.entries.find((e) => e.when === m.folderMillis)?.tag ?? String(m.folderMillis));
    throw new DatabaseStartError(
      `${where} lacks migration ${tags.join(', ')}, older than migrations it already has, which would be skipped. Restore a backup made before the last update, or ask for help.`,
    );
  }
}

/**
 * Gives the query planner current statistics. PostgreSQL's autovacuum does this by itself; PGlite has
 * none, and without statistics it picks plans that read every client (a name search at 100,000 clients
 * took 450 ms instead of 25). `vacuum` also clears the dead row versions a bulk update left behind.
 */
export async function refreshPlannerStatistics(database: Database, { vacuum = false } = {}): Promise<void> {
  if (database.kind === 'pglite') await database.db.execute(sql.raw(vacuum ? 'vacuum analyze' : 'analyze'));
  else if (vacuum) await database.db.execute(sql.raw('vacuum analyze clients'));
}
