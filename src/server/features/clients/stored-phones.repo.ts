import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/open-database.js';

/**
 * Every column that holds a phone number, across features (decision 023): the clients', the new
 * contacts' of appointments, and the partners'. A test over the schema keeps the list whole.
 */
export const storedPhoneColumns = [
  { table: 'clients', column: 'phone' },
  { table: 'appointments', column: 'contact_phone' },
  { table: 'partners', column: 'phone' },
] as const;
export type StoredPhoneColumn = (typeof storedPhoneColumns)[number];

/** E.164 with an optional extension: what the API stores since phones are checked. */
const storedForm = '^\\+[1-9][0-9]{6,14}(;ext=[0-9]+)?$';

/** Up to `limit` rows after `afterId` (in id order) whose phone is not yet in the stored form. */
export async function selectPhonesNotStoredForm(
  db: Db,
  { table, column }: StoredPhoneColumn,
  afterId: string | null,
  limit: number,
): Promise<{ id: string; phone: string }[]> {
  const result = await db.execute<{ id: string; phone: string }>(sql`
    select id::text as id, ${sql.identifier(column)} as phone from ${sql.identifier(table)}
    where ${sql.identifier(column)} is not null and ${sql.identifier(column)} !~ ${storedForm}
      ${afterId ? sql`and id > ${afterId}::uuid` : sql``}
    order by id limit ${limit}`);
  return result.rows;
}

/** Writes the phones in their stored form, one statement for the batch. */
export async function updateStoredPhones(
  db: Db,
  { table, column }: StoredPhoneColumn,
  rows: { id: string; phone: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map((row) => sql`(${row.id}::uuid, ${row.phone})`),
    sql`, `,
  );
  await db.execute(sql`
    update ${sql.identifier(table)} as t set ${sql.identifier(column)} = v.phone
    from (values ${values}) as v (id, phone) where t.id = v.id`);
}
