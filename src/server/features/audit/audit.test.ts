import { sql } from 'drizzle-orm';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { auditExportMaxRows, type Role, roles } from '../../../shared/index.js';
import { csvCell } from './audit-csv.js';
import { type AuditItem, clientInput, createClientThroughApi, staffOf, uniqueWord } from '../../testing/factories.js';
import { createTestApp, unique } from '../../testing/harness.js';

describe('the audit trail', async () => {
  const t = await createTestApp();
  const admin = await staffOf(t, 'admin');
  const dpo = await staffOf(t, 'dpo');

  async function browse(cookie: string, query: Record<string, string>): Promise<{ items: AuditItem[]; total: number }> {
    const response = await t.request({ method: 'GET', url: '/api/audit-events', query, cookie });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  /** Appends entries with chosen times for an actor of their own (actor ids are not foreign keys). */
  async function insertEntries(actorId: string, instants: string[]) {
    for (const at of instants) {
      await t.database.db.execute(
        sql`insert into audit_events (at, actor_id, action, entity_type) values (${at}::timestamptz, ${actorId}, 'user.updated', 'test')`,
      );
    }
  }

  it('may be browsed by an admin and by the data protection officer only', async () => {
    for (const role of roles) {
      const { cookie } = await staffOf(t, role as Role);
      const response = await t.request({ method: 'GET', url: '/api/audit-events', cookie });
      const allowed = role === 'admin' || role === 'dpo';
      expect(response.statusCode, role).toBe(allowed ? 200 : 403);
      if (!allowed) expect(response.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('filters by actor, client and action, newest first', async () => {
    const counsellor = await t.signInAs(['social_counsellor']);
    const client = await createClientThroughApi(t, {}, counsellor);
    const other = await createClientThroughApi(t, {}, counsellor);
    await t.request({ method: 'GET', url: `/api/clients/${client.id}`, cookie: counsellor.cookie });
    await t.request({
      method: 'PATCH',
      url: `/api/clients/${client.id}`,
      cookie: counsellor.cookie,
      payload: { phone: '+420 601 100 200' },
    });

    for (const cookie of [admin.cookie, dpo.cookie]) {
      const byClient = await browse(cookie, { clientId: client.id });
      expect(byClient.items.map((e) => e.action)).toEqual(['client.updated', 'client.read', 'client.created']);
      expect(byClient.total).toBe(3);
      expect(byClient.items.every((e) => e.clientId === client.id)).toBe(true);
      expect(byClient.items[0]).toMatchObject({ actor: { id: counsellor.userId, name: 'Test social_counsellor' }, entityId: client.id });

      const byActor = await browse(cookie, { actorId: counsellor.userId });
      expect(byActor.items.every((e) => e.actor?.id === counsellor.userId)).toBe(true);
      expect(byActor.items.map((e) => e.action)).toEqual([
        'client.updated',
        'client.read',
        'client.created',
        'client.created',
        'auth.sign_in',
      ]);

      const byAction = await browse(cookie, { actorId: counsellor.userId, action: 'client.created' });
      expect(byAction.items.map((e) => e.clientId)).toEqual([other.id, client.id]);
    }
    const paged = await browse(admin.cookie, { actorId: counsellor.userId, limit: '2', offset: '2' });
    expect(paged).toMatchObject({ total: 5, items: [{ action: 'client.created' }, { action: 'client.created' }] });
  });

  it("includes in a client's trail the events of records merged into it, each still on its own record", async () => {
    const counsellor = await staffOf(t, 'social_counsellor');
    const survivor = await createClientThroughApi(t, {}, counsellor);
    const merged = await createClientThroughApi(t, {}, counsellor);
    const unrelated = await createClientThroughApi(t, {}, counsellor);
    await t.request({ method: 'GET', url: `/api/clients/${merged.id}`, cookie: counsellor.cookie });
    const trailOf = async (clientId: string, query: Record<string, string> = {}) =>
      (await browse(admin.cookie, { clientId, ...query })).items.map(
        (e) => `${e.clientId === survivor.id ? 'survivor' : 'merged'} ${e.action}`,
      );
    expect(await trailOf(survivor.id)).toEqual(['survivor client.created']);

    // The pointer a merge sets (the merge itself is tested with its feature).
    await t.database.db.execute(sql`update clients set merged_into_id = ${survivor.id} where id = ${merged.id}`);
    expect(await trailOf(survivor.id)).toEqual(['merged client.read', 'merged client.created', 'survivor client.created']);
    expect(await browse(admin.cookie, { clientId: survivor.id, limit: '1' })).toMatchObject({ total: 3 });
    expect(await trailOf(survivor.id, { action: 'client.read' })).toEqual(['merged client.read']);
    // The merged record's own trail, and an unrelated client's, are unchanged.
    expect(await trailOf(merged.id)).toEqual(['merged client.read', 'merged client.created']);
    expect((await browse(admin.cookie, { clientId: unrelated.id })).items.map((e) => e.clientId)).toEqual([unrelated.id]);
  });

  it('counts the total also for a page past the end, filtered or not', async () => {
    const actorId = unique('pager');
    await insertEntries(actorId, ['2026-01-01T10:00:00Z', '2026-01-02T10:00:00Z', '2026-01-03T10:00:00Z']);
    expect(await browse(admin.cookie, { actorId, offset: '3' })).toEqual({ items: [], total: 3 });
    expect(await browse(admin.cookie, { actorId, offset: '1000' })).toEqual({ items: [], total: 3 });
    const pages = [await browse(admin.cookie, { actorId, limit: '2' }), await browse(admin.cookie, { actorId, limit: '2', offset: '2' })];
    expect(pages.map((p) => p.total)).toEqual([3, 3]);
    expect(pages.flatMap((p) => p.items.map((e) => e.at))).toEqual([
      '2026-01-03T10:00:00.000Z',
      '2026-01-02T10:00:00.000Z',
      '2026-01-01T10:00:00.000Z',
    ]);

    const first = await browse(admin.cookie, { limit: '1' });
    expect(first.items).toHaveLength(1);
    expect(first.total).toBeGreaterThanOrEqual(3);
    const pastTheEnd = await browse(admin.cookie, { offset: '1000000' });
    expect(pastTheEnd.items).toEqual([]);
    expect(pastTheEnd.total).toBeGreaterThanOrEqual(first.total);
  });

  it('filters by period in calendar days of the centre (Prague), both ends included', async () => {
    const actorId = unique('period-actor-');
    await insertEntries(actorId, [
      '2026-03-14T22:30:00Z', // 14 March, 23:30 in Prague
      '2026-03-14T23:30:00Z', // 15 March, 00:30 in Prague
      '2026-03-15T12:00:00Z', // 15 March, 13:00
      '2026-03-15T22:59:00Z', // 15 March, 23:59
      '2026-03-15T23:00:00Z', // 16 March, 00:00
      '2026-07-01T21:30:00Z', // 1 July, 23:30 (summer time)
      '2026-07-01T22:30:00Z', // 2 July, 00:30
    ]);
    const instants = async (query: Record<string, string>) =>
      (await browse(dpo.cookie, { actorId, ...query })).items.map((e) => e.at).sort();
    expect(await instants({ from: '2026-03-15', to: '2026-03-15' })).toEqual([
      '2026-03-14T23:30:00.000Z',
      '2026-03-15T12:00:00.000Z',
      '2026-03-15T22:59:00.000Z',
    ]);
    expect(await instants({ to: '2026-03-14' })).toEqual(['2026-03-14T22:30:00.000Z']);
    expect(await instants({ from: '2026-03-16', to: '2026-07-01' })).toEqual(['2026-03-15T23:00:00.000Z', '2026-07-01T21:30:00.000Z']);
    expect(await instants({ from: '2026-07-02' })).toEqual(['2026-07-01T22:30:00.000Z']);
  });

  it('records each browse, with its filters', async () => {
    const { cookie, userId } = await t.signInAs(['dpo']);
    await browse(cookie, { action: 'client.read', from: '2026-01-01' });
    const [entry] = (await browse(admin.cookie, { actorId: userId, action: 'audit.read' })).items;
    expect(entry?.details).toEqual({ filters: { action: 'client.read', from: '2026-01-01' } });
  });

  describe('lists and searches of clients (decision 016)', () => {
    /** The entries of one action by one actor, newest first, as the DPO reads them. */
    const entriesOf = async (actorId: string, action: string) => (await browse(dpo.cookie, { actorId, action })).items;
    const get = async (cookie: string, url: string, query: Record<string, string> = {}) => {
      const response = await t.request({ method: 'GET', url, query, cookie });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };

    it('records a search as one entry with the ids it returned, what it searched by but never the words', async () => {
      const counsellor = await t.signInAs(['social_counsellor']);
      const family = uniqueWord('Hledany');
      const first = await createClientThroughApi(t, { familyName: family, givenName: 'Marta' }, counsellor);
      const second = await createClientThroughApi(t, { familyName: family, givenName: 'Oksana', dateOfBirth: '1971-01-01' }, counsellor);
      const found = await get(counsellor.cookie, '/api/clients', { q: family });
      expect(found.items.map((c: { id: string }) => c.id).sort()).toEqual([first.id, second.id].sort());

      const [entry, ...others] = await entriesOf(counsellor.userId, 'client.searched');
      expect(others).toEqual([]);
      expect(entry).toMatchObject({
        entityType: 'client',
        clientId: null,
        listed: { count: 2, includesClient: null },
        details: { view: 'search', searchedBy: ['name'], filters: { archived: 'false', order: 'asc' }, limit: 50, offset: 0, total: 2 },
      });
      expect(JSON.stringify(entry)).not.toContain(family);
      const { rows } = await t.database.db.execute<{ client_ids: string[] }>(
        sql`select client_ids from audit_events where id = ${Number(entry?.id)}`,
      );
      expect([...(rows[0]?.client_ids ?? [])].sort()).toEqual([first.id, second.id].sort());

      // Each client's trail shows the search that returned them, beside the record's own entries.
      for (const client of [first, second]) {
        const trail = (await browse(dpo.cookie, { clientId: client.id })).items;
        expect(trail.map((e) => e.action)).toEqual(['client.searched', 'client.created']);
        expect(trail[0]).toMatchObject({ actor: { id: counsellor.userId }, listed: { count: 2, includesClient: true } });
      }
    });

    it('records the plain list, a search that finds nobody and one that names nothing, one entry per request', async () => {
      const receptionist = await t.signInAs(['receptionist']);
      const page = await get(receptionist.cookie, '/api/clients', { limit: '3', sort: 'createdAt', order: 'desc' });
      await get(receptionist.cookie, '/api/clients', { q: uniqueWord('Nikdo') });
      await get(receptionist.cookie, '/api/clients', { q: `${uniqueWord('Nikdo')} 1901` });
      await get(receptionist.cookie, '/api/clients', { q: '😀😀' });
      const entries = await entriesOf(receptionist.userId, 'client.searched');
      expect(entries.map((e) => [e.details?.view, e.details?.searchedBy, e.listed?.count])).toEqual([
        ['search', [], 0],
        ['search', ['name', 'year_of_birth'], 0],
        ['search', ['name'], 0],
        ['list', undefined, page.items.length],
      ]);
      expect(page.items.length).toBe(3);
      expect(entries[3]?.details).toMatchObject({ filters: { sort: 'createdAt', order: 'desc' }, limit: 3, total: page.total });
    });

    it('records the duplicate check and a registration refused as a likely duplicate, with the candidates', async () => {
      const receptionist = await t.signInAs(['receptionist']);
      const existing = await createClientThroughApi(t, {}, receptionist);
      const { givenName, familyName, dateOfBirth, sex } = existing;
      const check = await t.request({
        method: 'POST',
        url: '/api/clients/duplicate-check',
        cookie: receptionist.cookie,
        payload: { givenName, familyName, dateOfBirth },
      });
      expect(check.statusCode, check.body).toBe(200);
      expect(check.json().candidates.map((c: { id: string }) => c.id)).toEqual([existing.id]);
      const none = await t.request({
        method: 'POST',
        url: '/api/clients/duplicate-check',
        cookie: receptionist.cookie,
        payload: { givenName: uniqueWord('Jiny'), familyName: uniqueWord('Clovek') },
      });
      expect(none.json()).toEqual({ candidates: [] });
      const refused = await t.request({
        method: 'POST',
        url: '/api/clients',
        cookie: receptionist.cookie,
        payload: clientInput({ givenName, familyName, dateOfBirth: dateOfBirth ?? undefined, sex }),
      });
      expect(refused.statusCode, refused.body).toBe(409);

      const entries = await entriesOf(receptionist.userId, 'client.searched');
      expect(entries.map((e) => [e.details?.view, e.listed?.count])).toEqual([
        ['registration', 1],
        ['duplicate_check', 0],
        ['duplicate_check', 1],
      ]);
      const trail = (await browse(dpo.cookie, { clientId: existing.id })).items.map((e) => [e.action, e.details?.view ?? null]);
      expect(trail).toEqual([
        ['client.searched', 'registration'],
        ['client.searched', 'duplicate_check'],
        ['client.created', null],
      ]);
      expect(JSON.stringify(entries)).not.toContain(familyName);
    });

    it('records the consultation list and the calendar once per request, with the clients they named', async () => {
      const coordinator = await t.signInAs(['coordinator']);
      await get(coordinator.cookie, '/api/consultations', { from: '1999-01-01', to: '1999-01-02' });
      const [consultations] = await entriesOf(coordinator.userId, 'consultation.read');
      expect(consultations).toMatchObject({ listed: { count: 0 }, details: { total: 0, consultationIds: [] } });
      await get(coordinator.cookie, '/api/appointments', { from: '1999-01-04', to: '1999-01-05' });
      const [calendar] = await entriesOf(coordinator.userId, 'appointment.read');
      expect(calendar).toMatchObject({ listed: { count: 0 }, details: { count: 0 } });
    });
  });

  describe('names, numbers and the client-number filter', () => {
    it('names the client for those who may read clients, and its number for all; names staff', async () => {
      const counsellor = await t.signInAs(['social_counsellor']);
      const client = await createClientThroughApi(t, {}, counsellor);
      const [forDpo] = (await browse(dpo.cookie, { clientId: client.id })).items;
      expect(forDpo?.client).toEqual({
        id: client.id,
        clientNumber: client.clientNumber,
        name: `${client.givenName} ${client.familyName}`,
      });
      expect(forDpo?.actor).toEqual({ id: counsellor.userId, name: 'Test social_counsellor' });
      // Admins may not read clients (the matrix): the number, not the name.
      const [forAdmin] = (await browse(admin.cookie, { clientId: client.id })).items;
      expect(forAdmin?.client).toEqual({ id: client.id, clientNumber: client.clientNumber, name: null });
      expect(JSON.stringify(forAdmin)).not.toContain(client.familyName);

      // An entry about an account names that staff member.
      const created = await t.request({
        method: 'POST',
        url: '/api/users',
        cookie: admin.cookie,
        payload: {
          name: 'Věra Auditovaná',
          email: `${unique('vera')}@example.org`,
          password: 'correct horse battery staple',
          roles: ['lecturer'],
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const [userEntry] = (await browse(admin.cookie, { actorId: admin.userId, action: 'user.created' })).items;
      expect(userEntry).toMatchObject({ entityId: created.json().id, entityName: 'Věra Auditovaná', client: null, listed: null });
    });

    it("filters by a client number, also a merged-away record's, as by the client's id", async () => {
      const counsellor = await t.signInAs(['social_counsellor']);
      const survivor = await createClientThroughApi(t, {}, counsellor);
      const merged = await createClientThroughApi(t, {}, counsellor);
      await t.request({ method: 'GET', url: `/api/clients/${merged.id}`, cookie: counsellor.cookie });
      await t.request({ method: 'GET', url: '/api/clients', query: { q: merged.clientNumber }, cookie: counsellor.cookie });
      await t.database.db.execute(sql`update clients set merged_into_id = ${survivor.id} where id = ${merged.id}`);

      const byId = (await browse(dpo.cookie, { clientId: survivor.id })).items.map((e) => e.id);
      expect(byId).toHaveLength(4);
      for (const clientNumber of [survivor.clientNumber, merged.clientNumber]) {
        expect((await browse(dpo.cookie, { clientNumber })).items.map((e) => e.id)).toEqual(byId);
      }
      // Written as staff write it: without the leading zeros, with a slash.
      const [year, serial] = survivor.clientNumber.split('-') as [string, string];
      expect((await browse(dpo.cookie, { clientNumber: `${year}/${Number(serial)}` })).items.map((e) => e.id)).toEqual(byId);
      const search = (await browse(dpo.cookie, { clientNumber: survivor.clientNumber, action: 'client.searched' })).items;
      expect(search.map((e) => e.listed)).toEqual([{ count: 1, includesClient: true }]);

      expect(await browse(dpo.cookie, { clientNumber: '1999-99999' })).toEqual({ items: [], total: 0 });
      const unrelated = await createClientThroughApi(t, {}, counsellor);
      expect(await browse(dpo.cookie, { clientNumber: survivor.clientNumber, clientId: unrelated.id })).toEqual({ items: [], total: 0 });
      const [browsed] = (await browse(admin.cookie, { actorId: dpo.userId, action: 'audit.read' })).items;
      expect(browsed?.details).toEqual({ filters: { clientNumber: survivor.clientNumber, clientId: unrelated.id } });
    });
  });

  describe('the CSV export', () => {
    async function exportCsv(cookie: string, query: Record<string, string>) {
      const response = await t.request({ method: 'GET', url: '/api/audit/export.csv', query, cookie });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      return parseCsv(response.rawPayload.subarray(3).toString('utf8')) as string[][];
    }

    it("exports a client's trail with names for the DPO, safe for spreadsheets, and audits the export", async () => {
      const counsellor = await t.signInAs(['social_counsellor']);
      const client = await createClientThroughApi(t, { givenName: '=HYPERLINK("x")', familyName: uniqueWord('Export') }, counsellor);
      await t.request({ method: 'GET', url: '/api/clients', query: { q: client.clientNumber }, cookie: counsellor.cookie });
      await t.request({ method: 'GET', url: `/api/clients/${client.id}`, cookie: counsellor.cookie });

      const [heading, ...rows] = await exportCsv(dpo.cookie, { clientNumber: client.clientNumber, lang: 'en' });
      expect(heading).toEqual([
        'Time (Prague)',
        'Staff member',
        'Staff id',
        'Action',
        'Record type',
        'Record id',
        'Staff member of the record',
        'Client number',
        'Client name',
        'Clients returned',
        'Filtered client among them',
        'Changed fields',
        'Details',
        'Request id',
        'Address',
      ]);
      expect(rows.map((r) => [r[1], r[2], r[3], r[7], r[8], r[9], r[10]])).toEqual([
        ['Test social_counsellor', counsellor.userId, 'client.read', client.clientNumber, `'=HYPERLINK("x") ${client.familyName}`, '', ''],
        ['Test social_counsellor', counsellor.userId, 'client.searched', '', '', '1', 'yes'],
        [
          'Test social_counsellor',
          counsellor.userId,
          'client.created',
          client.clientNumber,
          `'=HYPERLINK("x") ${client.familyName}`,
          '',
          '',
        ],
      ]);
      expect(rows[0]?.[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(JSON.parse(rows[1]?.[12] ?? '')).toMatchObject({ view: 'search', searchedBy: ['client_number'] });

      const [exported] = (await browse(admin.cookie, { actorId: dpo.userId, action: 'audit.exported' })).items;
      expect(exported?.details).toEqual({ filters: { clientNumber: client.clientNumber }, rows: 3 });

      // Czech headings by default; an admin gets no client names.
      const [czech, ...adminRows] = await exportCsv(admin.cookie, { clientNumber: client.clientNumber });
      expect(czech?.[0]).toBe('Čas (Praha)');
      expect(czech).not.toContain('Jméno klienta');
      expect(adminRows).toHaveLength(3);
      expect(JSON.stringify(adminRows)).not.toContain(client.familyName);
    });

    it('reads a long trail in pages, newest first, each entry once, and refuses one over the cap', async () => {
      const actorId = unique('export-pages-');
      await t.database.db.execute(
        sql`insert into audit_events (at, actor_id, action) select timestamptz '2026-02-01 10:00:00+00' + n * interval '1 second', ${actorId}, 'user.updated' from generate_series(1, 2500) n`,
      );
      const [, ...rows] = await exportCsv(dpo.cookie, { actorId });
      expect(rows).toHaveLength(2500);
      const times = rows.map((r) => r[0] as string);
      expect(new Set(times).size).toBe(2500);
      expect([...times].sort().reverse()).toEqual(times);

      const big = unique('export-cap-');
      await t.database.db.execute(
        sql`insert into audit_events (actor_id, action) select ${big}, 'user.updated' from generate_series(1, ${auditExportMaxRows + 1})`,
      );
      const refused = await t.request({ method: 'GET', url: '/api/audit/export.csv', query: { actorId: big }, cookie: dpo.cookie });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'querystring', code: 'too_many_rows' }] });
    });

    it('makes every cell a spreadsheet would read as a formula text', () => {
      expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'a"b', 'Anna', '', null].map(csvCell)).toEqual([
        `"'=1+1"`,
        `"'+1"`,
        `"'-1"`,
        `"'@SUM(A1)"`,
        `"'\tx"`,
        `"'\rx"`,
        '"a""b"',
        '"Anna"',
        '""',
        '""',
      ]);
    });
  });

  it('cannot be changed or deleted, even directly in the database', async () => {
    const actorId = unique('immutable-');
    await insertEntries(actorId, ['2026-05-05T10:00:00Z']);
    const attempts = [
      sql`update audit_events set action = 'client.read' where actor_id = ${actorId}`,
      sql`delete from audit_events where actor_id = ${actorId}`,
      sql`truncate audit_events`,
    ];
    for (const statement of attempts) {
      const error = await t.database.db.execute(statement).then(
        () => null,
        (e: Error & { cause?: Error }) => e,
      );
      // The database's own refusal (drizzle wraps it, keeping it as the cause).
      expect(error?.cause?.message ?? error?.message).toBe('audit_events is append-only');
    }
    const { rows } = await t.database.db.execute<{ action: string }>(sql`select action from audit_events where actor_id = ${actorId}`);
    expect(rows).toEqual([{ action: 'user.updated' }]);
  });
});
