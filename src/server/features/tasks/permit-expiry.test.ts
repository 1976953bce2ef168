import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { services } from '../../../db/schema/index.js';
import { addDays, type MyDayResponse, type TaskResponse, toCentreDate } from '../../../shared/index.js';
import { auditEventsThroughApi, createClientThroughApi, createUserThroughApi, staffOf } from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';
import { createPermitExpiryTasks } from './tasks.service.js';

/**
 * The job reads every client, so this file has a database of its own: its runs create tasks for this
 * file's clients only, and no other file's clients get tasks from it.
 */
describe('permit expiry', async () => {
  const t = await createTestApp({}, { freshDatabase: true });
  const coordinator = await staffOf(t, 'coordinator');
  const admin = await staffOf(t, 'admin');

  /** Noon in Prague of a day, as the job's clock. */
  const noonOf = (day: string) => new Date(`${day}T12:00:00+01:00`);
  const clientExpiringOn = (validUntil: string) =>
    createClientThroughApi(t, { residence: { category: 'long_term_residence', validFrom: '2020-01-01', validUntil } });
  async function tasksOf(clientId: string): Promise<TaskResponse[]> {
    const response = await t.request({ method: 'GET', url: '/api/tasks', query: { clientId, status: 'all' }, cookie: coordinator.cookie });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items;
  }
  const newCounsellor = () => t.signInAs(['social_counsellor']);
  async function openPlanWith(clientId: string, responsibleId: string) {
    const response = await t.request({
      method: 'POST',
      url: `/api/clients/${clientId}/plans`,
      cookie: coordinator.cookie,
      payload: { responsibleId },
    });
    expect(response.statusCode, response.body).toBe(201);
  }
  async function recordConsultation(clientId: string, staffId: string, occurredOn: string) {
    await t.database.db.insert(services).values({ kind: 'consultation', clientId, staffId, occurredOn, durationMinutes: 30 });
  }
  async function deactivate(userId: string) {
    const response = await t.request({ method: 'PATCH', url: `/api/users/${userId}`, cookie: admin.cookie, payload: { active: false } });
    expect(response.statusCode, response.body).toBe(200);
  }

  // Each test runs the job in a year of its own, so one test's runs find no other test's permits.
  describe('the daily job', () => {
    it('raises one task 90 days ahead, due 30 days before the expiry, and no second one however often it runs', async () => {
      const client = await clientExpiringOn('2031-05-01');
      const day = addDays('2031-05-01', -80);
      expect(await createPermitExpiryTasks(t.database.db, noonOf(day))).toBe(1);
      expect(await createPermitExpiryTasks(t.database.db, noonOf(day))).toBe(0);
      expect(await createPermitExpiryTasks(t.database.db, noonOf(addDays(day, 1)))).toBe(0);
      const tasks = await tasksOf(client.id);
      expect(tasks).toEqual([
        expect.objectContaining({
          kind: 'permit_expiry',
          status: 'open',
          dueOn: '2031-04-01',
          permit: { validUntil: '2031-05-01', stage: 90 },
          assignee: null,
          createdBy: null,
          client: expect.objectContaining({ id: client.id }),
        }),
      ]);
      const events = await auditEventsThroughApi(t, { clientId: client.id, action: 'task.created' });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actor: null,
        entityType: 'task',
        entityId: tasks[0]?.id,
        details: { kind: 'permit_expiry', origin: 'permit_expiry_job', stage: 90, dueOn: '2031-04-01', assigneeId: null },
      });
    });

    it('raises the second task within 30 days, due two weeks before the expiry', async () => {
      const client = await clientExpiringOn('2032-05-01');
      await createPermitExpiryTasks(t.database.db, noonOf(addDays('2032-05-01', -80)));
      expect(await createPermitExpiryTasks(t.database.db, noonOf(addDays('2032-05-01', -20)))).toBe(1);
      await createPermitExpiryTasks(t.database.db, noonOf(addDays('2032-05-01', -19)));
      const tasks = await tasksOf(client.id);
      expect(tasks.map((task) => [task.permit?.stage, task.dueOn])).toEqual([
        [90, '2032-04-01'],
        [30, '2032-04-17'],
      ]);
    });

    it('raises only the second task for a permit first seen within 30 days, due at once when two weeks are past', async () => {
      const soon = await clientExpiringOn('2033-05-01');
      const expired = await clientExpiringOn('2033-04-21');
      await createPermitExpiryTasks(t.database.db, noonOf('2033-04-25'));
      expect((await tasksOf(soon.id)).map((task) => [task.permit?.stage, task.dueOn])).toEqual([[30, '2033-04-25']]);
      expect((await tasksOf(expired.id)).map((task) => [task.permit?.stage, task.dueOn])).toEqual([[30, '2033-04-25']]);
    });

    it('leaves out permits further than 90 days, expired more than 30 days ago, and merged or archived clients', async () => {
      const far = await clientExpiringOn('2034-06-30');
      const longExpired = await clientExpiringOn('2034-02-28');
      const lastDay = await clientExpiringOn('2034-06-29');
      const archived = await clientExpiringOn('2034-05-01');
      const survivor = await clientExpiringOn('2034-05-01');
      const duplicate = await clientExpiringOn('2034-05-01');
      const archiving = await t.request({
        method: 'POST',
        url: `/api/clients/${archived.id}/archive`,
        cookie: coordinator.cookie,
        payload: { reason: 'Moved away' },
      });
      expect(archiving.statusCode).toBe(200);
      const merging = await t.request({
        method: 'POST',
        url: `/api/clients/${survivor.id}/merge`,
        cookie: coordinator.cookie,
        payload: { duplicateId: duplicate.id, reason: 'Registered twice' },
      });
      expect(merging.statusCode, merging.body).toBe(200);

      await createPermitExpiryTasks(t.database.db, noonOf('2034-03-31'));
      expect(await tasksOf(far.id)).toEqual([]);
      expect(await tasksOf(longExpired.id)).toEqual([]);
      expect(await tasksOf(archived.id)).toEqual([]);
      expect(await tasksOf(duplicate.id)).toEqual([]);
      expect((await tasksOf(lastDay.id)).map((task) => task.permit?.stage)).toEqual([90]);
      expect((await tasksOf(survivor.id)).map((task) => task.permit)).toEqual([{ validUntil: '2034-05-01', stage: 90 }]);
    });

    it('never makes a done task again, and raises new tasks for a renewed permit', async () => {
      const client = await clientExpiringOn('2035-05-01');
      await createPermitExpiryTasks(t.database.db, noonOf('2035-03-01'));
      const [first] = await tasksOf(client.id);
      const done = await t.request({ method: 'POST', url: `/api/tasks/${first?.id}/complete`, cookie: coordinator.cookie });
      expect(done.statusCode).toBe(200);
      expect(await createPermitExpiryTasks(t.database.db, noonOf('2035-03-02'))).toBe(0);

      const renewing = await t.request({
        method: 'PATCH',
        url: `/api/clients/${client.id}`,
        cookie: coordinator.cookie,
        payload: { residence: { category: 'long_term_residence', validFrom: '2025-03-05', validUntil: '2035-06-01' } },
      });
      expect(renewing.statusCode, renewing.body).toBe(200);
      await createPermitExpiryTasks(t.database.db, noonOf('2035-03-10'));
      expect((await tasksOf(client.id)).map((task) => [task.status, task.permit?.validUntil, task.permit?.stage])).toEqual([
        ['done', '2035-05-01', 90],
        ['open', '2035-06-01', 90],
      ]);
    });

    it('cancels an open alert when the expiry date is corrected or the client archived, with its audit', async () => {
      const corrected = await clientExpiringOn('2036-05-01');
      const archived = await clientExpiringOn('2036-05-02');
      await createPermitExpiryTasks(t.database.db, noonOf('2036-03-01'));
      const fixing = await t.request({
        method: 'PATCH',
        url: `/api/clients/${corrected.id}`,
        cookie: coordinator.cookie,
        payload: { residence: { category: 'long_term_residence', validFrom: '2020-01-01', validUntil: '2036-05-10' } },
      });
      expect(fixing.statusCode, fixing.body).toBe(200);
      const archiving = await t.request({
        method: 'POST',
        url: `/api/clients/${archived.id}/archive`,
        cookie: coordinator.cookie,
        payload: { reason: 'Moved away' },
      });
      expect(archiving.statusCode, archiving.body).toBe(200);
      await createPermitExpiryTasks(t.database.db, noonOf('2036-03-02'));
      expect((await tasksOf(corrected.id)).map((task) => [task.status, task.permit?.validUntil]).sort()).toEqual([
        ['cancelled', '2036-05-01'],
        ['open', '2036-05-10'],
      ]);
      expect((await tasksOf(archived.id)).map((task) => task.status)).toEqual(['cancelled']);
      const [cancelling] = await auditEventsThroughApi(t, { clientId: archived.id, action: 'task.updated' });
      expect(cancelling).toMatchObject({ actor: null, changes: [{ field: 'status', before: 'open', after: 'cancelled' }] });
      // Once cancelled, nothing changes on the next runs.
      expect(await createPermitExpiryTasks(t.database.db, noonOf('2036-03-03'))).toBe(0);
      expect((await tasksOf(corrected.id)).filter((task) => task.status === 'open')).toHaveLength(1);
    });

    it("assigns the open plan's responsible person, else the latest consultation's counsellor, else nobody; active staff only", async () => {
      const planned = await clientExpiringOn('2036-05-01');
      const consulted = await clientExpiringOn('2036-05-01');
      const formerResponsible = await clientExpiringOn('2036-05-01');
      const nobody = await clientExpiringOn('2036-05-01');
      const [responsible, earlier, latest, former] = await Promise.all([
        newCounsellor(),
        newCounsellor(),
        newCounsellor(),
        newCounsellor(),
      ]);
      await openPlanWith(planned.id, responsible.userId);
      await recordConsultation(planned.id, latest.userId, '2036-02-01');
      await recordConsultation(consulted.id, earlier.userId, '2036-01-05');
      await recordConsultation(consulted.id, latest.userId, '2036-02-10');
      await recordConsultation(consulted.id, earlier.userId, '2035-12-20');
      await openPlanWith(formerResponsible.id, former.userId);
      await recordConsultation(formerResponsible.id, earlier.userId, '2036-01-15');
      await deactivate(former.userId);

      await createPermitExpiryTasks(t.database.db, noonOf('2036-03-01'));
      const assigneeOf = async (clientId: string) => (await tasksOf(clientId))[0]?.assignee?.id ?? null;
      expect(await assigneeOf(planned.id)).toBe(responsible.userId);
      expect(await assigneeOf(consulted.id)).toBe(latest.userId);
      expect(await assigneeOf(formerResponsible.id)).toBe(earlier.userId);
      expect(await assigneeOf(nobody.id)).toBeNull();
    });

    it('creates the tasks of many clients in one statement', async () => {
      const { rows } = await t.database.db.execute<{ id: string }>(sql`
        insert into clients (client_number, given_name, family_name, sex, residence_category, residence_valid_until)
        select '2037-9' || lpad(n::text, 4, '0'), 'Bulk', 'Client' || n, 'female', 'long_term_residence', date '2037-05-01' + (n % 60)
        from generate_series(1, 2000) as n
        returning id`);
      expect(rows).toHaveLength(2000);
      expect(await createPermitExpiryTasks(t.database.db, noonOf('2037-04-01'))).toBe(2000);
      expect(await createPermitExpiryTasks(t.database.db, noonOf('2037-04-01'))).toBe(0);
      const { rows: counted } = await t.database.db.execute<{ tasks: number; audited: number }>(sql`
        select (select count(*)::int from tasks where client_id in (select id from clients where client_number like '2037-9%')) as tasks,
               (select count(*)::int from audit_events where action = 'task.created' and actor_id is null
                  and client_id in (select id from clients where client_number like '2037-9%')) as audited`);
      expect(counted[0]).toEqual({ tasks: 2000, audited: 2000 });
    });
  });

  describe('My day', async () => {
    const today = toCentreDate(new Date());
    const getMyDay = async (cookie: string, query: Record<string, string> = {}) => {
      const response = await t.request({ method: 'GET', url: '/api/my-day', query: { limit: '100', ...query }, cookie });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as MyDayResponse;
    };
    const createTask = async (cookie: string, payload: object): Promise<TaskResponse> => {
      const response = await t.request({ method: 'POST', url: '/api/tasks', cookie, payload: { title: 'Follow up', ...payload } });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    };

    it('shows my open tasks due today or earlier; coordinators also see the unassigned ones', async () => {
      const me = await newCounsellor();
      const colleague = await newCounsellor();
      const overdue = await createTask(me.cookie, { dueOn: addDays(today, -3), assigneeId: me.userId });
      const dueToday = await createTask(me.cookie, { dueOn: today, assigneeId: me.userId });
      await createTask(me.cookie, { dueOn: addDays(today, 1), assigneeId: me.userId });
      await createTask(me.cookie, { dueOn: today, assigneeId: colleague.userId });
      // Due long ago, so it sorts first in the coordinator's list whatever else is due.
      const unassigned = await createTask(me.cookie, { dueOn: '2001-01-01' });
      const done = await createTask(me.cookie, { dueOn: today, assigneeId: me.userId });
      await t.request({ method: 'POST', url: `/api/tasks/${done.id}/complete`, cookie: me.cookie });

      const mine = await getMyDay(me.cookie);
      expect(mine.date).toBe(today);
      expect(mine.tasks.items.map((task) => task.id)).toEqual([overdue.id, dueToday.id]);
      expect(mine.tasks.total).toBe(2);
      expect((await getMyDay(me.cookie, { limit: '1' })).tasks).toMatchObject({ total: 2, items: [{ id: overdue.id }] });
      expect((await getMyDay(me.cookie, { limit: '1', offset: '1' })).tasks).toMatchObject({ total: 2, items: [{ id: dueToday.id }] });

      const team = await getMyDay(coordinator.cookie);
      expect(team.tasks.items[0]?.id).toBe(unassigned.id);
      expect(team.tasks.items.map((task) => task.id)).not.toContain(overdue.id);
    });

    it('lists the permits of my clients expiring within 90 days, and every one to coordinators', async () => {
      const me = await newCounsellor();
      const colleague = await newCounsellor();
      const mine = await clientExpiringOn(addDays(today, 45));
      const expiredLately = await clientExpiringOn(addDays(today, -10));
      const colleagues = await clientExpiringOn(addDays(today, 20));
      const later = await clientExpiringOn(addDays(today, 120));
      await openPlanWith(mine.id, me.userId);
      await openPlanWith(expiredLately.id, me.userId);
      await openPlanWith(colleagues.id, colleague.userId);
      await openPlanWith(later.id, me.userId);
      await createPermitExpiryTasks(t.database.db, new Date());

      const day = await getMyDay(me.cookie);
      expect(day.permits.items.map((p) => [p.client.id, p.validUntil, p.daysLeft, p.assignee?.id])).toEqual([
        [expiredLately.id, addDays(today, -10), -10, me.userId],
        [mine.id, addDays(today, 45), 45, me.userId],
      ]);
      expect(day.permits.total).toBe(2);
      expect(day.permits.items[0]).toMatchObject({
        residenceCategory: 'long_term_residence',
        client: { clientNumber: expiredLately.clientNumber },
      });

      const team = await getMyDay(coordinator.cookie);
      const ids = team.permits.items.map((p) => p.client.id);
      expect(ids).toEqual(expect.arrayContaining([mine.id, expiredLately.id, colleagues.id]));
      expect(ids).not.toContain(later.id);
      expect(team.permits.items.find((p) => p.client.id === colleagues.id)?.assignee?.id).toBe(colleague.userId);

      // A permit whose task is done leaves the counsellor's day; an archived client leaves everyone's.
      const [task] = await tasksOf(mine.id);
      await t.request({ method: 'POST', url: `/api/tasks/${task?.id}/complete`, cookie: me.cookie });
      await t.request({
        method: 'POST',
        url: `/api/clients/${colleagues.id}/archive`,
        cookie: coordinator.cookie,
        payload: { reason: 'Left' },
      });
      expect((await getMyDay(me.cookie)).permits.items.map((p) => p.client.id)).toEqual([expiredLately.id]);
      expect((await getMyDay(coordinator.cookie)).permits.items.map((p) => p.client.id)).not.toContain(colleagues.id);
    });

    it('is for staff who manage tasks, and is not audited (it opens no record)', async () => {
      const receptionist = await createUserThroughApi(t, { roles: ['receptionist'] });
      const { cookie } = await t.signIn(receptionist.email);
      await getMyDay(cookie);
      expect(await auditEventsThroughApi(t, { actorId: receptionist.id })).toEqual([expect.objectContaining({ action: 'auth.sign_in' })]);
      for (const role of ['lecturer', 'dpo', 'admin'] as const) {
        const response = await t.request({ method: 'GET', url: '/api/my-day', cookie: (await staffOf(t, role)).cookie });
        expect(response.statusCode, role).toBe(403);
      }
      expect((await t.request({ method: 'GET', url: '/api/my-day' })).statusCode).toBe(401);
    });
  });
});
