import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open-database.js';

/**
 * Tables a refused request may still write to, each with the reason. Every other table of the
 * schema is counted, so a table added later is covered without anyone remembering to list it.
 */
export const tablesNotCounted: Record<string, string> = {
  verifications: 'better-auth keeps short-lived sign-in challenges here',
  __drizzle_migrations: 'the migrator’s own record',
};

/** Every table of the application's schema, read from the database itself. */
export async function findApplicationTables(db: Db): Promise<string[]> {
  const { rows } = await db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return rows.map((row) => row.table_name);
}

/**
 * The number of rows in every application table but those in tablesNotCounted: bad input must leave
 * each count as it was.
 */
export async function countRowsOfEveryTable(db: Db): Promise<Record<string, number>> {
  const tables = (await findApplicationTables(db)).filter((table) => !(table in tablesNotCounted));
  const counts = sql.join(
    tables.map((table) => sql`(select count(*)::int from ${sql.identifier(table)}) as ${sql.identifier(table)}`),
    sql`, `,
  );
  const { rows } = await db.execute<Record<string, number>>(sql`select ${counts}`);
  return rows[0] as Record<string, number>;
}
