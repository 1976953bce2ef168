import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { addDays, type TaskResponse, toCentreDate } from '../../../shared/index.js';
import { auditEventsThroughApi, createClientThroughApi, createUserThroughApi, staffOf, uniqueWord } from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';

describe('tasks', async () => {
  const t = await createTestApp();
  const today = toCentreDate(new Date());
  const receptionist = await staffOf(t, 'receptionist');

  /** A counsellor of this test alone, so lists filtered by assignee hold only this test's tasks. */
  const newCounsellor = () => t.signInAs(['social_counsellor']);
  const send = (cookie: string, method: InjectOptions['method'], url: string, payload?: object) =>
    t.request({ method, url, cookie, ...(payload ? { payload } : {}) });
  async function createTask(cookie: string, payload: object): Promise<TaskResponse> {
    const response = await send(cookie, 'POST', '/api/tasks', { title: uniqueWord('Call '), dueOn: today, ...payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  async function listTasks(cookie: string, query: Record<string, string>) {
    const response = await t.request({ method: 'GET', url: '/api/tasks', query, cookie });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: TaskResponse[]; total: number };
  }

  describe('creating', () => {
    it('creates a task for a client, assigned to a colleague, and audits it with the client', async () => {
      const me = await newCounsellor();
      const colleague = await newCounsellor();
      const client = await createClientThroughApi(t);
      const task = await createTask(me.cookie, {
        title: 'Call about the housing allowance',
        description: 'Ask for the landlord confirmation',
        dueOn: addDays(today, 3),
        assigneeId: colleague.userId,
        clientId: client.id,
      });
      expect(task).toEqual({
        id: expect.any(String),
        title: 'Call about the housing allowance',
        description: 'Ask for the landlord confirmation',
        consultation: null,
        contentHidden: false,
        dueOn: addDays(today, 3),
        kind: 'manual',
        status: 'open',
        assignee: { id: colleague.userId, name: expect.any(String) },
        client: {
          id: client.id,
          clientNumber: client.clientNumber,
          givenName: client.givenName,
          familyName: client.familyName,
          givenNameNative: null,
          familyNameNative: null,
        },
        permit: null,
        createdBy: { id: me.userId, name: expect.any(String) },
        completedBy: null,
        completedAt: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const [event] = await auditEventsThroughApi(t, { clientId: client.id, action: 'task.created' });
      expect(event).toMatchObject({
        actor: { id: me.userId },
        entityType: 'task',
        entityId: task.id,
        details: { kind: 'manual', dueOn: addDays(today, 3), assigneeId: colleague.userId },
      });
      expect(JSON.stringify(event)).not.toContain('landlord');
    });

    it('creates a task with no client and nobody assigned; its audit entry names no client', async () => {
      const me = await newCounsellor();
      const task = await createTask(me.cookie, {});
      expect(task).toMatchObject({ client: null, assignee: null, description: null });
      const events = await auditEventsThroughApi(t, { actorId: me.userId, action: 'task.created' });
      expect(events.map((e) => [e.entityId, e.clientId])).toEqual([[task.id, null]]);
    });

    it('assigns only to active staff who manage tasks', async () => {
      const me = await newCounsellor();
      const lecturer = await staffOf(t, 'lecturer');
      const former = await createUserThroughApi(t, { roles: ['social_counsellor'] });
      const admin = await staffOf(t, 'admin');
      expect((await send(admin.cookie, 'PATCH', `/api/users/${former.id}`, { active: false })).statusCode).toBe(200);
      for (const assigneeId of [lecturer.userId, former.id, 'nobody-here']) {
        const response = await send(me.cookie, 'POST', '/api/tasks', { title: 'x', dueOn: today, assigneeId });
        expect(response.statusCode, assigneeId).toBe(400);
        expect(response.json().error.details).toEqual([expect.objectContaining({ field: 'body.assigneeId', code: 'unknown_staff' })]);
      }
      expect((await listTasks(me.cookie, { assignee: 'me', status: 'all' })).total).toBe(0);
      expect(await auditEventsThroughApi(t, { actorId: me.userId, action: 'task.created' })).toEqual([]);

      // Every page: on the shared PostgreSQL database other test files add staff too.
      const ids: string[] = [];
      for (let offset = 0; ; offset += 100) {
        const assignees = await send(me.cookie, 'GET', `/api/tasks/assignees?limit=100&offset=${offset}`);
        expect(assignees.statusCode).toBe(200);
        const items = (assignees.json() as { items: { id: string }[] }).items;
        ids.push(...items.map((item) => item.id));
        if (items.length < 100) break;
      }
      expect(ids).toEqual(expect.arrayContaining([me.userId, receptionist.userId]));
      expect(ids).not.toContain(lecturer.userId);
      expect(ids).not.toContain(former.id);
    });

    it('refuses a client that does not exist (400), is archived or merged away (409)', async () => {
      const me = await newCounsellor();
      const unknown = await send(me.cookie, 'POST', '/api/tasks', { title: 'x', dueOn: today, clientId: randomUUID() });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.details).toEqual([expect.objectContaining({ field: 'body.clientId', code: 'unknown_client' })]);
      const archived = await createClientThroughApi(t);
      await send(me.cookie, 'POST', `/api/clients/${archived.id}/archive`, { reason: 'Left' });
      const survivor = await createClientThroughApi(t);
      const duplicate = await createClientThroughApi(t);
      const coordinator = await staffOf(t, 'coordinator');
      const merged = await send(coordinator.cookie, 'POST', `/api/clients/${survivor.id}/merge`, {
        duplicateId: duplicate.id,
        reason: 'Twice',
      });
      expect(merged.statusCode, merged.body).toBe(200);
      for (const clientId of [archived.id, duplicate.id]) {
        const response = await send(me.cookie, 'POST', '/api/tasks', { title: 'x', dueOn: today, clientId });
        expect(response.statusCode).toBe(409);
        expect(response.json().error.code).toBe('CONFLICT');
      }
      expect((await listTasks(me.cookie, { assignee: 'me', status: 'all' })).total).toBe(0);
    });
  });

  describe('finding', () => {
    it('filters by assignee, status, due date and client, soonest due first, a page at a time', async () => {
      const me = await newCounsellor();
      const client = await createClientThroughApi(t);
      const overdue = await createTask(me.cookie, { dueOn: addDays(today, -2), assigneeId: me.userId, clientId: client.id });
      const dueToday = await createTask(me.cookie, { dueOn: today, assigneeId: me.userId });
      const thisWeek = await createTask(me.cookie, { dueOn: addDays(today, 6), assigneeId: me.userId });
      const later = await createTask(me.cookie, { dueOn: addDays(today, 7), assigneeId: me.userId });
      const unassigned = await createTask(me.cookie, { dueOn: addDays(today, 1), clientId: client.id });
      const done = await createTask(me.cookie, { dueOn: addDays(today, -1), assigneeId: me.userId });
      expect((await send(me.cookie, 'POST', `/api/tasks/${done.id}/complete`)).statusCode).toBe(200);

      const ids = async (query: Record<string, string>) => (await listTasks(me.cookie, query)).items.map((task) => task.id);
      expect(await ids({ assignee: 'me' })).toEqual([overdue.id, dueToday.id, thisWeek.id, later.id]);
      expect(await ids({ assignee: me.userId, status: 'all' })).toEqual([overdue.id, done.id, dueToday.id, thisWeek.id, later.id]);
      expect(await ids({ assignee: 'me', status: 'done' })).toEqual([done.id]);
      expect(await ids({ assignee: 'me', due: 'overdue' })).toEqual([overdue.id]);
      expect(await ids({ assignee: 'me', due: 'today' })).toEqual([dueToday.id]);
      expect(await ids({ assignee: 'me', due: 'week' })).toEqual([dueToday.id, thisWeek.id]);
      expect(await ids({ clientId: client.id })).toEqual([overdue.id, unassigned.id]);
      expect(await ids({ clientId: client.id, assignee: 'unassigned' })).toEqual([unassigned.id]);

      const page = await listTasks(me.cookie, { assignee: 'me', limit: '2', offset: '1' });
      expect(page).toMatchObject({ total: 4, items: [{ id: dueToday.id }, { id: thisWeek.id }] });
      // Another counsellor's view of the same filters holds none of these.
      const other = await newCounsellor();
      expect((await listTasks(other.cookie, { assignee: 'me', status: 'all' })).total).toBe(0);
    });

    it('audits each list and each My day as one entry with the ids of the clients it named, empty ones too', async () => {
      const me = await newCounsellor();
      const client = await createClientThroughApi(t);
      const other = await createClientThroughApi(t);
      const nobody = await createClientThroughApi(t);
      await createTask(me.cookie, { dueOn: addDays(today, -1), assigneeId: me.userId, clientId: client.id });
      await createTask(me.cookie, { dueOn: today, assigneeId: me.userId, clientId: other.id });
      await createTask(me.cookie, { dueOn: today, assigneeId: me.userId, clientId: client.id });
      await createTask(me.cookie, { dueOn: today, assigneeId: me.userId });

      const listed = async (action: string) =>
        (await auditEventsThroughApi(t, { actorId: me.userId, action })).map((e) => ({
          clientId: e.clientId,
          listed: e.listed,
          details: e.details,
        }));
      await listTasks(me.cookie, { assignee: 'me' });
      expect(await listed('task.listed')).toEqual([
        {
          clientId: null,
          listed: { count: 2, includesClient: null },
          details: { filters: { assignee: 'me', status: 'open' }, limit: 50, offset: 0, total: 4 },
        },
      ]);
      await listTasks(me.cookie, { clientId: nobody.id });
      const [empty] = await listed('task.listed');
      expect(empty).toMatchObject({ clientId: nobody.id, listed: { count: 0 } });

      // The client's trail holds the list that named them, not the one that did not.
      const trail = await auditEventsThroughApi(t, { clientId: client.id, actorId: me.userId, action: 'task.listed' });
      expect(trail.map((e) => e.listed)).toEqual([{ count: 2, includesClient: true }]);
      expect((await auditEventsThroughApi(t, { clientId: nobody.id, action: 'task.listed' })).map((e) => e.listed)).toEqual([
        { count: 0, includesClient: false },
      ]);

      const day = await send(me.cookie, 'GET', '/api/my-day');
      expect(day.statusCode, day.body).toBe(200);
      const [read] = await auditEventsThroughApi(t, { actorId: me.userId, action: 'my_day.read' });
      expect(read).toMatchObject({ listed: { count: 2 }, details: { limit: 50, offset: 0, tasks: 4, permits: 0 } });
      expect(await auditEventsThroughApi(t, { clientId: other.id, action: 'my_day.read' })).toHaveLength(1);
      // The titles of the tasks are not in the trail.
      expect(JSON.stringify(await auditEventsThroughApi(t, { actorId: me.userId }))).not.toContain('Call ');
    });

    it('is for staff who manage tasks', async () => {
      for (const role of ['lecturer', 'dpo', 'admin'] as const) {
        const { cookie } = await staffOf(t, role);
        expect((await send(cookie, 'GET', '/api/tasks')).statusCode, role).toBe(403);
        expect((await send(cookie, 'POST', '/api/tasks', { title: 'x', dueOn: today })).statusCode, role).toBe(403);
      }
      expect((await t.request({ method: 'GET', url: '/api/tasks' })).statusCode).toBe(401);
      expect((await send(receptionist.cookie, 'GET', '/api/tasks?assignee=me')).statusCode).toBe(200);
    });
  });

  describe('changing and completing', () => {
    it('changes an open task; the audit keeps the due date and assignee, and only the names of text fields', async () => {
      const me = await newCounsellor();
      const colleague = await newCounsellor();
      const client = await createClientThroughApi(t);
      const task = await createTask(me.cookie, { assigneeId: me.userId, clientId: client.id });
      const response = await send(me.cookie, 'PATCH', `/api/tasks/${task.id}`, {
        title: 'Bring the rental contract',
        dueOn: addDays(today, 5),
        assigneeId: colleague.userId,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        title: 'Bring the rental contract',
        dueOn: addDays(today, 5),
        assignee: { id: colleague.userId },
      });
      const [event] = await auditEventsThroughApi(t, { clientId: client.id, action: 'task.updated' });
      expect(event?.changes).toEqual([
        { field: 'title' },
        { field: 'dueOn', before: today, after: addDays(today, 5) },
        { field: 'assigneeId', before: me.userId, after: colleague.userId },
      ]);
      expect(JSON.stringify(event)).not.toContain('rental');

      // The same values again change nothing, yet the answer shows the task and its client: a read.
      expect((await send(me.cookie, 'PATCH', `/api/tasks/${task.id}`, { dueOn: addDays(today, 5) })).statusCode).toBe(200);
      expect((await send(me.cookie, 'PATCH', `/api/tasks/${task.id}`, {})).statusCode).toBe(200);
      expect(await auditEventsThroughApi(t, { clientId: client.id, action: 'task.updated' })).toHaveLength(1);
      expect(await auditEventsThroughApi(t, { clientId: client.id, action: 'task.read' })).toHaveLength(2);
      expect((await send(me.cookie, 'PATCH', `/api/tasks/${randomUUID()}`, { title: 'x' })).statusCode).toBe(404);
    });

    it('completes, reopens and cancels, each audited, refusing a step that does not fit the status with 409', async () => {
      const me = await newCounsellor();
      const client = await createClientThroughApi(t);
      const task = await createTask(me.cookie, { assigneeId: me.userId, clientId: client.id });
      const step = (action: string) => send(me.cookie, 'POST', `/api/tasks/${task.id}/${action}`);

      const completed = await step('complete');
      expect(completed.statusCode).toBe(200);
      expect(completed.json()).toMatchObject({ status: 'done', completedBy: { id: me.userId }, completedAt: expect.any(String) });
      expect((await step('complete')).statusCode).toBe(409);
      expect((await step('cancel')).statusCode).toBe(409);
      expect((await send(me.cookie, 'PATCH', `/api/tasks/${task.id}`, { title: 'Changed' })).statusCode).toBe(409);

      const reopened = await step('reopen');
      expect(reopened.json()).toMatchObject({ status: 'open', completedBy: null, completedAt: null });
      expect((await step('reopen')).statusCode).toBe(409);
      const cancelled = await step('cancel');
      expect(cancelled.json()).toMatchObject({ status: 'cancelled', completedBy: { id: me.userId } });

      const events = await auditEventsThroughApi(t, { clientId: client.id });
      const statusChanges = events
        .filter((e) => e.action.startsWith('task.') && e.action !== 'task.created')
        .reverse()
        .map((e) => [e.action, e.changes.find((c) => c.field === 'status')]);
      expect(statusChanges).toEqual([
        ['task.completed', { field: 'status', before: 'open', after: 'done' }],
        ['task.updated', { field: 'status', before: 'done', after: 'open' }],
        ['task.updated', { field: 'status', before: 'open', after: 'cancelled' }],
      ]);
      for (const action of ['complete', 'reopen', 'cancel']) {
        expect((await send(me.cookie, 'POST', `/api/tasks/${randomUUID()}/${action}`)).statusCode).toBe(404);
      }
    });
  });

  describe('bad input', async () => {
    const me = await newCounsellor();
    const client = await createClientThroughApi(t);
    const task = await createTask(me.cookie, { clientId: client.id, assigneeId: me.userId });
    const valid = { title: 'Call back', dueOn: today };
    type Case = [InjectOptions['method'], string, object | undefined, string | { keys: string[] }];
    const cases: Case[] = [
      ['POST', '/api/tasks', { dueOn: today }, 'body.title'],
      ['POST', '/api/tasks', { ...valid, title: ' ' }, 'body.title'],
      ['POST', '/api/tasks', { ...valid, title: 'x'.repeat(201) }, 'body.title'],
      ['POST', '/api/tasks', { title: 'Call back' }, 'body.dueOn'],
      ['POST', '/api/tasks', { ...valid, dueOn: '2026-02-29' }, 'body.dueOn'],
      ['POST', '/api/tasks', { ...valid, dueOn: 'tomorrow' }, 'body.dueOn'],
      ['POST', '/api/tasks', { ...valid, description: 'x'.repeat(2001) }, 'body.description'],
      ['POST', '/api/tasks', { ...valid, assigneeId: '' }, 'body.assigneeId'],
      ['POST', '/api/tasks', { ...valid, clientId: 'client-1' }, 'body.clientId'],
      ['POST', '/api/tasks', { ...valid, kind: 'permit_expiry' }, { keys: ['kind'] }],
      ['POST', '/api/tasks', { ...valid, status: 'done', sourceKey: 'x' }, { keys: ['status', 'sourceKey'] }],
      ['PATCH', `/api/tasks/${task.id}`, { title: null }, 'body.title'],
      ['PATCH', `/api/tasks/${task.id}`, { dueOn: null }, 'body.dueOn'],
      ['PATCH', `/api/tasks/${task.id}`, { assigneeId: 7 }, 'body.assigneeId'],
      ['PATCH', `/api/tasks/${task.id}`, { status: 'done' }, { keys: ['status'] }],
      ['PATCH', `/api/tasks/${task.id}`, { clientId: randomUUID() }, { keys: ['clientId'] }],
      ['PATCH', '/api/tasks/not-a-uuid', { title: 'x' }, 'params.id'],
      ['POST', '/api/tasks/not-a-uuid/complete', undefined, 'params.id'],
      ['POST', '/api/tasks/not-a-uuid/reopen', undefined, 'params.id'],
      ['POST', '/api/tasks/not-a-uuid/cancel', undefined, 'params.id'],
      ['GET', '/api/tasks?status=finished', undefined, 'querystring.status'],
      ['GET', '/api/tasks?due=tomorrow', undefined, 'querystring.due'],
      ['GET', '/api/tasks?clientId=42', undefined, 'querystring.clientId'],
      ['GET', `/api/tasks?assignee=${'x'.repeat(101)}`, undefined, 'querystring.assignee'],
      ['GET', '/api/tasks?limit=101', undefined, 'querystring.limit'],
      ['GET', '/api/tasks?offset=-1', undefined, 'querystring.offset'],
      ['GET', '/api/tasks?sort=title', undefined, { keys: ['sort'] }],
      ['GET', '/api/tasks/assignees?limit=0', undefined, 'querystring.limit'],
      ['GET', '/api/my-day?limit=101', undefined, 'querystring.limit'],
      ['GET', '/api/my-day?date=2026-01-01', undefined, { keys: ['date'] }],
    ];

    /** What a request could write: tasks and audit entries of this test's counsellor. */
    async function countRows() {
      const { rows } = await t.database.db.execute(sql`
        select (select count(*)::int from tasks where created_by = ${me.userId} or client_id = ${client.id}) as tasks,
               (select max(updated_at)::text from tasks where id = ${task.id}) as touched,
               (select count(*)::int from audit_events where actor_id = ${me.userId} or client_id = ${client.id}) as audit`);
      return rows[0];
    }

    it.each(cases.map((c) => [`${c[0]} ${c[1].slice(0, 70)} ${JSON.stringify(c[2] ?? {}).slice(0, 50)}`, c] as const))(
      '%s → 400 naming the field, nothing written',
      async (_name, [method, url, payload, expected]) => {
        const before = await countRows();
        const response = await t.request({ method, url, cookie: me.cookie, ...(payload ? { payload } : {}) });
        expect(response.statusCode, response.body).toBe(400);
        const error = response.json().error as { code: string; details: { field: string; keys?: string[] }[] };
        expect(error.code).toBe('VALIDATION_FAILED');
        if (typeof expected === 'string') expect(error.details.map((d) => d.field)).toContain(expected);
        else expect(error.details.flatMap((d) => d.keys ?? [])).toEqual(expect.arrayContaining(expected.keys));
        expect(await countRows()).toEqual(before);
      },
    );
  });
});
