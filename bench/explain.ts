import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type pg from 'pg';
import type { Database, Db } from '../src/db/open-database.js';
import * as schema from '../src/db/schema/index.js';
import { selectClientPage } from '../src/server/features/clients/clients.repo.js';
import { listClientsQuery } from '../src/shared/index.js';

type Captured = { text: string; params: unknown[] };

/**
 * EXPLAIN ANALYZE of the exact statement the repository sends for a client-list URL: a second drizzle
 * handle on the same connection records the SQL of one call, which is then explained with its
 * parameters.
 */
export async function explainClientPage(database: Database, title: string, path: string): Promise<string> {
  const captured: Captured[] = [];
  const logger = { logQuery: (text: string, params: unknown[]) => void captured.push({ text, params }) };
  const client = (database.db as unknown as { $client: PGlite | pg.Pool }).$client;
  const recorder = (database.kind === 'pglite'
    ? drizzlePglite(client as PGlite, { schema, casing: 'snake_case', logger })
    : drizzlePg(client as pg.Pool, { schema, casing: 'snake_case', logger })) as unknown as Db;
  const query = listClientsQuery.parse(Object.fromEntries(new URL(path, 'http://localhost').searchParams));
  await selectClientPage(recorder, query);
  const statement = captured[0];
  if (!statement) return `${title}: no statement recorded`;
  // PGlite and node-postgres both answer query(text, params) with { rows }.
  const run = client.query.bind(client) as (text: string, params: unknown[]) => Promise<{ rows: Record<string, string>[] }>;
  const result = await run(`explain (analyze, buffers) ${statement.text}`, statement.params);
  const plan = result.rows.map((row) => Object.values(row)[0]).join('\n');
  return `-- ${title}: ${path}\n${plan}\n`;
}
