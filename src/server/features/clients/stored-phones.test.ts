import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createClientThroughApi, staffOf, uniqueWord } from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';
import { at, bookThroughApi, futureWorkday } from '../appointments/appointment-test-data.js';
import { storedPhoneColumns } from './stored-phones.repo.js';
import { normaliseStoredPhones } from './stored-phones.service.js';

/** Phones stored before they were checked (decision 023): rewritten in E.164 at start-up where they parse. */
describe('phone numbers stored before they were checked', async () => {
  const t = await createTestApp();
  const db = t.database.db;
  const admin = await staffOf(t, 'admin');

  /** Writes a phone as an older version stored it, without the API's check. */
  const storeAsTyped = (table: string, column: string, id: string, phone: string) =>
    db.execute(sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${phone} where id = ${id}::uuid`);
  const phoneOf = async (table: string, column: string, id: string) => {
    const { rows } = await db.execute<{ phone: string | null }>(
      sql`select ${sql.identifier(column)} as phone from ${sql.identifier(table)} where id = ${id}::uuid`,
    );
    return rows[0]?.phone;
  };

  it('converts those that parse, leaves the others as they were, and keeps the search by digits', async () => {
    const czech = await createClientThroughApi(t);
    const foreign = await createClientThroughApi(t);
    const unparseable = await createClientThroughApi(t);
    await storeAsTyped('clients', 'phone', czech.id, '731 555 020');
    await storeAsTyped('clients', 'phone', foreign.id, '00380 67 123 4568');
    await storeAsTyped('clients', 'phone', unparseable.id, 'mobil u sestry');
    const partner = await t.request({
      method: 'POST',
      url: '/api/partners',
      cookie: admin.cookie,
      payload: { name: uniqueWord('Poradna '), kind: 'ngo' },
    });
    expect(partner.statusCode, partner.body).toBe(201);
    await storeAsTyped('partners', 'phone', partner.json().id, '475 123 456, 475 123 457');
    const counsellor = await t.signInAs(['social_counsellor']);
    const appointment = await bookThroughApi(t, {
      staffId: counsellor.userId,
      contactName: 'Tran Thi Mai',
      contactEmail: 'mai@example.org',
      startsAt: at(futureWorkday(), '09:00'),
      durationMinutes: 30,
    });
    await storeAsTyped('appointments', 'contact_phone', appointment.id, '777/000 999');

    const result = await normaliseStoredPhones(db);
    expect(result.converted).toBeGreaterThanOrEqual(3);
    expect(result.leftAsTyped).toBeGreaterThanOrEqual(2);
    expect(await phoneOf('clients', 'phone', czech.id)).toBe('+420731555020');
    expect(await phoneOf('clients', 'phone', foreign.id)).toBe('+380671234568');
    expect(await phoneOf('clients', 'phone', unparseable.id)).toBe('mobil u sestry');
    expect(await phoneOf('partners', 'phone', partner.json().id)).toBe('475 123 456, 475 123 457');
    expect(await phoneOf('appointments', 'contact_phone', appointment.id)).toBe('+420777000999');

    // A second start finds nothing to convert; the digits still find the client.
    expect((await normaliseStoredPhones(db)).converted).toBe(0);
    const { cookie } = await staffOf(t, 'receptionist');
    const found = await t.request({ method: 'GET', url: '/api/clients', cookie, query: { q: '731 555 020' } });
    expect(found.json().items.map((c: { id: string }) => c.id)).toContain(czech.id);
  });

  it('knows every column that holds a phone number', async () => {
    const { rows } = await db.execute<{ table_name: string; column_name: string }>(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and column_name like '%phone%' and column_name <> 'phone_digits' order by 1, 2`);
    const listed = storedPhoneColumns.map((c) => ({ table_name: c.table, column_name: c.column }));
    expect(rows).toEqual(expect.arrayContaining(listed));
    expect(rows).toHaveLength(listed.length);
  });
});
