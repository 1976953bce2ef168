import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type ClientResponse, type ClientSummary, toCentreDate } from '../../../shared/index.js';
import {
  auditEventsThroughApi,
  clientInput,
  createBranchThroughApi,
  createClientThroughApi,
  createProjectThroughApi,
  staffOf,
  uniqueWord,
} from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';

/** The end of a residence permit valid for years to come (plausible: at most 15 years ahead). */
const permitEnd = `${new Date().getUTCFullYear() + 5}-03-31`;

/** A random word in Cyrillic capitals, so native-script names of different tests never collide. */
function uniqueCyrillicWord(prefix: string): string {
  const letters = 'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЮЯ';
  let word = prefix;
  for (let i = 0; i < 8; i++) word += letters[randomInt(letters.length)];
  return word;
}

describe('clients', async () => {
  const t = await createTestApp();
  const receptionist = await staffOf(t, 'receptionist');
  const counsellor = await staffOf(t, 'social_counsellor');

  const get = (id: string) => t.request({ method: 'GET', url: `/api/clients/${id}`, cookie: receptionist.cookie });
  const patch = (id: string, payload: object) =>
    t.request({ method: 'PATCH', url: `/api/clients/${id}`, cookie: receptionist.cookie, payload });
  async function list(query: Record<string, string>): Promise<{ items: ClientSummary[]; total: number }> {
    const response = await t.request({ method: 'GET', url: '/api/clients', query, cookie: receptionist.cookie });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  const countClientsNamed = async (familyName: string) =>
    (await t.database.db.execute(sql`select id from clients where family_name = ${familyName}`)).rows.length;

  describe('registering and reading', () => {
    it('registers a client with a native-script name and a number of the year', async () => {
      const givenNameNative = uniqueCyrillicWord('Олена');
      const response = await t.request({
        method: 'POST',
        url: '/api/clients',
        cookie: receptionist.cookie,
        payload: clientInput({
          givenName: 'Olena',
          familyName: uniqueWord('Kovalenko'),
          givenNameNative,
          familyNameNative: 'Коваленко',
          phone: '+420 777 123 456',
          email: 'olena@example.org',
          preferredLanguage: 'uk',
          address: { street: 'Masarykova 12', municipality: 'Teplice', postcode: '41501', district: 'Teplice' },
          note: 'Came with two children',
        }),
      });
      expect(response.statusCode, response.body).toBe(201);
      const client = response.json() as ClientResponse;
      expect(client).toMatchObject({
        id: expect.any(String),
        givenName: 'Olena',
        givenNameNative,
        familyNameNative: 'Коваленко',
        sex: 'female',
        dateOfBirth: '1990-05-17',
        citizenships: ['UA'],
        languages: ['uk', 'ru'],
        preferredLanguage: 'uk',
        // Stored in E.164 (decision 023).
        phone: '+420777123456',
        email: 'olena@example.org',
        address: { street: 'Masarykova 12', municipality: 'Teplice', postcode: '415 01', district: 'Teplice' },
        note: 'Came with two children',
        archived: false,
        residence: { category: 'temporary_protection', validFrom: '2025-03-01', validUntil: '2027-03-31' },
        consents: [],
      });
      expect(client.residenceHistory).toHaveLength(1);
      expect(client.clientNumber).toMatch(/^\d{4}-\d{5}$/);
      expect(client.clientNumber.slice(0, 4)).toBe(toCentreDate(new Date(client.createdAt)).slice(0, 4));

      const read = await get(client.id);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual(client);
    });

    it('numbers clients one after another, each number once', async () => {
      const numbers = [];
      for (let i = 0; i < 3; i++) numbers.push((await createClientThroughApi(t)).clientNumber);
      expect(new Set(numbers).size).toBe(3);
      const serials = numbers.map((n) => Number(n.slice(5)));
      expect(serials[1]).toBeGreaterThan(serials[0] as number);
      expect(serials[2]).toBeGreaterThan(serials[1] as number);
    });

    it('answers 404 for a client that does not exist, and audits no read', async () => {
      const id = randomUUID();
      const response = await get(id);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String), details: {} } });
      expect(await auditEventsThroughApi(t, { clientId: id })).toEqual([]);
    });

    it('audits every read of one client', async () => {
      const client = await createClientThroughApi(t);
      const first = await get(client.id);
      // Personal data: no browser or proxy keeps a copy.
      expect(first.headers['cache-control']).toBe('no-store');
      await get(client.id);
      await t.request({ method: 'GET', url: `/api/clients/${client.id}`, cookie: counsellor.cookie });
      const reads = await auditEventsThroughApi(t, { clientId: client.id, action: 'client.read' });
      expect(reads).toHaveLength(3);
      expect(reads.map((r) => r.actor?.id).sort()).toEqual([receptionist.userId, receptionist.userId, counsellor.userId].sort());
      expect(reads[0]).toMatchObject({ entityType: 'client', entityId: client.id, clientId: client.id });
    });

    it('audits the creation with the names of the fields given, never their personal values', async () => {
      const client = await createClientThroughApi(t, {
        phone: '+420 603 000 111',
        branchId: (await createBranchThroughApi(t)).id,
        address: { municipality: 'Most', district: 'Most' },
      });
      const [entry] = await auditEventsThroughApi(t, { clientId: client.id, action: 'client.created' });
      expect(entry).toMatchObject({
        actor: { id: receptionist.userId },
        entityId: client.id,
        details: { clientNumber: client.clientNumber },
      });
      const fields = entry?.changes.map((c) => c.field) ?? [];
      expect(fields).toEqual(
        expect.arrayContaining([
          'givenName',
          'familyName',
          'sex',
          'dateOfBirth',
          'citizenships',
          'languages',
          'phone',
          'municipality',
          'district',
          'branchId',
          'residenceCategory',
        ]),
      );
      expect(fields).not.toContain('email');
      for (const change of entry?.changes ?? []) {
        if (['branchId', 'languages', 'preferredLanguage'].includes(change.field)) continue;
        expect(change).toEqual({ field: change.field });
      }
      // What the trail stores (the page resolves the client's name for the reader, from the register).
      const text = JSON.stringify({ ...entry, client: null });
      for (const personal of [client.givenName, client.familyName, '+420 603 000 111', '1990-05-17']) expect(text).not.toContain(personal);
    });
  });

  describe('phone numbers', () => {
    it('stores any common writing of a number in E.164, a number without a country code as Czech', async () => {
      for (const [typed, stored] of [
        ['603 123 451', '+420603123451'],
        ['603123452', '+420603123452'],
        ['00420 603 123 453', '+420603123453'],
        ['+420 (603) 123-454', '+420603123454'],
        ['+380 67 123 4567', '+380671234567'],
        ['+49 30 901820', '+4930901820'],
      ]) {
        const client = await createClientThroughApi(t, { phone: typed });
        expect(client.phone, typed).toBe(stored);
      }
    });

    it('refuses a number that is not a phone number with 400 naming the field, on create and change', async () => {
      const client = await createClientThroughApi(t);
      for (const phone of ['123 456 789', '603 123', '+420 603 123 456 789', '+999 123 456 789', 'call me']) {
        const created = await t.request({
          method: 'POST',
          url: '/api/clients',
          cookie: receptionist.cookie,
          payload: clientInput({ phone }),
        });
        expect(created.statusCode, phone).toBe(400);
        expect(
          created.json().error.details.map((d: { field: string }) => d.field),
          phone,
        ).toEqual(['body.phone']);
        const changed = await patch(client.id, { phone });
        expect(changed.statusCode, phone).toBe(400);
        expect(
          changed.json().error.details.map((d: { field: string }) => d.field),
          phone,
        ).toEqual(['body.phone']);
      }
      expect((await get(client.id)).json().phone).toBeNull();
    });

    it('finds a client by the national digits of a stored E.164 number', async () => {
      const client = await createClientThroughApi(t, { phone: '+420 731 555 019' });
      const found = await t.request({ method: 'GET', url: '/api/clients', cookie: receptionist.cookie, query: { q: '731555019' } });
      expect(found.json().items.map((c: { id: string }) => c.id)).toContain(client.id);
    });
  });

  describe('the district', () => {
    it('is derived from the postcode or municipality when not given, and a given one is kept', async () => {
      const fromPostcode = await createClientThroughApi(t, { address: { postcode: '438 01', municipality: 'Žatec' } });
      expect(fromPostcode.address.district).toBe('Louny');
      const fromTown = await createClientThroughApi(t, { address: { municipality: 'Bílina' } });
      expect(fromTown.address.district).toBe('Teplice');
      const given = await createClientThroughApi(t, { address: { postcode: '400 01', district: 'Most' } });
      expect(given.address.district).toBe('Most');
      const unknown = await createClientThroughApi(t, { address: { postcode: '110 00', municipality: 'Praha' } });
      expect(unknown.address.district).toBeNull();

      // A move: the new postcode gives the new district; a change of the street alone keeps it.
      const moved = await patch(fromPostcode.id, { address: { postcode: '430 01', municipality: 'Chomutov' } });
      expect(moved.json().address.district).toBe('Chomutov');
      const street = await patch(fromPostcode.id, { address: { street: 'Husova 3' } });
      expect(street.json().address).toMatchObject({ street: 'Husova 3', district: 'Chomutov' });
      const kept = await patch(fromPostcode.id, { address: { postcode: '415 01', district: 'Chomutov' } });
      expect(kept.json().address).toMatchObject({ postcode: '415 01', district: 'Chomutov' });
      const [entry] = await auditEventsThroughApi(t, { clientId: fromPostcode.id, action: 'client.updated' });
      expect(entry?.changes).toEqual(expect.arrayContaining([{ field: 'postcode' }]));
    });
  });

  describe('changing', () => {
    it('changes fields and audits their names, with values only for what is not personal', async () => {
      const client = await createClientThroughApi(t, { phone: '+420 777 000 001' });
      const branch = await createBranchThroughApi(t);
      const response = await patch(client.id, {
        phone: '+420 777 000 002',
        languages: ['uk', 'cs'],
        branchId: branch.id,
        address: { postcode: '400 01', district: 'Ústí nad Labem' },
        note: '',
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        phone: '+420777000002',
        languages: ['uk', 'cs'],
        branchId: branch.id,
        address: { postcode: '400 01', district: 'Ústí nad Labem' },
        note: null,
        givenName: client.givenName,
      });
      expect((await get(client.id)).json()).toMatchObject({ phone: '+420777000002', branchId: branch.id });

      const [entry] = await auditEventsThroughApi(t, { clientId: client.id, action: 'client.updated' });
      expect(entry?.changes).toEqual(
        expect.arrayContaining([
          { field: 'phone' },
          { field: 'postcode' },
          { field: 'district' },
          { field: 'languages', before: ['uk', 'ru'], after: ['uk', 'cs'] },
          { field: 'branchId', before: null, after: branch.id },
        ]),
      );
      expect(entry?.changes).toHaveLength(5);
      expect(JSON.stringify(entry)).not.toContain('777000');
    });

    it('writes nothing and audits nothing for a change that changes nothing', async () => {
      const client = await createClientThroughApi(t, { phone: '+420 777 000 004', address: { postcode: '40001', district: 'Most' } });
      const unchanged = [
        {},
        { phone: '+420 777 000 004', givenName: client.givenName, citizenships: ['UA'] },
        { address: { postcode: '400 01', district: 'Most' } },
        { residence: { category: 'temporary_protection', validFrom: '2025-03-01', validUntil: '2027-03-31' } },
      ];
      for (const payload of unchanged) {
        const response = await patch(client.id, payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(200);
        expect(response.json(), JSON.stringify(payload)).toMatchObject({
          id: client.id,
          phone: '+420777000004',
          updatedAt: client.updatedAt,
        });
      }
      expect(await auditEventsThroughApi(t, { clientId: client.id, action: 'client.updated' })).toEqual([]);
      expect((await get(client.id)).json()).toMatchObject({ updatedAt: client.updatedAt, residenceHistory: [expect.anything()] });

      // A real change among unchanged values is written and audited with that field alone.
      const changed = await patch(client.id, { phone: '+420 777 000 005', givenName: client.givenName });
      expect(changed.json().updatedAt).not.toBe(client.updatedAt);
      const entries = await auditEventsThroughApi(t, { clientId: client.id, action: 'client.updated' });
      expect(entries.map((e) => e.changes)).toEqual([[{ field: 'phone' }]]);
    });

    it('answers 404 for a change of a client that does not exist', async () => {
      const response = await patch(randomUUID(), { phone: '+420 777 000 003' });
      expect(response.statusCode).toBe(404);
    });

    it('adds a new residence status to the history and keeps the old one', async () => {
      const client = await createClientThroughApi(t, {
        residence: { category: 'long_term_visa', permitType: 'study', validFrom: '2024-09-01', validUntil: '2025-08-31' },
      });
      const next = { category: 'long_term_residence', permitType: 'employee card', validFrom: '2025-09-01', validUntil: '2027-08-31' };
      const changed = (await patch(client.id, { residence: next })).json() as ClientResponse;
      expect(changed.residence).toMatchObject(next);
      expect(changed.residenceHistory.map((r) => r.category)).toEqual(['long_term_residence', 'long_term_visa']);
      expect(changed.residenceHistory[1]).toMatchObject({ permitType: 'study', validUntil: '2025-08-31' });

      // The same status again is no new record.
      const same = (await patch(client.id, { residence: next })).json() as ClientResponse;
      expect(same.residenceHistory).toHaveLength(2);

      // A corrected permit type is a new record, not a silent no-op.
      const corrected = (await patch(client.id, { residence: { ...next, permitType: 'EU Blue Card' } })).json() as ClientResponse;
      expect(corrected.residence).toMatchObject({ permitType: 'EU Blue Card' });
      expect(corrected.residenceHistory).toHaveLength(3);

      const [entry] = await auditEventsThroughApi(t, { clientId: client.id, action: 'client.updated' });
      expect(entry).toBeDefined();
      const listed = await list({ q: client.familyName, residenceCategory: 'long_term_residence' });
      expect(listed.items.map((c) => c.id)).toEqual([client.id]);
    });

    it('refuses a change that would leave a required field empty', async () => {
      const client = await createClientThroughApi(t);
      for (const payload of [{ givenName: '' }, { givenName: '   ' }, { familyName: null }, { sex: null }]) {
        const response = await patch(client.id, payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      }
      expect((await get(client.id)).json()).toMatchObject({ givenName: client.givenName, familyName: client.familyName, sex: 'female' });
    });
  });

  describe('plausible dates and clean names', () => {
    const fieldsOf = (response: { json: () => unknown }) =>
      (response.json() as { error: { details: { field: string; message: string }[] } }).error.details.map((d) => d.field);
    const today = toCentreDate(new Date());
    const tomorrow = toCentreDate(new Date(Date.now() + 36 * 3_600_000));

    it('refuses a date of birth after today or before 1900, naming the field, and keeps today and 1900', async () => {
      const familyName = uniqueWord('Datumova');
      for (const dateOfBirth of [tomorrow, '2999-01-01', '1899-12-31', '0100-01-01']) {
        const response = await t.request({
          method: 'POST',
          url: '/api/clients',
          cookie: receptionist.cookie,
          payload: clientInput({ familyName, dateOfBirth }),
        });
        expect(response.statusCode, dateOfBirth).toBe(400);
        expect(fieldsOf(response), dateOfBirth).toEqual(['body.dateOfBirth']);
      }
      expect(await countClientsNamed(familyName)).toBe(0);
      const client = await createClientThroughApi(t, { dateOfBirth: '1900-01-01' });
      expect((await patch(client.id, { dateOfBirth: today })).statusCode).toBe(200);
      const refused = await patch(client.id, { dateOfBirth: tomorrow });
      expect(fieldsOf(refused)).toEqual(['body.dateOfBirth']);
      expect((await get(client.id)).json().dateOfBirth).toBe(today);
    });

    it('refuses residence validity outside 1950 … a year ahead (from) and 15 years ahead (until)', async () => {
      const client = await createClientThroughApi(t);
      const inYears = (years: number) => `${Number(today.slice(0, 4)) + years}-${today.slice(5, 7)}-01`;
      for (const [residence, field] of [
        [{ category: 'asylum', validFrom: '1949-12-31' }, 'body.residence.validFrom'],
        [{ category: 'asylum', validFrom: inYears(2) }, 'body.residence.validFrom'],
        [{ category: 'asylum', validUntil: inYears(16) }, 'body.residence.validUntil'],
        [{ category: 'asylum', validUntil: '9999-12-31' }, 'body.residence.validUntil'],
      ] as const) {
        const response = await patch(client.id, { residence });
        expect(response.statusCode, JSON.stringify(residence)).toBe(400);
        expect(fieldsOf(response)).toContain(field);
      }
      const kept = await patch(client.id, { residence: { category: 'asylum', validFrom: '1950-01-01', validUntil: inYears(10) } });
      expect(kept.statusCode, kept.body).toBe(200);
    });

    it('strips bidirectional and zero-width characters from names in both scripts, and refuses a name left empty', async () => {
      const familyName = uniqueWord('Horbunov');
      const response = await t.request({
        method: 'POST',
        url: '/api/clients',
        cookie: receptionist.cookie,
        payload: clientInput({
          givenName: '\u202EIvan\u202C',
          familyName: `\u200B${familyName}\uFEFF`,
          givenNameNative: '\u2067Іван\u2069',
          familyNameNative: '\u200FГорбунов\u061C',
          confirmDuplicate: true,
        }),
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ givenName: 'Ivan', familyName, givenNameNative: 'Іван', familyNameNative: 'Горбунов' });
      for (const payload of [{ givenName: '\u200B' }, { familyName: '\u202E\u202C' }, { givenNameNative: '\u200E\u200F' }]) {
        const refused = await patch(response.json().id, payload);
        expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
        expect(fieldsOf(refused)).toEqual([`body.${Object.keys(payload)[0]}`]);
      }
      expect((await get(response.json().id)).json()).toMatchObject({ givenName: 'Ivan', givenNameNative: 'Іван' });
    });
  });

  describe('consents', () => {
    it('records a consent and its withdrawal', async () => {
      const client = await createClientThroughApi(t);
      const given = await t.request({
        method: 'POST',
        url: `/api/clients/${client.id}/consents`,
        cookie: receptionist.cookie,
        payload: { purpose: 'photos_and_media', givenOn: '2026-03-02', note: 'signed form' },
      });
      expect(given.statusCode, given.body).toBe(201);
      const [consent] = (given.json() as ClientResponse).consents;
      expect(consent).toMatchObject({
        purpose: 'photos_and_media',
        givenOn: '2026-03-02',
        withdrawnOn: null,
        note: 'signed form',
        recordedBy: { id: receptionist.userId, name: expect.any(String) },
      });
      const consentId = consent?.id as string;
      const withdrawUrl = `/api/clients/${client.id}/consents/${consentId}/withdraw`;

      const tooEarly = await t.request({
        method: 'POST',
        url: withdrawUrl,
        cookie: receptionist.cookie,
        payload: { withdrawnOn: '2026-03-01' },
      });
      expect(tooEarly.statusCode).toBe(400);
      expect(tooEarly.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ field: 'body.withdrawnOn' }] } });

      const withdrawn = await t.request({
        method: 'POST',
        url: withdrawUrl,
        cookie: receptionist.cookie,
        payload: { withdrawnOn: '2026-04-15' },
      });
      expect(withdrawn.statusCode).toBe(200);
      expect((withdrawn.json() as ClientResponse).consents[0]).toMatchObject({ id: consentId, withdrawnOn: '2026-04-15' });

      const again = await t.request({
        method: 'POST',
        url: withdrawUrl,
        cookie: receptionist.cookie,
        payload: { withdrawnOn: '2026-04-16' },
      });
      expect(again.statusCode).toBe(409);
      expect((await get(client.id)).json()).toMatchObject({ consents: [{ id: consentId, withdrawnOn: '2026-04-15' }] });

      const actions = (await auditEventsThroughApi(t, { clientId: client.id })).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['client.consent_given', 'client.consent_withdrawn']));
    });

    it('answers 404 for a consent of another client or a client that does not exist', async () => {
      const owner = await createClientThroughApi(t);
      const other = await createClientThroughApi(t);
      const given = await t.request({
        method: 'POST',
        url: `/api/clients/${owner.id}/consents`,
        cookie: receptionist.cookie,
        payload: { purpose: 'data_processing', givenOn: '2026-01-10' },
      });
      const consentId = (given.json() as ClientResponse).consents[0]?.id as string;
      const wrongClient = await t.request({
        method: 'POST',
        url: `/api/clients/${other.id}/consents/${consentId}/withdraw`,
        cookie: receptionist.cookie,
        payload: { withdrawnOn: '2026-02-01' },
      });
      expect(wrongClient.statusCode).toBe(404);
      const noClient = await t.request({
        method: 'POST',
        url: `/api/clients/${randomUUID()}/consents`,
        cookie: receptionist.cookie,
        payload: { purpose: 'data_processing', givenOn: '2026-01-10' },
      });
      expect(noClient.statusCode).toBe(404);
      expect((await get(owner.id)).json()).toMatchObject({ consents: [{ id: consentId, withdrawnOn: null }] });
    });
  });

  describe('archiving', () => {
    it('refuses new consents of an archived client with 409, but lets a consent be withdrawn', async () => {
      const client = await createClientThroughApi(t);
      const consentsUrl = `/api/clients/${client.id}/consents`;
      const given = await t.request({
        method: 'POST',
        url: consentsUrl,
        cookie: receptionist.cookie,
        payload: { purpose: 'photos_and_media', givenOn: '2026-03-02' },
      });
      expect(given.statusCode, given.body).toBe(201);
      const consentId = (given.json() as ClientResponse).consents[0]?.id as string;
      const archived = await t.request({
        method: 'POST',
        url: `/api/clients/${client.id}/archive`,
        cookie: counsellor.cookie,
        payload: { reason: 'moved away' },
      });
      expect(archived.statusCode, archived.body).toBe(200);

      const added = await t.request({
        method: 'POST',
        url: consentsUrl,
        cookie: receptionist.cookie,
        payload: { purpose: 'newsletter', givenOn: '2026-04-01' },
      });
      expect(added.statusCode).toBe(409);
      expect(added.json()).toEqual({ error: { code: 'CONFLICT', message: expect.any(String), details: {} } });
      const withdrawn = await t.request({
        method: 'POST',
        url: `${consentsUrl}/${consentId}/withdraw`,
        cookie: receptionist.cookie,
        payload: { withdrawnOn: '2026-04-15' },
      });
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);

      expect((await get(client.id)).json()).toMatchObject({ consents: [{ id: consentId, withdrawnOn: '2026-04-15' }] });
      const actions = (await auditEventsThroughApi(t, { clientId: client.id })).map((e) => e.action);
      expect(actions.filter((a) => a === 'client.consent_given')).toHaveLength(1);
      expect(actions.filter((a) => a === 'client.consent_withdrawn')).toHaveLength(1);
    });

    it('archives and restores a client; an archived client cannot be changed', async () => {
      const client = await createClientThroughApi(t);
      const archive = (reason: object) =>
        t.request({ method: 'POST', url: `/api/clients/${client.id}/archive`, cookie: counsellor.cookie, payload: reason });

      const archived = await archive({ reason: 'moved to Prague' });
      expect(archived.statusCode, archived.body).toBe(200);
      expect(archived.json()).toMatchObject({ archived: true, archiveReason: 'moved to Prague', archivedAt: expect.any(String) });
      expect((await archive({ reason: 'again' })).statusCode).toBe(409);

      const refused = await patch(client.id, { phone: '+420 777 000 004' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toEqual({ error: { code: 'CONFLICT', message: expect.any(String), details: {} } });
      expect((await get(client.id)).json()).toMatchObject({ phone: null, archived: true });

      expect((await list({ q: client.familyName })).items).toEqual([]);
      expect((await list({ q: client.familyName, archived: 'true' })).items.map((c) => c.id)).toEqual([client.id]);
      expect((await list({ q: client.familyName, archived: 'all' })).total).toBe(1);

      const restore = () => t.request({ method: 'POST', url: `/api/clients/${client.id}/unarchive`, cookie: counsellor.cookie });
      const restored = await restore();
      expect(restored.statusCode).toBe(200);
      expect(restored.json()).toMatchObject({ archived: false, archiveReason: null, archivedAt: null });
      expect((await restore()).statusCode).toBe(409);
      expect((await patch(client.id, { phone: '+420 777 000 004' })).statusCode).toBe(200);

      const actions = (await auditEventsThroughApi(t, { clientId: client.id })).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['client.archived', 'client.unarchived']));
    });
  });

  describe('duplicates', () => {
    it('refuses a likely duplicate with its candidates and saves nothing, until confirmed', async () => {
      const existing = await createClientThroughApi(t, {
        givenName: uniqueWord('Ivan'),
        familyName: uniqueWord('Petrenko'),
        givenNameNative: uniqueCyrillicWord('Іван'),
        familyNameNative: uniqueCyrillicWord('Петренко'),
        sex: 'male',
        dateOfBirth: '1985-01-01',
      });
      const again = {
        givenName: existing.givenName,
        familyName: existing.familyName,
        sex: 'male' as const,
        dateOfBirth: '1985-01-01',
      };
      const post = (payload: object) => t.request({ method: 'POST', url: '/api/clients', cookie: receptionist.cookie, payload });

      const variants = [
        again,
        // Names swapped, case changed, a date of birth unknown on one side, names in the native script only.
        { ...again, givenName: existing.familyName, familyName: existing.givenName },
        { ...again, givenName: existing.givenName.toUpperCase(), familyName: existing.familyName.toLowerCase() },
        { ...again, dateOfBirth: null },
        {
          ...again,
          givenName: uniqueWord('Other'),
          familyName: uniqueWord('Other'),
          givenNameNative: (existing.givenNameNative as string).toLowerCase(),
          familyNameNative: existing.familyNameNative,
        },
      ];
      for (const variant of variants) {
        const refused = await post(variant);
        expect(refused.statusCode, JSON.stringify(variant)).toBe(409);
        const error = refused.json().error;
        expect(error.code).toBe('DUPLICATE_SUSPECTED');
        expect(error.details.candidates).toEqual([
          expect.objectContaining({
            id: existing.id,
            clientNumber: existing.clientNumber,
            match: expect.objectContaining({ level: 'likely', reasons: expect.any(Array) }),
          }),
        ]);
      }
      expect((await post(again)).json().error.details.candidates[0].match).toMatchObject({
        // Same names and birth date; citizenship unknown on one side.
        score: 0.95,
        reasons: ['passport_name', 'date_of_birth'],
      });
      expect(await countClientsNamed(existing.familyName)).toBe(1);

      // Another date of birth is another person.
      const namesake = await post({ ...again, dateOfBirth: '1990-12-24' });
      expect(namesake.statusCode).toBe(201);

      const confirmed = await post({ ...again, confirmDuplicate: true });
      expect(confirmed.statusCode).toBe(201);
      const saved = confirmed.json() as ClientResponse;
      expect(saved.id).not.toBe(existing.id);
      expect(await countClientsNamed(existing.familyName)).toBe(3);
      const [entry] = await auditEventsThroughApi(t, { clientId: saved.id, action: 'client.duplicate_confirmed' });
      expect(entry).toMatchObject({ actor: { id: receptionist.userId }, details: { candidateIds: expect.arrayContaining([existing.id]) } });
    });

    it('registers a person sent twice at the same moment (a double-clicked Save) only once', async () => {
      const input = clientInput();
      const responses = await Promise.all(
        [0, 1].map(() => t.request({ method: 'POST', url: '/api/clients', cookie: receptionist.cookie, payload: input })),
      );
      expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(responses.find((r) => r.statusCode === 409)?.json().error.code).toBe('DUPLICATE_SUSPECTED');
      expect(await countClientsNamed(input.familyName)).toBe(1);
    });

    it('does not offer archived clients as duplicates', async () => {
      const existing = await createClientThroughApi(t);
      await t.request({
        method: 'POST',
        url: `/api/clients/${existing.id}/archive`,
        cookie: counsellor.cookie,
        payload: { reason: 'left' },
      });
      const { residence: _residence, ...same } = clientInput({ givenName: existing.givenName, familyName: existing.familyName });
      const response = await t.request({ method: 'POST', url: '/api/clients', cookie: receptionist.cookie, payload: same });
      expect(response.statusCode).toBe(201);
    });
  });

  describe('finding', () => {
    it('takes LIKE wildcards in the search literally, also in their full-width forms', async () => {
      const client = await createClientThroughApi(t);
      // Found first; similar spellings of other test clients' names may follow it.
      expect((await list({ q: client.familyName })).items[0]?.id).toBe(client.id);
      for (const q of ['％％', '＿＿', '%%', '__']) {
        const found = await list({ q, archived: 'all', limit: '100' });
        expect(found.items.map((c) => c.id)).not.toContain(client.id);
        for (const c of found.items) {
          const names = [c.givenName, c.familyName, c.givenNameNative, c.familyNameNative].join(' ').normalize('NFKC');
          expect(names, q).toContain(q.normalize('NFKC'));
        }
      }
    });

    it('pages, sorts and filters, and counts the total', async () => {
      const tag = uniqueWord('List');
      const branch = await createBranchThroughApi(t);
      const made = [];
      const specs = [
        { givenName: 'Anh', citizenships: ['VN'], dateOfBirth: '1979-02-01', residence: { category: 'permanent_residence' } },
        { givenName: 'Bolat', citizenships: ['KZ'], dateOfBirth: '2001-07-15', branchId: branch.id },
        { givenName: 'Chen', citizenships: ['CN', 'VN'], dateOfBirth: null, residence: { category: 'long_term_visa' } },
        { givenName: 'Dilnoza', citizenships: ['UZ'], dateOfBirth: '1995-11-30', branchId: branch.id },
        { givenName: 'Emre', citizenships: ['TR'], dateOfBirth: '1988-04-04', residence: { category: 'long_term_visa' } },
      ];
      for (const [i, spec] of specs.entries()) {
        made.push(await createClientThroughApi(t, { familyName: `${tag}${'edcba'[i]}`, ...spec } as never));
      }
      const ids = (page: { items: ClientSummary[] }) => page.items.map((c) => c.givenName);

      // A search sorts by relevance unless told otherwise; these five match the tag equally well or nearly so.
      expect((await list({ q: tag })).items.every((c) => (c as { match?: unknown }).match)).toBe(true);
      const all = await list({ q: tag, sort: 'familyName' });
      expect(all.total).toBe(5);
      expect(ids(all)).toEqual(['Emre', 'Dilnoza', 'Chen', 'Bolat', 'Anh']);
      expect(ids(await list({ q: tag, sort: 'givenName' }))).toEqual(['Anh', 'Bolat', 'Chen', 'Dilnoza', 'Emre']);
      expect(ids(await list({ q: tag, sort: 'givenName', order: 'desc' }))).toEqual(['Emre', 'Dilnoza', 'Chen', 'Bolat', 'Anh']);
      expect(ids(await list({ q: tag, sort: 'dateOfBirth' }))).toEqual(['Anh', 'Emre', 'Dilnoza', 'Bolat', 'Chen']);
      expect(ids(await list({ q: tag, sort: 'clientNumber' }))).toEqual(['Anh', 'Bolat', 'Chen', 'Dilnoza', 'Emre']);
      expect(ids(await list({ q: tag, sort: 'createdAt', order: 'desc' }))).toEqual(['Emre', 'Dilnoza', 'Chen', 'Bolat', 'Anh']);

      const first = await list({ q: tag, sort: 'givenName', limit: '2' });
      const second = await list({ q: tag, sort: 'givenName', limit: '2', offset: '2' });
      const last = await list({ q: tag, sort: 'givenName', limit: '2', offset: '4' });
      expect([ids(first), ids(second), ids(last)]).toEqual([['Anh', 'Bolat'], ['Chen', 'Dilnoza'], ['Emre']]);
      expect([first.total, second.total, last.total]).toEqual([5, 5, 5]);
      expect(await list({ q: tag, offset: '10' })).toEqual({ items: [], total: 5 });

      expect(ids(await list({ q: tag, citizenship: 'VN', sort: 'givenName' }))).toEqual(['Anh', 'Chen']);
      expect(ids(await list({ q: tag, residenceCategory: 'long_term_visa', sort: 'givenName' }))).toEqual(['Chen', 'Emre']);
      expect(ids(await list({ q: tag, branchId: branch.id, sort: 'givenName' }))).toEqual(['Bolat', 'Dilnoza']);
      expect(ids(await list({ q: tag, citizenship: 'VN', residenceCategory: 'permanent_residence' }))).toEqual(['Anh']);
      expect(await list({ branchId: branch.id, citizenship: 'KZ' })).toMatchObject({ total: 1, items: [{ id: made[1]?.id }] });
    });

    it('filters by eligibility for a project, and shows eligibility with its reasons on the client', async () => {
      const project = await createProjectThroughApi(t);
      const tag = uniqueWord('Elig');
      const valid = { category: 'temporary_protection' as const, validFrom: '2022-03-01', validUntil: permitEnd };
      const inRegion = await createClientThroughApi(t, {
        familyName: `${tag}a`,
        citizenships: ['UA'],
        residence: valid,
        address: { district: 'Teplice' },
      });
      const applicant = await createClientThroughApi(t, {
        familyName: `${tag}b`,
        citizenships: ['SY'],
        residence: { category: 'asylum_applicant' },
        address: { district: 'Most' },
      });
      const elsewhere = await createClientThroughApi(t, { familyName: `${tag}c`, citizenships: ['UA'], residence: valid });

      const eligibilityOf = async (id: string) =>
        ((await get(id)).json() as ClientResponse).eligibility.find((e) => e.projectId === project.id);
      expect(await eligibilityOf(inRegion.id)).toEqual({
        projectId: project.id,
        projectCode: project.code,
        eligible: true,
        reasons: [
          { code: 'third_country_national', ok: true, params: { country: 'UA' } },
          { code: 'residence_qualifies', ok: true, params: { category: 'temporary_protection', validUntil: permitEnd } },
          { code: 'lives_in_region', ok: true, params: { district: 'Teplice', region: 'CZ-42' } },
        ],
      });
      expect(await eligibilityOf(applicant.id)).toMatchObject({
        eligible: false,
        reasons: expect.arrayContaining([expect.objectContaining({ code: 'residence_not_in_target_group', ok: false })]),
      });
      expect(await eligibilityOf(elsewhere.id)).toMatchObject({
        eligible: false,
        reasons: expect.arrayContaining([expect.objectContaining({ code: 'address_missing', ok: false })]),
      });

      const names = async (eligible: string) =>
        (await list({ q: tag, projectId: project.id, eligible, sort: 'familyName' })).items.map((c) => c.id);
      expect(await names('true')).toEqual([inRegion.id]);
      expect(await names('false')).toEqual([applicant.id, elsewhere.id]);

      // Moving into the region makes the client eligible, in the list too.
      await patch(elsewhere.id, { address: { district: 'Děčín' } });
      expect(await names('true')).toEqual([inRegion.id, elsewhere.id]);

      // An inactive project is neither shown nor filtered by.
      await t.request({
        method: 'PATCH',
        url: `/api/projects/${project.id}`,
        cookie: (await staffOf(t, 'coordinator')).cookie,
        payload: { active: false },
      });
      expect(await eligibilityOf(inRegion.id)).toBeUndefined();
      expect(await names('true')).toEqual([]);
    });

    it('finds names whatever the accents, case and script', async () => {
      const given = uniqueWord('Taras');
      const nativeGiven = uniqueCyrillicWord('ТАРАС');
      const client = await createClientThroughApi(t, {
        givenName: given,
        familyName: 'Ševčenko',
        givenNameNative: nativeGiven,
        familyNameNative: 'ШЕВЧЕНКО',
        sex: 'male',
      });
      const vietnamese = await createClientThroughApi(t, {
        givenName: uniqueWord('Duc'),
        familyName: 'Nguyễn',
        givenNameNative: 'Đức',
        familyNameNative: 'Nguyễn',
        citizenships: ['VN'],
      });
      const found = async (q: string) => (await list({ q, archived: 'all' })).items.map((c) => c.id);
      for (const q of [`sevcenko ${given}`, `SEVCENKO ${given.toUpperCase()}`, `Ševčenko ${given}`, `ševč ${given.slice(0, 12)}`]) {
        expect(await found(q), q).toEqual([client.id]);
      }
      for (const q of [`шевченко ${nativeGiven.toLowerCase()}`, `ШЕВЧЕНКО ${nativeGiven}`, `${nativeGiven.toLowerCase()} шевч`]) {
        expect(await found(q), q).toEqual([client.id]);
      }
      expect(await found(`nguyen ${vietnamese.givenName.toLowerCase()}`)).toEqual([vietnamese.id]);
      expect(await found(`NGUYỄN duc ${vietnamese.givenName}`)).toEqual([vietnamese.id]);
      expect(await found(`sevcenko ${given} nobodyelse`)).toEqual([]);
    });

    it('matches %, _ and \\ literally', async () => {
      const tag = uniqueWord('Wild');
      const made: Record<string, string> = {};
      for (const [key, familyName] of Object.entries({
        percent: `${tag}a%b`,
        plain: `${tag}axxb`,
        underscore: `${tag}a_b`,
        backslash: `${tag}a\\b`,
      })) {
        made[key] = (await createClientThroughApi(t, { familyName })).id;
      }
      const found = async (q: string) => (await list({ q })).items.map((c) => c.id);
      expect(await found(`${tag}a%b`)).toEqual([made.percent]);
      expect(await found(`${tag}a_b`)).toEqual([made.underscore]);
      expect(await found(`${tag}a\\b`)).toEqual([made.backslash]);
      expect((await found(tag)).length).toBe(4);
      expect(await found('%%')).not.toContain(made.plain);
    });

    it('finds a client by number, with or without the leading zeros', async () => {
      const client = await createClientThroughApi(t);
      const [year, serial] = client.clientNumber.split('-') as [string, string];
      expect((await list({ q: client.clientNumber })).items.map((c) => c.id)).toEqual([client.id]);
      expect((await list({ q: `${year}-${Number(serial)}` })).items.map((c) => c.id)).toEqual([client.id]);
      expect((await list({ q: ` ${client.clientNumber} ` })).items.map((c) => c.id)).toEqual([client.id]);
    });

    it('refuses a search of one character', async () => {
      const response = await t.request({ method: 'GET', url: '/api/clients', query: { q: 'a' }, cookie: receptionist.cookie });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ field: 'querystring.q' }] } });
    });
  });
});
