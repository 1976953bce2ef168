import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { addDays, type PlanResponse, toCentreDate } from '../../../shared/index.js';
import { auditEventsThroughApi, createClientThroughApi, createUserThroughApi, staffOf } from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';

describe('individual plans', async () => {
  const t = await createTestApp();
  const counsellor = await staffOf(t, 'social_counsellor');
  const legal = await staffOf(t, 'legal_counsellor');
  const receptionist = await staffOf(t, 'receptionist');
  const today = toCentreDate(new Date());

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, cookie = counsellor.cookie) =>
    t.request({ method, url, cookie, ...(payload ? { payload } : {}) });
  async function expectOk(response: { statusCode: number; body: string; json: () => unknown }, status = 200): Promise<PlanResponse> {
    expect(response.statusCode, response.body).toBe(status);
    return response.json() as PlanResponse;
  }
  const openPlan = async (clientId: string, payload: object = {}) =>
    expectOk(await send('POST', `/api/clients/${clientId}/plans`, payload), 201);
  const addGoal = async (planId: string, payload: object) => expectOk(await send('POST', `/api/plans/${planId}/goals`, payload), 201);
  const listPlans = async (clientId: string, cookie = counsellor.cookie) => {
    const response = await send('GET', `/api/clients/${clientId}/plans`, undefined, cookie);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: PlanResponse[]; total: number };
  };
  const goal = { area: 'residence', title: 'Renew the employee card', steps: [{ text: 'Book a visit at the ministry' }] };

  describe('opening', () => {
    it('opens a plan today by default, with a responsible counsellor, and audits it with the client', async () => {
      const client = await createClientThroughApi(t);
      const plan = await openPlan(client.id, { responsibleId: legal.userId, nextReviewOn: addDays(today, 30) });
      expect(plan).toMatchObject({
        clientId: client.id,
        status: 'open',
        openedOn: today,
        responsible: { id: legal.userId, name: expect.any(String) },
        nextReviewOn: addDays(today, 30),
        closedOn: null,
        outcome: null,
        goals: [],
        reviews: [],
      });
      const [event] = await auditEventsThroughApi(t, { clientId: client.id, action: 'plan.created' });
      expect(event).toMatchObject({
        actor: { id: counsellor.userId },
        entityType: 'plan',
        entityId: plan.id,
        details: { planId: plan.id, openedOn: today, responsibleId: legal.userId, nextReviewOn: addDays(today, 30) },
      });
    });

    it('refuses a second open plan for the same client with 409, and writes nothing', async () => {
      const client = await createClientThroughApi(t);
      await openPlan(client.id);
      const second = await send('POST', `/api/clients/${client.id}/plans`, {});
      expect(second.statusCode).toBe(409);
      expect(second.json().error.code).toBe('CONFLICT');
      expect((await listPlans(client.id)).total).toBe(1);
      expect(await auditEventsThroughApi(t, { clientId: client.id, action: 'plan.created' })).toHaveLength(1);
    });

    it('refuses a client that does not exist (404), is archived or merged away (409)', async () => {
      expect((await send('POST', `/api/clients/${randomUUID()}/plans`, {})).statusCode).toBe(404);
      const archived = await createClientThroughApi(t);
      const archiving = await send('POST', `/api/clients/${archived.id}/archive`, { reason: 'Moved away' });
      expect(archiving.statusCode, archiving.body).toBe(200);
      expect((await send('POST', `/api/clients/${archived.id}/plans`, {})).statusCode).toBe(409);

      const survivor = await createClientThroughApi(t);
      const duplicate = await createClientThroughApi(t);
      const coordinator = await staffOf(t, 'coordinator');
      const merging = await send(
        'POST',
        `/api/clients/${survivor.id}/merge`,
        { duplicateId: duplicate.id, reason: 'Twice' },
        coordinator.cookie,
      );
      expect(merging.statusCode, merging.body).toBe(200);
      expect((await send('POST', `/api/clients/${duplicate.id}/plans`, {})).statusCode).toBe(409);
      expect((await listPlans(archived.id)).total).toBe(0);
      expect((await listPlans(duplicate.id)).total).toBe(0);
    });

    it('lets only counselling staff open plans', async () => {
      const client = await createClientThroughApi(t);
      expect((await send('POST', `/api/clients/${client.id}/plans`, {}, receptionist.cookie)).statusCode).toBe(403);
      expect((await t.request({ method: 'POST', url: `/api/clients/${client.id}/plans`, payload: {} })).statusCode).toBe(401);
      expect((await listPlans(client.id)).total).toBe(0);
    });
  });

  describe('responsible persons', () => {
    it('must be active staff who may write counselling records', async () => {
      const client = await createClientThroughApi(t);
      const plan = await openPlan(client.id);
      const former = await createUserThroughApi(t, { roles: ['social_counsellor'] });
      const admin = await staffOf(t, 'admin');
      const deactivating = await send('PATCH', `/api/users/${former.id}`, { active: false }, admin.cookie);
      expect(deactivating.statusCode, deactivating.body).toBe(200);
      for (const responsibleId of [receptionist.userId, former.id, 'no-such-user']) {
        for (const [method, url, payload] of [
          ['PATCH', `/api/plans/${plan.id}`, { responsibleId }],
          ['POST', `/api/plans/${plan.id}/goals`, { ...goal, responsibleId }],
          ['POST', `/api/clients/${(await createClientThroughApi(t)).id}/plans`, { responsibleId }],
        ] as const) {
          const response = await send(method, url, payload);
          expect(response.statusCode, `${url} ${responsibleId}`).toBe(400);
          expect(response.json().error.details).toEqual([expect.objectContaining({ field: 'body.responsibleId', code: 'unknown_staff' })]);
        }
      }
      expect((await listPlans(client.id)).items[0]).toMatchObject({ responsible: null, goals: [] });
    });

    it('are offered from the active staff who may write counselling records', async () => {
      const former = await createUserThroughApi(t, { roles: ['legal_counsellor'] });
      const admin = await staffOf(t, 'admin');
      await send('PATCH', `/api/users/${former.id}`, { active: false }, admin.cookie);
      const response = await send('GET', '/api/plans/responsible-staff?limit=100');
      expect(response.statusCode, response.body).toBe(200);
      const { items, total } = response.json() as { items: { id: string; name: string }[]; total: number };
      const ids = items.map((item) => item.id);
      expect(ids).toEqual(expect.arrayContaining([counsellor.userId, legal.userId]));
      expect(ids).not.toContain(receptionist.userId);
      expect(ids).not.toContain(former.id);
      expect(total).toBeGreaterThanOrEqual(2);
      expect((await send('GET', '/api/plans/responsible-staff', undefined, receptionist.cookie)).statusCode).toBe(403);
    });
  });

  describe('goals', () => {
    it('adds goals in life areas with steps, and audits the area and status but never the words', async () => {
      const client = await createClientThroughApi(t);
      const plan = await openPlan(client.id);
      const dueOn = addDays(today, 60);
      const withGoal = await addGoal(plan.id, { ...goal, responsibleId: counsellor.userId, dueOn });
      expect(withGoal.goals).toEqual([
        {
          id: expect.any(String),
          area: 'residence',
          title: 'Renew the employee card',
          status: 'planned',
          steps: [{ text: 'Book a visit at the ministry', done: false }],
          responsible: { id: counsellor.userId, name: expect.any(String) },
          dueOn,
          version: 1,
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        },
      ]);
      const second = await addGoal(plan.id, { area: 'language', title: 'Czech at A2', status: 'in_progress' });
      expect(second.goals.map((g) => g.area)).toEqual(['residence', 'language']);
      const goalId = withGoal.goals[0]?.id;
      const [event] = await auditEventsThroughApi(t, { clientId: client.id, action: 'plan.goal_added' }).then((events) =>
        events.filter((e) => e.entityId === goalId),
      );
      expect(event).toMatchObject({
        entityType: 'plan_goal',
        details: { planId: plan.id, goalId, area: 'residence', status: 'planned', dueOn, stepsDone: 0, stepsTotal: 1 },
      });
      expect(JSON.stringify(event)).not.toContain('employee card');
      expect(JSON.stringify(event)).not.toContain('ministry');
    });

    it('changes status, steps and title; the audit names the changed fields and keeps values only of non-personal ones', async () => {
      const client = await createClientThroughApi(t);
      const plan = await addGoal((await openPlan(client.id)).id, goal);
      const goalId = plan.goals[0]?.id as string;
      const steps = [
        { text: 'Book a visit at the ministry', done: true },
        { text: 'Collect the employer confirmation', done: false },
      ];
      const changed = await expectOk(
        await send('PATCH', `/api/plan-goals/${goalId}`, { status: 'in_progress', steps, title: 'Employee card' }),
      );
      expect(changed.goals[0]).toMatchObject({ status: 'in_progress', steps, title: 'Employee card' });
      const [event] = await auditEventsThroughApi(t, { clientId: client.id, action: 'plan.goal_updated' });
      expect(event?.changes).toEqual([
        { field: 'title' },
        { field: 'status', before: 'planned', after: 'in_progress' },
        { field: 'steps' },
      ]);
      expect(event?.details).toMatchObject({
        planId: plan.id,
        goalId,
        area: 'residence',
        status: 'in_progress',
        stepsDone: 1,
        stepsTotal: 2,
        fields: expect.arrayContaining(['title', 'status', 'steps']),
      });
      expect(JSON.stringify(event)).not.toContain('employer');

      // The same values again change nothing and are not audited.
      await expectOk(await send('PATCH', `/api/plan-goals/${goalId}`, { status: 'in_progress', steps }));
      expect(await auditEventsThroughApi(t, { clientId: client.id, action: 'plan.goal_updated' })).toHaveLength(1);
      expect((await send('PATCH', `/api/plan-goals/${randomUUID()}`, { status: 'achieved' })).statusCode).toBe(404);
    });
  });

  describe('the plan itself', () => {
    it('changes the responsible person and the next review date, audited with both values', async () => {
      const client = await createClientThroughApi(t);
      const plan = await openPlan(client.id, { responsibleId: counsellor.userId });
      const nextReviewOn = addDays(today, 14);
      const changed = await expectOk(await send('PATCH', `/api/plans/${plan.id}`, { responsibleId: legal.userId, nextReviewOn }));
      expect(changed).toMatchObject({ responsible: { id: legal.userId }, nextReviewOn });
      const [event] = await auditEventsThroughApi(t, { clientId: client.id, action: 'plan.updated' });
      expect(event?.changes).toEqual([
        { field: 'responsibleId', before: counsellor.userId, after: legal.userId },
        { field: 'nextReviewOn', before: null, after: nextReviewOn },
      ]);
      expect(event?.details).toMatchObject({ planId: plan.id, fields: ['responsibleId', 'nextReviewOn'] });
      expect((await send('PATCH', `/api/plans/${randomUUID()}`, { nextReviewOn })).statusCode).toBe(404);
    });

    it('records reviews with the client, newest first; a next review date given becomes the plan’s', async () => {
      const client = await createClientThroughApi(t);
      const plan = await openPlan(client.id, { openedOn: addDays(today, -40) });
      await expectOk(await send('POST', `/api/plans/${plan.id}/reviews`, { reviewedOn: addDays(today, -10), summary: 'First talk' }), 201);
      const reviewed = await expectOk(
        await send('POST', `/api/plans/${plan.id}/reviews`, {
          reviewedOn: today,
          summary: 'Housing found; the card is pending',
          nextReviewOn: addDays(today, 30),
        }),
        201,
      );
      expect(reviewed.nextReviewOn).toBe(addDays(today, 30));
      expect(reviewed.reviews.map((r) => [r.reviewedOn, r.summary, r.reviewedBy?.id])).toEqual([
        [today, 'Housing found; the card is pending', counsellor.userId],
        [addDays(today, -10), 'First talk', counsellor.userId],
      ]);
      const events = await auditEventsThroughApi(t, { clientId: client.id, action: 'plan.reviewed' });
      expect(events).toHaveLength(2);
      expect(events[0]).toMatchObject({
        entityType: 'plan_review',
        details: { planId: plan.id, reviewedOn: today, nextReviewOn: addDays(today, 30) },
      });
      expect(JSON.stringify(events)).not.toContain('Housing');
    });

    it('refuses a review or closing dated before the opening or in the future, and writes nothing', async () => {
      const client = await createClientThroughApi(t);
      const plan = await openPlan(client.id, { openedOn: addDays(today, -5) });
      for (const [url, payload, field] of [
        [`/api/plans/${plan.id}/reviews`, { reviewedOn: addDays(today, -6), summary: 'Early' }, 'body.reviewedOn'],
        [`/api/plans/${plan.id}/reviews`, { reviewedOn: addDays(today, 1), summary: 'Future' }, 'body.reviewedOn'],
        [`/api/plans/${plan.id}/close`, { closedOn: addDays(today, -6), outcome: 'other' }, 'body.closedOn'],
        [`/api/plans/${plan.id}/close`, { closedOn: addDays(today, 1), outcome: 'other' }, 'body.closedOn'],
        [`/api/clients/${(await createClientThroughApi(t)).id}/plans`, { openedOn: addDays(today, 1) }, 'body.openedOn'],
      ] as const) {
        const response = await send('POST', url, payload);
        expect(response.statusCode, url).toBe(400);
        expect(response.json().error.details).toEqual([expect.objectContaining({ field })]);
      }
      expect((await listPlans(client.id)).items[0]).toMatchObject({ status: 'open', reviews: [] });
    });

    it('closes with an outcome; a closed plan refuses every change with 409, and a new plan can be opened', async () => {
      const client = await createClientThroughApi(t);
      const plan = await addGoal((await openPlan(client.id)).id, goal);
      const goalId = plan.goals[0]?.id as string;
      await send('PATCH', `/api/plan-goals/${goalId}`, { status: 'achieved' });
      const closed = await expectOk(await send('POST', `/api/plans/${plan.id}/close`, { closedOn: today, outcome: 'goals_achieved' }));
      expect(closed).toMatchObject({ status: 'closed', closedOn: today, outcome: 'goals_achieved', nextReviewOn: null });
      const [event] = await auditEventsThroughApi(t, { clientId: client.id, action: 'plan.closed' });
      expect(event?.details).toEqual({
        planId: plan.id,
        closedOn: today,
        outcome: 'goals_achieved',
        goalsByStatus: { achieved: 1 },
        fields: ['status', 'closedOn', 'outcome'],
        versionOf: `plan:${plan.id}`,
        version: 2,
      });

      const before = await countRows(client.id);
      for (const [method, url, payload] of [
        ['PATCH', `/api/plans/${plan.id}`, { nextReviewOn: today }],
        ['POST', `/api/plans/${plan.id}/goals`, goal],
        ['PATCH', `/api/plan-goals/${goalId}`, { status: 'dropped' }],
        ['POST', `/api/plans/${plan.id}/reviews`, { reviewedOn: today, summary: 'Too late' }],
        ['POST', `/api/plans/${plan.id}/close`, { closedOn: today, outcome: 'other' }],
      ] as const) {
        const response = await send(method, url, payload);
        expect(response.statusCode, url).toBe(409);
        expect(response.json().error.code).toBe('CONFLICT');
      }
      expect(await countRows(client.id)).toEqual(before);

      const next = await openPlan(client.id);
      const { items, total } = await listPlans(client.id);
      expect(total).toBe(2);
      expect(items.map((p) => [p.id, p.status])).toEqual([
        [next.id, 'open'],
        [plan.id, 'closed'],
      ]);
    });

    it('refuses changes to the plan of an archived client', async () => {
      const client = await createClientThroughApi(t);
      const plan = await openPlan(client.id);
      await send('POST', `/api/clients/${client.id}/archive`, { reason: 'Left the region' });
      const response = await send('POST', `/api/plans/${plan.id}/goals`, goal);
      expect(response.statusCode).toBe(409);
      expect((await listPlans(client.id)).items[0]?.goals).toEqual([]);
    });
  });

  describe('reading', () => {
    it("lists a client's plans with goals and reviews, open first, and audits every read with the client", async () => {
      const client = await createClientThroughApi(t);
      const first = await openPlan(client.id, { openedOn: addDays(today, -100) });
      await addGoal(first.id, goal);
      await send('POST', `/api/plans/${first.id}/close`, { closedOn: addDays(today, -50), outcome: 'partly_achieved' });
      const open = await addGoal((await openPlan(client.id)).id, { area: 'work', title: 'Find a job' });
      await send('POST', `/api/plans/${open.id}/reviews`, { reviewedOn: today, summary: 'Talked' });

      const coordinator = await staffOf(t, 'coordinator');
      const list = await listPlans(client.id, coordinator.cookie);
      expect(list.total).toBe(2);
      expect(list.items.map((p) => [p.status, p.goals.map((g) => g.area), p.reviews.length])).toEqual([
        ['open', ['work'], 1],
        ['closed', ['residence'], 0],
      ]);
      const dpo = await staffOf(t, 'dpo');
      await listPlans(client.id, dpo.cookie);
      const reads = await auditEventsThroughApi(t, { clientId: client.id, action: 'plan.read' });
      expect(reads.map((r) => r.actor?.id).sort()).toEqual([coordinator.userId, dpo.userId].sort());
      expect(reads[0]).toMatchObject({ entityType: 'client', entityId: client.id, clientId: client.id });

      const paged = await send('GET', `/api/clients/${client.id}/plans?limit=1&offset=1`);
      expect(paged.json()).toMatchObject({ total: 2, items: [{ id: first.id }] });
    });

    it('answers 404 for an unknown client without auditing a read, and 403 to roles outside counselling', async () => {
      const id = randomUUID();
      expect((await send('GET', `/api/clients/${id}/plans`)).statusCode).toBe(404);
      expect(await auditEventsThroughApi(t, { clientId: id })).toEqual([]);
      const lecturer = await staffOf(t, 'lecturer');
      const client = await createClientThroughApi(t);
      expect((await send('GET', `/api/clients/${client.id}/plans`, undefined, lecturer.cookie)).statusCode).toBe(403);
      expect(await auditEventsThroughApi(t, { clientId: client.id, action: 'plan.read' })).toEqual([]);
    });
  });

  /** What a request could write for the client: plans, goals, reviews and audit entries. */
  async function countRows(clientId: string) {
    const { rows } = await t.database.db.execute(sql`
      select (select count(*)::int from plans where client_id = ${clientId}) as plans,
             (select count(*)::int from plan_goals g join plans p on p.id = g.plan_id where p.client_id = ${clientId}) as goals,
             (select count(*)::int from plan_reviews r join plans p on p.id = r.plan_id where p.client_id = ${clientId}) as reviews,
             (select max(updated_at) from plans where client_id = ${clientId})::text as touched,
             (select count(*)::int from audit_events where client_id = ${clientId} and action <> 'plan.read') as audit`);
    return rows[0];
  }

  describe('bad input', async () => {
    const client = await createClientThroughApi(t);
    const plan = await addGoal((await openPlan(client.id)).id, goal);
    const goalId = plan.goals[0]?.id as string;
    const otherClient = await createClientThroughApi(t);
    const long = (n: number) => 'x'.repeat(n);
    type Case = [InjectOptions['method'], string, object | undefined, string | { keys: string[] }];
    const cases: Case[] = [
      ['POST', `/api/clients/${otherClient.id}/plans`, { openedOn: '2026-02-30' }, 'body.openedOn'],
      ['POST', `/api/clients/${otherClient.id}/plans`, { openedOn: '2026-03-10', nextReviewOn: '2026-03-09' }, 'body.nextReviewOn'],
      ['POST', `/api/clients/${otherClient.id}/plans`, { responsibleId: '' }, 'body.responsibleId'],
      ['POST', `/api/clients/${otherClient.id}/plans`, { responsibleId: long(101) }, 'body.responsibleId'],
      ['POST', `/api/clients/${otherClient.id}/plans`, { status: 'closed' }, { keys: ['status'] }],
      ['POST', '/api/clients/not-a-uuid/plans', {}, 'params.id'],
      ['PATCH', `/api/plans/${plan.id}`, { nextReviewOn: '15.3.2026' }, 'body.nextReviewOn'],
      ['PATCH', `/api/plans/${plan.id}`, { responsibleId: 42 }, 'body.responsibleId'],
      ['PATCH', `/api/plans/${plan.id}`, { outcome: 'other' }, { keys: ['outcome'] }],
      ['PATCH', '/api/plans/not-a-uuid', {}, 'params.id'],
      ['POST', `/api/plans/${plan.id}/goals`, { title: 'No area' }, 'body.area'],
      ['POST', `/api/plans/${plan.id}/goals`, { ...goal, area: 'sport' }, 'body.area'],
      ['POST', `/api/plans/${plan.id}/goals`, { ...goal, title: '  ' }, 'body.title'],
      ['POST', `/api/plans/${plan.id}/goals`, { ...goal, title: long(201) }, 'body.title'],
      ['POST', `/api/plans/${plan.id}/goals`, { ...goal, status: 'done' }, 'body.status'],
      ['POST', `/api/plans/${plan.id}/goals`, { ...goal, steps: 'call the ministry' }, 'body.steps'],
      ['POST', `/api/plans/${plan.id}/goals`, { ...goal, steps: [{ text: '' }] }, 'body.steps.0.text'],
      ['POST', `/api/plans/${plan.id}/goals`, { ...goal, steps: [{ text: 'a', done: 'yes' }] }, 'body.steps.0.done'],
      ['POST', `/api/plans/${plan.id}/goals`, { ...goal, steps: [{ text: 'a', due: '2026-01-01' }] }, { keys: ['due'] }],
      ['POST', `/api/plans/${plan.id}/goals`, { ...goal, steps: Array.from({ length: 31 }, () => ({ text: 'a' })) }, 'body.steps'],
      ['POST', `/api/plans/${plan.id}/goals`, { ...goal, dueOn: '2026-04-31' }, 'body.dueOn'],
      ['PATCH', `/api/plan-goals/${goalId}`, { status: 'finished' }, 'body.status'],
      ['PATCH', `/api/plan-goals/${goalId}`, { title: null }, 'body.title'],
      ['PATCH', `/api/plan-goals/${goalId}`, { steps: null }, 'body.steps'],
      ['PATCH', `/api/plan-goals/${goalId}`, { planId: randomUUID() }, { keys: ['planId'] }],
      ['PATCH', '/api/plan-goals/not-a-uuid', {}, 'params.id'],
      ['POST', `/api/plans/${plan.id}/reviews`, { reviewedOn: today }, 'body.summary'],
      ['POST', `/api/plans/${plan.id}/reviews`, { summary: 'Talked' }, 'body.reviewedOn'],
      ['POST', `/api/plans/${plan.id}/reviews`, { reviewedOn: today, summary: long(5001) }, 'body.summary'],
      ['POST', `/api/plans/${plan.id}/reviews`, { reviewedOn: today, summary: 'a', nextReviewOn: addDays(today, -1) }, 'body.nextReviewOn'],
      ['POST', `/api/plans/${plan.id}/close`, { closedOn: today }, 'body.outcome'],
      ['POST', `/api/plans/${plan.id}/close`, { closedOn: today, outcome: 'great' }, 'body.outcome'],
      ['POST', `/api/plans/${plan.id}/close`, { outcome: 'other' }, 'body.closedOn'],
      ['POST', `/api/plans/${plan.id}/close`, { closedOn: today, outcome: 'other', note: 'x' }, { keys: ['note'] }],
      ['GET', `/api/clients/${client.id}/plans?limit=0`, undefined, 'querystring.limit'],
      ['GET', `/api/clients/${client.id}/plans?status=open`, undefined, { keys: ['status'] }],
      ['GET', '/api/plans/responsible-staff?limit=101', undefined, 'querystring.limit'],
    ];

    it.each(cases.map((c) => [`${c[0]} ${c[1]} ${JSON.stringify(c[2] ?? {}).slice(0, 60)}`, c] as const))(
      '%s → 400 naming the field, nothing written',
      async (_name, [method, url, payload, expected]) => {
        const before = [await countRows(client.id), await countRows(otherClient.id)];
        const response = await t.request({ method, url, cookie: counsellor.cookie, ...(payload ? { payload } : {}) });
        expect(response.statusCode, response.body).toBe(400);
        const error = response.json().error as { code: string; details: { field: string; keys?: string[] }[] };
        expect(error.code).toBe('VALIDATION_FAILED');
        if (typeof expected === 'string') expect(error.details.map((d) => d.field)).toContain(expected);
        else expect(error.details.flatMap((d) => d.keys ?? [])).toEqual(expect.arrayContaining(expected.keys));
        expect([await countRows(client.id), await countRows(otherClient.id)]).toEqual(before);
      },
    );
  });
});
