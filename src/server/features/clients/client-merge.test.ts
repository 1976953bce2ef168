import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type ClientResponse, type ClientSummary, roles } from '../../../shared/index.js';
import {
  type AuditItem,
  auditEventsThroughApi,
  createBranchThroughApi,
  createClientThroughApi,
  createProjectThroughApi,
  staffOf,
  uniqueWord,
} from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';
import { clientReferences } from './client-merge.repo.js';
import { nameKeyColumns } from './name-keys.service.js';

/** The end of a residence permit valid for years to come (plausible: at most 15 years ahead). */
const permitEnd = `${new Date().getUTCFullYear() + 5}-03-31`;

describe('merging two records of one person', async () => {
  // A database of its own: the tests count every client in the register.
  const t = await createTestApp({}, { freshDatabase: true });
  const coordinator = await staffOf(t, 'coordinator');
  const receptionist = await staffOf(t, 'receptionist');
  const reason = 'Registered twice, at Teplice and at Most';

  const merge = (survivorId: string, payload: object, cookie = coordinator.cookie) =>
    t.request({ method: 'POST', url: `/api/clients/${survivorId}/merge`, cookie, payload });
  async function mergeOk(survivorId: string, duplicateId: string, takeFromDuplicate: string[] = []): Promise<ClientResponse> {
    const response = await merge(survivorId, { duplicateId, takeFromDuplicate, reason });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  async function get(id: string): Promise<ClientResponse> {
    const response = await t.request({ method: 'GET', url: `/api/clients/${id}`, cookie: receptionist.cookie });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  async function list(query: Record<string, string>): Promise<{ items: ClientSummary[]; total: number }> {
    const response = await t.request({ method: 'GET', url: '/api/clients', query, cookie: receptionist.cookie });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  /** Two records of one person, as registered twice: the same names and birth date. */
  async function pair(
    survivor: Parameters<typeof createClientThroughApi>[1] = {},
    duplicate: Parameters<typeof createClientThroughApi>[1] = {},
  ) {
    const names = { givenName: uniqueWord('Olena'), familyName: uniqueWord('Bondar') };
    const first = await createClientThroughApi(t, { ...names, ...survivor });
    const second = await createClientThroughApi(t, { ...names, confirmDuplicate: true, ...duplicate });
    return { survivor: first, duplicate: second };
  }
  const rowsOf = async (table: 'residence_records' | 'consents' | 'client_eligibility', clientId: string) =>
    (await t.database.db.execute(sql`select * from ${sql.identifier(table)} where client_id = ${clientId}`)).rows;
  const mergeEvents = (clientId: string) =>
    auditEventsThroughApi(t, { clientId }).then((events) => events.filter((e) => e.action.startsWith('client.merged')));

  describe('who may merge', () => {
    it('lets a coordinator merge, and no other role; a refused merge changes nothing', async () => {
      for (const role of roles) {
        const { survivor, duplicate } = await pair();
        const { cookie } = await staffOf(t, role);
        const response = await merge(survivor.id, { duplicateId: duplicate.id, reason }, cookie);
        expect(response.statusCode, `${role}: ${response.body}`).toBe(role === 'coordinator' ? 200 : 403);
        if (role !== 'coordinator') {
          expect(response.json()).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String), details: {} } });
          expect((await get(duplicate.id)).mergedInto).toBeNull();
        }
      }
      const { survivor, duplicate } = await pair();
      const signedOut = await t.request({
        method: 'POST',
        url: `/api/clients/${survivor.id}/merge`,
        payload: { duplicateId: duplicate.id, reason },
      });
      expect(signedOut.statusCode).toBe(401);
    });
  });

  describe('the merged record', () => {
    it('takes the chosen fields from the duplicate, the address whole, and keeps the survivor’s others', async () => {
      const branch = await createBranchThroughApi(t);
      const { survivor, duplicate } = await pair(
        {
          phone: '+420 601 111 222',
          email: 'olena@example.org',
          address: { street: 'Masarykova 12', municipality: 'Teplice', postcode: '41501', district: 'Teplice' },
          note: 'Kept note',
        },
        {
          givenName: uniqueWord('Olha'),
          phone: '+420 777 333 444',
          email: null,
          address: { municipality: 'Most', district: 'Most' },
          note: 'Other note',
          branchId: branch.id,
        },
      );
      const merged = await mergeOk(survivor.id, duplicate.id, ['phone', 'address', 'branchId']);
      expect(merged).toMatchObject({
        id: survivor.id,
        clientNumber: survivor.clientNumber,
        givenName: survivor.givenName,
        familyName: survivor.familyName,
        phone: '+420777333444',
        email: 'olena@example.org',
        address: { street: null, municipality: 'Most', postcode: null, district: 'Most' },
        note: 'Kept note',
        branchId: branch.id,
        archived: false,
        mergedInto: null,
        mergedFrom: [{ id: duplicate.id, clientNumber: duplicate.clientNumber }],
      });
      expect(Date.parse(merged.updatedAt)).toBeGreaterThan(Date.parse(survivor.updatedAt));
      expect(await get(survivor.id)).toEqual(merged);
    });

    it('recomputes the name search keys when a name is taken from the duplicate', async () => {
      const { survivor, duplicate } = await pair({}, { familyName: uniqueWord('Bondarenko'), givenNameNative: 'Олена' });
      const merged = await mergeOk(survivor.id, duplicate.id, ['familyName', 'givenNameNative']);
      expect(merged).toMatchObject({ givenName: survivor.givenName, familyName: duplicate.familyName, givenNameNative: 'Олена' });
      const { rows } = await t.database.db.execute<{ name_keys: string[]; name_key_text: string }>(
        sql`select name_keys, name_key_text from clients where id = ${survivor.id}`,
      );
      const expected = nameKeyColumns({ givenName: survivor.givenName, familyName: duplicate.familyName, givenNameNative: 'Олена' });
      expect(rows[0]).toEqual({ name_keys: expected.nameKeys, name_key_text: expected.nameKeyText });
    });

    it('moves residence history and consents; the current residence is the newest of both', async () => {
      const older = { category: 'long_term_visa' as const, validFrom: '2024-01-01', validUntil: '2024-12-31' };
      const newer = { category: 'temporary_protection' as const, validFrom: '2025-03-01', validUntil: permitEnd };
      // The survivor was registered first: the duplicate's status is the newer one.
      const { survivor, duplicate } = await pair({ residence: older }, { residence: newer });
      for (const [client, purpose] of [
        [survivor, 'data_processing'],
        [duplicate, 'funder_reporting'],
        [duplicate, 'newsletter'],
      ] as const) {
        const response = await t.request({
          method: 'POST',
          url: `/api/clients/${client.id}/consents`,
          cookie: receptionist.cookie,
          payload: { purpose, givenOn: '2025-04-01' },
        });
        expect(response.statusCode, response.body).toBe(201);
      }
      const merged = await mergeOk(survivor.id, duplicate.id);
      expect(merged.residence).toMatchObject(newer);
      expect(merged.residenceHistory.map((r) => r.category)).toEqual(['temporary_protection', 'long_term_visa']);
      expect(merged.consents.map((c) => c.purpose).sort()).toEqual(['data_processing', 'funder_reporting', 'newsletter']);
      expect((await rowsOf('residence_records', survivor.id)).length).toBe(2);
      expect((await rowsOf('consents', survivor.id)).length).toBe(3);
      expect(await rowsOf('residence_records', duplicate.id)).toEqual([]);
      expect(await rowsOf('consents', duplicate.id)).toEqual([]);
      // The copy on the record, which lists filter and sort by.
      const { rows } = await t.database.db.execute(
        sql`select residence_category, residence_valid_until from clients where id = ${survivor.id}`,
      );
      expect(rows).toEqual([{ residence_category: 'temporary_protection', residence_valid_until: permitEnd }]);

      // Registered the other way round, the survivor's own status is the newest and stays current.
      const names = { givenName: uniqueWord('Iryna'), familyName: uniqueWord('Melnyk') };
      const earlier = await createClientThroughApi(t, { ...names, residence: older });
      const later = await createClientThroughApi(t, { ...names, residence: newer, confirmDuplicate: true });
      const kept = await mergeOk(later.id, earlier.id);
      expect(kept.residence).toMatchObject(newer);
      expect(kept.residenceHistory.map((r) => r.category)).toEqual(['temporary_protection', 'long_term_visa']);
    });

    it('moves the counselling records; of two open plans, closes the duplicate’s as records_merged', async () => {
      const social = await staffOf(t, 'social_counsellor');
      const as = (method: 'POST' | 'GET', url: string, payload?: object) => t.request({ method, url, payload, cookie: social.cookie });
      const { survivor, duplicate } = await pair();
      for (const client of [survivor, duplicate]) expect((await as('POST', `/api/clients/${client.id}/plans`, {})).statusCode).toBe(201);
      const consultation = await as('POST', `/api/clients/${duplicate.id}/consultations`, {
        startedAt: '2026-03-16T09:30:00+01:00',
        durationMinutes: 30,
        form: 'phone',
        kind: 'social',
        topics: ['housing'],
      });
      expect(consultation.statusCode, consultation.body).toBe(201);
      const task = await as('POST', '/api/tasks', { title: 'Call back', dueOn: '2026-12-01', clientId: duplicate.id });
      expect(task.statusCode, task.body).toBe(201);

      await mergeOk(survivor.id, duplicate.id);
      const plans = (await as('GET', `/api/clients/${survivor.id}/plans`)).json() as {
        items: { status: string; outcome: string | null }[];
      };
      expect(plans.items.map((plan) => [plan.status, plan.outcome]).sort()).toEqual([
        ['closed', 'records_merged'],
        ['open', null],
      ]);
      const consultations = (await as('GET', `/api/clients/${survivor.id}/consultations`)).json() as { items: { id: string }[] };
      expect(consultations.items.map((c) => c.id)).toEqual([consultation.json().id]);
      const tasks = (await as('GET', `/api/tasks?clientId=${survivor.id}`)).json() as { items: { id: string }[] };
      expect(tasks.items.map((item) => item.id)).toEqual([task.json().id]);
      const closings = await auditEventsThroughApi(t, { clientId: survivor.id, action: 'plan.closed' });
      expect(closings).toHaveLength(1);
      expect(closings[0]?.details).toMatchObject({ outcome: 'records_merged', duplicateId: duplicate.id });
    });

    it('recomputes the survivor’s eligibility and drops the duplicate’s', async () => {
      const project = await createProjectThroughApi(t);
      const { survivor, duplicate } = await pair(
        {
          citizenships: ['UA'],
          residence: { category: 'temporary_protection', validFrom: '2022-03-01', validUntil: '2024-03-31' },
          address: { district: 'Praha' },
        },
        {
          citizenships: ['UA'],
          residence: { category: 'temporary_protection', validFrom: '2024-04-01', validUntil: permitEnd },
          address: { district: 'Teplice' },
        },
      );
      const eligibility = (client: ClientResponse) => client.eligibility.find((e) => e.projectId === project.id)?.eligible;
      expect(eligibility(survivor)).toBe(false);
      expect(eligibility(duplicate)).toBe(true);

      const merged = await mergeOk(survivor.id, duplicate.id, ['address']);
      expect(merged.eligibility.find((e) => e.projectId === project.id)).toMatchObject({
        eligible: true,
        reasons: expect.arrayContaining([
          { code: 'residence_qualifies', ok: true, params: { category: 'temporary_protection', validUntil: permitEnd } },
          { code: 'lives_in_region', ok: true, params: { district: 'Teplice', region: 'CZ-42' } },
        ]),
      });
      expect((await rowsOf('client_eligibility', survivor.id)).filter((r) => r.project_id === project.id)).toMatchObject([
        { eligible: true },
      ]);
      expect(await rowsOf('client_eligibility', duplicate.id)).toEqual([]);
      const eligible = await list({ projectId: project.id, eligible: 'true', archived: 'all', limit: '100' });
      expect(eligible.items.map((c) => c.id)).toContain(survivor.id);
      expect(eligible.items.map((c) => c.id)).not.toContain(duplicate.id);
    });

    it('keeps the duplicate, archived and pointing to the survivor, which lists it', async () => {
      const { survivor, duplicate } = await pair();
      await mergeOk(survivor.id, duplicate.id);
      const old = await get(duplicate.id);
      expect(old).toMatchObject({
        id: duplicate.id,
        clientNumber: duplicate.clientNumber,
        givenName: duplicate.givenName,
        archived: true,
        archiveReason: reason,
        archivedAt: expect.any(String),
        mergedInto: { id: survivor.id, clientNumber: survivor.clientNumber },
        mergedFrom: [],
        residenceHistory: [],
        consents: [],
      });
      expect((await get(survivor.id)).mergedFrom).toEqual([{ id: duplicate.id, clientNumber: duplicate.clientNumber }]);
    });

    it('may merge an archived duplicate', async () => {
      const { survivor, duplicate } = await pair();
      const archived = await t.request({
        method: 'POST',
        url: `/api/clients/${duplicate.id}/archive`,
        cookie: coordinator.cookie,
        payload: { reason: 'Moved away' },
      });
      expect(archived.statusCode, archived.body).toBe(200);
      await mergeOk(survivor.id, duplicate.id, ['phone']);
      expect(await get(duplicate.id)).toMatchObject({ archived: true, archiveReason: reason, mergedInto: { id: survivor.id } });
    });

    it('flattens chains: records merged earlier into the duplicate then point to the survivor', async () => {
      const { survivor, duplicate } = await pair();
      const earlier = await createClientThroughApi(t, {
        givenName: survivor.givenName,
        familyName: survivor.familyName,
        confirmDuplicate: true,
        residence: { category: 'permanent_residence' },
      });
      await mergeOk(duplicate.id, earlier.id);
      expect((await get(duplicate.id)).residenceHistory).toHaveLength(2);

      const merged = await mergeOk(survivor.id, duplicate.id);
      expect(merged.mergedFrom).toEqual(
        [duplicate, earlier]
          .map((c) => ({ id: c.id, clientNumber: c.clientNumber }))
          .sort((a, b) => a.clientNumber.localeCompare(b.clientNumber)),
      );
      expect(merged.residenceHistory).toHaveLength(3);
      expect((await get(earlier.id)).mergedInto).toEqual({ id: survivor.id, clientNumber: survivor.clientNumber });
      expect((await get(duplicate.id)).mergedFrom).toEqual([]);
      const [event] = await mergeEvents(survivor.id).then((events) => events.filter((e) => e.clientId === survivor.id));
      expect(event?.details).toMatchObject({ previouslyMergedIds: [earlier.id] });
    });

    it('counts the person once: lists drop the merged-away record, archived or not', async () => {
      const branch = await createBranchThroughApi(t);
      const { survivor, duplicate } = await pair({ branchId: branch.id }, { branchId: branch.id });
      const totals = async () => [
        (await list({})).total,
        (await list({ archived: 'all' })).total,
        (await list({ archived: 'all', branchId: branch.id })).total,
      ];
      const before = await totals();
      expect(before[2]).toBe(2);
      await mergeOk(survivor.id, duplicate.id);
      expect(await totals()).toEqual(before.map((total) => total - 1));
      expect((await list({ archived: 'true' })).items.map((c) => c.id)).not.toContain(duplicate.id);
    });
  });

  describe('refusals', () => {
    /** Whether the pair is untouched: no merge recorded and both records as they were. */
    async function expectUnmerged(...ids: string[]) {
      for (const id of ids) {
        expect((await get(id)).mergedInto).toBeNull();
        expect(await mergeEvents(id)).toEqual([]);
      }
    }

    it('refuses to merge a record into itself, naming body.duplicateId', async () => {
      const client = await createClientThroughApi(t);
      const response = await merge(client.id, { duplicateId: client.id, reason });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        error: {
          code: 'VALIDATION_FAILED',
          message: expect.any(String),
          details: [{ field: 'body.duplicateId', code: 'custom', message: expect.any(String) }],
        },
      });
      await expectUnmerged(client.id);
    });

    it('answers 404 when either record does not exist', async () => {
      const client = await createClientThroughApi(t);
      for (const [survivorId, duplicateId] of [
        [client.id, randomUUID()],
        [randomUUID(), client.id],
      ] as const) {
        const response = await merge(survivorId, { duplicateId, reason });
        expect(response.statusCode).toBe(404);
        expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String), details: {} } });
      }
      await expectUnmerged(client.id);
    });

    it('answers 409 when either record was already merged', async () => {
      const { survivor, duplicate } = await pair();
      await mergeOk(survivor.id, duplicate.id);
      const other = await createClientThroughApi(t);
      for (const [survivorId, duplicateId] of [
        [other.id, duplicate.id],
        [duplicate.id, other.id],
        [survivor.id, duplicate.id],
        [duplicate.id, survivor.id],
      ] as const) {
        const response = await merge(survivorId, { duplicateId, reason });
        expect(response.statusCode, `${survivorId} ← ${duplicateId}`).toBe(409);
        expect(response.json()).toEqual({ error: { code: 'CONFLICT', message: expect.any(String), details: {} } });
      }
      await expectUnmerged(other.id);
    });

    it('keeps a merged record as it is: it cannot be restored, changed or given a consent', async () => {
      const { survivor, duplicate } = await pair();
      await mergeOk(survivor.id, duplicate.id);
      for (const [url, method, payload] of [
        [`/api/clients/${duplicate.id}/unarchive`, 'POST', undefined],
        [`/api/clients/${duplicate.id}`, 'PATCH', { phone: '+420 777 000 111' }],
        [`/api/clients/${duplicate.id}/consents`, 'POST', { purpose: 'newsletter', givenOn: '2026-01-01' }],
      ] as const) {
        const response = await t.request({ method, url, cookie: coordinator.cookie, ...(payload ? { payload } : {}) });
        expect(response.statusCode, `${method} ${url}`).toBe(409);
        expect(response.json().error.code).toBe('CONFLICT');
      }
      expect(await get(duplicate.id)).toMatchObject({ archived: true, phone: duplicate.phone, mergedInto: { id: survivor.id } });
      expect(await rowsOf('client_eligibility', duplicate.id)).toHaveLength(0);
    });

    it('answers 409 when the survivor is archived: restore it first', async () => {
      const { survivor, duplicate } = await pair();
      await t.request({
        method: 'POST',
        url: `/api/clients/${survivor.id}/archive`,
        cookie: coordinator.cookie,
        payload: { reason: 'Left' },
      });
      const response = await merge(survivor.id, { duplicateId: duplicate.id, reason });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('CONFLICT');
      await expectUnmerged(survivor.id, duplicate.id);
    });

    it('merges a pair sent both ways at the same moment only once', async () => {
      const { survivor, duplicate } = await pair();
      const responses = await Promise.all([
        merge(survivor.id, { duplicateId: duplicate.id, reason }),
        merge(duplicate.id, { duplicateId: survivor.id, reason }),
      ]);
      expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const states = [await get(survivor.id), await get(duplicate.id)];
      expect(states.filter((c) => c.mergedInto !== null)).toHaveLength(1);
    });

    it('refuses unknown body fields, unknown mergeable fields and a missing reason', async () => {
      const { survivor, duplicate } = await pair();
      const bodies = [
        { duplicateId: duplicate.id, reason, deleteDuplicate: true },
        { duplicateId: duplicate.id, reason, takeFromDuplicate: ['residence'] },
        { duplicateId: duplicate.id, reason, takeFromDuplicate: ['clientNumber'] },
        { duplicateId: duplicate.id },
        { duplicateId: duplicate.id, reason: '   ' },
        { duplicateId: 'not-a-uuid', reason },
      ];
      for (const payload of bodies) {
        const response = await merge(survivor.id, payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
        expect(response.json().error.code).toBe('VALIDATION_FAILED');
      }
      await expectUnmerged(survivor.id, duplicate.id);
    });
  });

  describe('the audit trail', () => {
    it('records the merge on both records, with ids, numbers and field names only', async () => {
      const branch = await createBranchThroughApi(t);
      const { survivor, duplicate } = await pair({ phone: '+420 601 000 001' }, { phone: '+420 601 000 002', branchId: branch.id });
      await mergeOk(survivor.id, duplicate.id, ['phone', 'branchId', 'phone']);

      const onSurvivor = await auditEventsThroughApi(t, { clientId: survivor.id, action: 'client.merged' });
      expect(onSurvivor).toHaveLength(1);
      expect(onSurvivor[0]).toMatchObject({
        actor: { id: coordinator.userId },
        entityType: 'client',
        entityId: survivor.id,
        clientId: survivor.id,
        details: {
          duplicateId: duplicate.id,
          duplicateNumber: duplicate.clientNumber,
          takeFromDuplicate: ['phone', 'branchId'],
          previouslyMergedIds: [],
        },
      });
      expect(onSurvivor[0]?.changes).toEqual([{ field: 'phone' }, { field: 'branchId', before: null, after: branch.id }]);

      const onDuplicate = await auditEventsThroughApi(t, { clientId: duplicate.id, action: 'client.merged_away' });
      expect(onDuplicate).toHaveLength(1);
      expect(onDuplicate[0]).toMatchObject({
        actor: { id: coordinator.userId },
        entityId: duplicate.id,
        clientId: duplicate.id,
        changes: [{ field: 'archived', before: false, after: true }],
        details: { survivorId: survivor.id, survivorNumber: survivor.clientNumber },
      });

      // No entry repeats the reason or a personal value.
      const all = [
        ...(await auditEventsThroughApi(t, { clientId: survivor.id })),
        ...(await auditEventsThroughApi(t, { clientId: duplicate.id })),
      ];
      // (What the trail stores: the page resolves the client's name for the reader, from the register.)
      const stored = JSON.stringify(all.map((e) => ({ ...e, client: null })));
      for (const text of [reason, '601000002', survivor.familyName]) expect(stored).not.toContain(text);
    });

    it('shows the history of records merged into a client in its trail, each event still on its own record', async () => {
      const { survivor, duplicate } = await pair();
      await get(duplicate.id);
      await mergeOk(survivor.id, duplicate.id);
      const trail = await auditEventsThroughApi(t, { clientId: survivor.id });
      const of = (events: AuditItem[], clientId: string) => events.filter((e) => e.clientId === clientId).map((e) => e.action);
      expect(of(trail, survivor.id)).toEqual(['client.read', 'client.merged', 'client.created']);
      expect(of(trail, duplicate.id)).toEqual(['client.merged_away', 'client.read', 'client.duplicate_confirmed', 'client.created']);
    });
  });

  describe('the list of client-owned tables', () => {
    it('covers every foreign key to clients, so that no table is forgotten by a merge', async () => {
      // Every column of every table that references clients(id), read from the database itself.
      const { rows } = await t.database.db.execute<{ table_name: string; column_name: string }>(sql`
        select c.conrelid::regclass::text as table_name, a.attname as column_name
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
        where c.contype = 'f' and c.confrelid = 'public.clients'::regclass
        order by 1, 2`);
      const referencing = rows.map((r) => `${r.table_name}.${r.column_name}`);
      const listed = clientReferences.map((r) => `${r.table}.${r.column}`);
      const handledByTheMerge = ['clients.merged_into_id'];
      expect(referencing).toEqual(expect.arrayContaining([...listed, ...handledByTheMerge]));
      expect(referencing.filter((column) => !listed.includes(column) && !handledByTheMerge.includes(column))).toEqual([]);

      // A client_id column without a foreign key would slip past the check above: only the audit trail may have one.
      const { rows: unreferenced } = await t.database.db.execute<{ column_name: string }>(sql`
        select col.table_name || '.' || col.column_name as column_name
        from information_schema.columns col
        where col.table_schema = 'public' and (col.column_name = 'client_id' or col.column_name like '%\\_client_id')
        order by 1`);
      expect(
        unreferenced.map((r) => r.column_name).filter((column) => !referencing.includes(column) && column !== 'audit_events.client_id'),
      ).toEqual([]);
    });
  });
});
