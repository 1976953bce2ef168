import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index.js';

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The drizzle database, the same type whichever driver is underneath. */
export type Db = ReturnType<typeof drizzlePg<typeof schema>>;
/** A transaction or the database itself: repositories accept either. */
export type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
};

export type OpenDatabaseOptions =
  | { databaseUrl: string; dataDir?: undefined; pglite?: undefined }
  | { databaseUrl?: undefined; dataDir: string; pglite?: undefined }
  /** An already opened PGlite instance (tests start each database from a migrated template). */
  | { databaseUrl?: undefined; dataDir?: undefined; pglite: PGlite };

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
 * embedded PGlite in the data directory.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      options: Object.entries(sessionSettings)
        .map(([name, value]) => `-c ${name}=${value}`)
        .join(' '),
    });
    // An idle connection the server closed (a restart, a dropped database) would otherwise throw out of
    // the process; the pool discards it and the next query opens a new one.
    pool.on('error', (error) => process.emitWarning(`A PostgreSQL connection was lost: ${error.message}`));
    const db = drizzlePg(pool, { schema, casing: 'snake_case' });
    await migratePg(db, { migrationsFolder });
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  const client = options.pglite ?? (await openPglite(path.join(options.dataDir ?? 'data', 'pglite')));
  // PGlite has one connection: a session setting holds for everything run on it.
  for (const [name, value] of Object.entries(sessionSettings)) await client.query('select set_config($1, $2, false)', [name, value]);
  const db = drizzlePglite(client, { schema, casing: 'snake_case' });
  await migratePglite(db, { migrationsFolder });
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close() };
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
