import { ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open-database.js';
import { clients } from '../../../db/schema/index.js';

export function selectClientsWithStaleNameKeys(db: Db, version: number, limit: number) {
  return db
    .select({
      id: clients.id,
      givenName: clients.givenName,
      familyName: clients.familyName,
      givenNameNative: clients.givenNameNative,
      familyNameNative: clients.familyNameNative,
    })
    .from(clients)
    .where(ne(clients.nameKeysVersion, version))
    .limit(limit);
}

/** Stores the keys of many clients in one statement. */
export async function updateClientNameKeys(
  db: Db,
  rows: { id: string; nameKeys: string[]; nameKeyText: string; nameKeysVersion: number }[],
): Promise<void> {
  const values = sql.join(
    // Keys are letters only (a-z and class markers), so the array literal needs no quoting.
    rows.map(
      (row) => sql`(${row.id}::uuid, ${`{${row.nameKeys.join(',')}}`}::text[], ${row.nameKeyText}, ${row.nameKeysVersion}::smallint)`,
    ),
    sql`, `,
  );
  await db.execute(sql`
    update ${clients} set name_keys = v.keys, name_key_text = v.key_text, name_keys_version = v.version
    from (values ${values}) as v(id, keys, key_text, version)
    where ${clients.id} = v.id`);
}
