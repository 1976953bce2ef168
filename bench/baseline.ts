/**
 * The baseline the search is measured against: plain pg_trgm similarity on the raw names, as one
 * would write a fuzzy name search without Integra's keys. It runs directly on the database handle.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/open-database.js';
import { rowsOf } from './bench-data.js';

/** The four names as stored, run together. */
const names = sql.raw(
  `(given_name || ' ' || family_name || ' ' || coalesce(given_name_native, '') || ' ' || coalesce(family_name_native, ''))`,
);

/** A trigram index on that expression, which the baseline needs to be fair; created in the benchmark's database only. */
export const baselineIndexName = 'bench_baseline_names_trgm_idx';

/** Creates the baseline's index; returns the seconds it took. */
export async function createBaselineIndex(db: Db): Promise<number> {
  const started = performance.now();
  await db.execute(sql`create index ${sql.identifier(baselineIndexName)} on clients using gin (${names} gin_trgm_ops)`);
  return (performance.now() - started) / 1000;
}

/** The statement, for the report. */
export const baselineStatement =
  "select id from clients where not archived and merged_into_id is null and (given_name || ' ' || family_name || ' ' || " +
  "coalesce(given_name_native,'') || ' ' || coalesce(family_name_native,'')) % $1 order by similarity(…, $1) desc limit 10";

/** The ten clients whose names are most similar to the text (pg_trgm's default threshold of 0.3). */
export async function baselineSearch(db: Db, text: string): Promise<string[]> {
  const result = await db.execute(
    sql`select id from clients where not archived and merged_into_id is null and ${names} % ${text}
        order by similarity(${names}, ${text}) desc limit 10`,
  );
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}
