import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Role, roles } from '../../../shared/index.js';
import { type AuditItem, createClientThroughApi, staffOf } from '../../testing/factories.js';
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
