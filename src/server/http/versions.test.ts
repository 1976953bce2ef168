import { describe, expect, it } from 'vitest';
import type {
  AppointmentResponse,
  ClientResponse,
  ConsultationResponse,
  PartnerResponse,
  PlanResponse,
  ReferralResponse,
  StaleVersionDetails,
} from '../../shared/index.js';
import { at, bookThroughApi, futureWorkday } from '../features/appointments/appointment-test-data.js';
import { auditEventsThroughApi, createClientThroughApi, staffOf, uniqueWord } from '../testing/factories.js';
import { createTestApp } from '../testing/harness.js';

describe('record versions (If-Match, ETag, 412 STALE_VERSION) and changes that change nothing', async () => {
  const t = await createTestApp();
  const first = await t.signInAs(['social_counsellor']);
  const second = await t.signInAs(['social_counsellor']);
  const coordinator = await staffOf(t, 'coordinator');

  type Sent = { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: object; cookie?: string; ifMatch?: string };
  const send = ({ method, url, payload, cookie = first.cookie, ifMatch }: Sent) =>
    t.request({ method, url, cookie, ...(payload ? { payload } : {}), ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}) });
  async function ok<T>(sent: Sent, status = 200): Promise<{ body: T; etag: unknown }> {
    const response = await send(sent);
    expect(response.statusCode, response.body).toBe(status);
    return { body: response.json() as T, etag: response.headers.etag };
  }
  async function stale(sent: Sent): Promise<StaleVersionDetails> {
    const response = await send(sent);
    expect(response.statusCode, response.body).toBe(412);
    const { error } = response.json();
    expect(error.code).toBe('STALE_VERSION');
    return error.details;
  }
  /** The audit entries of one actor about one client, oldest first. */
  const trail = async (clientId: string, actorId: string) =>
    (await auditEventsThroughApi(t, { clientId, actorId })).reverse().map((event) => event.action);

  describe('clients', () => {
    it('answers with the version and its ETag, and a change from the loaded version saves and counts up', async () => {
      const client = await createClientThroughApi(t);
      const read = await ok<ClientResponse>({ method: 'GET', url: `/api/clients/${client.id}` });
      expect(read.body.version).toBe(1);
      expect(read.etag).toBe('W/"1"');
      const saved = await ok<ClientResponse>({
        method: 'PATCH',
        url: `/api/clients/${client.id}`,
        payload: { note: 'A' },
        ifMatch: 'W/"1"',
      });
      expect(saved.body).toMatchObject({ note: 'A', version: 2 });
      expect(saved.etag).toBe('W/"2"');
      // The strong form and a bare number name the same version.
      const again = await ok<ClientResponse>({ method: 'PATCH', url: `/api/clients/${client.id}`, payload: { note: 'B' }, ifMatch: '"2"' });
      expect(again.body.version).toBe(3);
    });

    it('refuses a change made from an older version with what the other person changed, and saves nothing', async () => {
      const client = await createClientThroughApi(t);
      await ok({ method: 'PATCH', url: `/api/clients/${client.id}`, payload: { familyName: 'Novakova', note: 'x' }, ifMatch: 'W/"1"' });
      const details = await stale({
        method: 'PATCH',
        url: `/api/clients/${client.id}`,
        payload: { phone: '+420 777 111 222' },
        cookie: second.cookie,
        ifMatch: 'W/"1"',
      });
      expect(details).toMatchObject({ currentVersion: 2, givenVersion: 1 });
      expect(details.changes.map((change) => change.field).sort()).toEqual(['familyName', 'note']);
      expect(details.changes[0]).toMatchObject({ version: 2, by: { id: first.userId }, at: expect.any(String) });
      const stored = await ok<ClientResponse>({ method: 'GET', url: `/api/clients/${client.id}` });
      expect(stored.body).toMatchObject({ familyName: 'Novakova', phone: null, version: 2 });
      expect(await trail(client.id, second.userId)).not.toContain('client.updated');
      // Re-applied on the current version, the change is saved over the other one: both are kept.
      const reapplied = await ok<ClientResponse>({
        method: 'PATCH',
        url: `/api/clients/${client.id}`,
        payload: { phone: '+420 777 111 222' },
        cookie: second.cookie,
        ifMatch: 'W/"2"',
      });
      expect(reapplied.body).toMatchObject({ familyName: 'Novakova', phone: '+420777111222', version: 3 });
    });

    it('lets one of two changes from the same version at the same moment through, and refuses the other', async () => {
      const client = await createClientThroughApi(t);
      const url = `/api/clients/${client.id}`;
      const answers = await Promise.all([
        send({ method: 'PATCH', url, payload: { note: 'first' }, ifMatch: 'W/"1"' }),
        send({ method: 'PATCH', url, payload: { email: 'second@example.org' }, cookie: second.cookie, ifMatch: 'W/"1"' }),
      ]);
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 412]);
      expect((await ok<ClientResponse>({ method: 'GET', url })).body.version).toBe(2);
    });

    it('saves without If-Match (the stable API), and refuses an If-Match naming no version', async () => {
      const client = await createClientThroughApi(t);
      await ok({ method: 'PATCH', url: `/api/clients/${client.id}`, payload: { note: 'one' }, ifMatch: 'W/"1"' });
      const saved = await ok<ClientResponse>({ method: 'PATCH', url: `/api/clients/${client.id}`, payload: { note: 'two' } });
      expect(saved.body.version).toBe(3);
      expect(
        (await ok<ClientResponse>({ method: 'PATCH', url: `/api/clients/${client.id}`, payload: { note: 'three' }, ifMatch: '*' })).body
          .version,
      ).toBe(4);
      for (const ifMatch of ['W/"x"', '"0"', 'W/"1", W/"2"', '"99999999999"']) {
        const response = await send({ method: 'PATCH', url: `/api/clients/${client.id}`, payload: { note: 'four' }, ifMatch });
        expect(response.statusCode, ifMatch).toBe(400);
        expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'headers.if-match' }] });
      }
      expect((await ok<ClientResponse>({ method: 'GET', url: `/api/clients/${client.id}` })).body.note).toBe('three');
    });

    it('audits a change that changes nothing as a read, without a new version', async () => {
      const client = await createClientThroughApi(t, { note: 'same' });
      const answer = await ok<ClientResponse>({
        method: 'PATCH',
        url: `/api/clients/${client.id}`,
        payload: { note: 'same' },
        cookie: second.cookie,
      });
      expect(answer.body.version).toBe(1);
      expect(await trail(client.id, second.userId)).toEqual(['client.read']);
    });

    it('checks the version when archiving and restoring', async () => {
      const client = await createClientThroughApi(t);
      await ok({ method: 'PATCH', url: `/api/clients/${client.id}`, payload: { note: 'changed' } });
      const details = await stale({
        method: 'POST',
        url: `/api/clients/${client.id}/archive`,
        payload: { reason: 'moved away' },
        cookie: coordinator.cookie,
        ifMatch: 'W/"1"',
      });
      expect(details.changes.map((change) => change.field)).toEqual(['note']);
      const archived = await ok<ClientResponse>({
        method: 'POST',
        url: `/api/clients/${client.id}/archive`,
        payload: { reason: 'moved away' },
        cookie: coordinator.cookie,
        ifMatch: 'W/"2"',
      });
      expect(archived.body.version).toBe(3);
      await stale({ method: 'POST', url: `/api/clients/${client.id}/unarchive`, cookie: coordinator.cookie, ifMatch: 'W/"2"' });
    });
  });

  describe('consultations', () => {
    const payload = {
      startedAt: '2011-06-15T09:30:00+02:00',
      durationMinutes: 45,
      form: 'in_person',
      kind: 'social',
      topics: ['residence'],
    };

    it('versions a consultation, refuses a stale change, and audits a change to equal values as a read', async () => {
      const client = await createClientThroughApi(t);
      const created = await ok<ConsultationResponse>({ method: 'POST', url: `/api/clients/${client.id}/consultations`, payload }, 201);
      expect(created.body.version).toBe(1);
      expect(created.etag).toBe('W/"1"');
      const url = `/api/consultations/${created.body.id}`;
      expect((await ok<ConsultationResponse>({ method: 'GET', url })).etag).toBe('W/"1"');
      const saved = await ok<ConsultationResponse>({ method: 'PATCH', url, payload: { durationMinutes: 60 }, ifMatch: 'W/"1"' });
      expect(saved.body.version).toBe(2);
      const details = await stale({ method: 'PATCH', url, payload: { form: 'phone' }, ifMatch: 'W/"1"' });
      expect(details).toMatchObject({ currentVersion: 2, changes: [{ field: 'durationMinutes', version: 2, by: { id: first.userId } }] });
      expect((await ok<ConsultationResponse>({ method: 'GET', url })).body).toMatchObject({ form: 'in_person', version: 2 });

      const same = await ok<ConsultationResponse>({ method: 'PATCH', url, payload: { durationMinutes: 60 }, cookie: coordinator.cookie });
      expect(same.body.version).toBe(2);
      expect(await trail(client.id, coordinator.userId)).toEqual(['consultation.read']);
    });
  });

  describe('plans and goals', () => {
    it('versions a plan and each goal apart, and audits changes to equal values as reads', async () => {
      const client = await createClientThroughApi(t);
      const opened = await ok<PlanResponse>({ method: 'POST', url: `/api/clients/${client.id}/plans`, payload: {} }, 201);
      expect(opened.body.version).toBe(1);
      const planUrl = `/api/plans/${opened.body.id}`;
      const withGoal = await ok<PlanResponse>(
        { method: 'POST', url: `${planUrl}/goals`, payload: { area: 'work', title: 'Find a job', status: 'planned', steps: [] } },
        201,
      );
      const goal = withGoal.body.goals[0] as PlanResponse['goals'][number];
      expect(goal.version).toBe(1);
      // A goal's change counts up the goal, not the plan; the goal's answer carries the goal's ETag.
      const goalUrl = `/api/plan-goals/${goal.id}`;
      const changedGoal = await ok<PlanResponse>({ method: 'PATCH', url: goalUrl, payload: { status: 'in_progress' }, ifMatch: 'W/"1"' });
      expect(changedGoal.etag).toBe('W/"2"');
      expect(changedGoal.body.version).toBe(1);
      const goalDetails = await stale({
        method: 'PATCH',
        url: goalUrl,
        payload: { title: 'Find work' },
        cookie: second.cookie,
        ifMatch: 'W/"1"',
      });
      expect(goalDetails.changes).toMatchObject([{ field: 'status', version: 2, by: { id: first.userId } }]);

      const nextReviewOn = '2099-01-31';
      expect((await ok<PlanResponse>({ method: 'PATCH', url: planUrl, payload: { nextReviewOn }, ifMatch: 'W/"1"' })).body.version).toBe(2);
      const planDetails = await stale({ method: 'PATCH', url: planUrl, payload: { responsibleId: second.userId }, ifMatch: 'W/"1"' });
      expect(planDetails.changes).toMatchObject([{ field: 'nextReviewOn', version: 2 }]);
      await stale({
        method: 'POST',
        url: `${planUrl}/close`,
        payload: { closedOn: '2020-01-01', outcome: 'goals_achieved' },
        ifMatch: 'W/"1"',
      });

      await ok({ method: 'PATCH', url: planUrl, payload: { nextReviewOn }, cookie: second.cookie });
      await ok({ method: 'PATCH', url: goalUrl, payload: { status: 'in_progress' }, cookie: second.cookie });
      expect(await trail(client.id, second.userId)).toEqual(['plan.read', 'plan.read']);
    });
  });

  describe('appointments', () => {
    it('versions an appointment across changes and status changes, and audits a change to equal values as a read', async () => {
      const counsellor = await t.signInAs(['social_counsellor']);
      const client = await createClientThroughApi(t);
      const day = futureWorkday(40);
      const booked: AppointmentResponse = await bookThroughApi(t, {
        staffId: counsellor.userId,
        clientId: client.id,
        startsAt: at(day, '10:00'),
        durationMinutes: 30,
      });
      expect(booked.version).toBe(1);
      const url = `/api/appointments/${booked.id}`;
      expect((await ok({ method: 'GET', url })).etag).toBe('W/"1"');
      const moved = await ok<AppointmentResponse>({ method: 'PATCH', url, payload: { place: 'Room 3' }, ifMatch: 'W/"1"' });
      expect(moved.body.version).toBe(2);
      const details = await stale({ method: 'PATCH', url, payload: { purpose: 'Permit' }, cookie: second.cookie, ifMatch: 'W/"1"' });
      expect(details.changes).toMatchObject([{ field: 'place', version: 2 }]);
      await stale({ method: 'POST', url: `${url}/status`, payload: { status: 'cancelled' }, ifMatch: 'W/"1"' });

      const same = await ok<AppointmentResponse>({ method: 'PATCH', url, payload: { place: 'Room 3' }, cookie: second.cookie });
      expect(same.body).toMatchObject({ version: 2, purpose: null });
      await ok({ method: 'POST', url: `${url}/status`, payload: { status: 'booked' }, cookie: second.cookie });
      expect(await trail(client.id, second.userId)).toEqual(['appointment.read', 'appointment.read']);
      const cancelled = await ok<AppointmentResponse>({
        method: 'POST',
        url: `${url}/status`,
        payload: { status: 'cancelled' },
        ifMatch: 'W/"2"',
      });
      expect(cancelled.body.version).toBe(3);
    });
  });

  describe('partners', () => {
    it('versions a partner and names the changed fields of a stale change', async () => {
      const created = await ok<PartnerResponse>(
        { method: 'POST', url: '/api/partners', payload: { name: uniqueWord('Charita '), kind: 'ngo' }, cookie: coordinator.cookie },
        201,
      );
      expect(created.etag).toBe('W/"1"');
      const url = `/api/partners/${created.body.id}`;
      await ok({ method: 'PATCH', url, payload: { municipality: 'Děčín' }, cookie: coordinator.cookie, ifMatch: 'W/"1"' });
      const details = await stale({ method: 'PATCH', url, payload: { archived: true }, cookie: coordinator.cookie, ifMatch: 'W/"1"' });
      expect(details.changes).toMatchObject([{ field: 'municipality', version: 2, by: { id: coordinator.userId } }]);
      expect((await ok<PartnerResponse>({ method: 'GET', url })).body).toMatchObject({ archived: false, version: 2 });
    });
  });

  describe('referrals', () => {
    it('audits a change of a referral to its stored values as a read', async () => {
      const client = await createClientThroughApi(t);
      await ok(
        { method: 'POST', url: `/api/clients/${client.id}/consents`, payload: { purpose: 'sharing_with_partners', givenOn: '2025-01-10' } },
        201,
      );
      const partner = await ok<PartnerResponse>(
        { method: 'POST', url: '/api/partners', payload: { name: uniqueWord('Poradna '), kind: 'ngo' }, cookie: coordinator.cookie },
        201,
      );
      const referral = await ok<ReferralResponse>(
        {
          method: 'POST',
          url: `/api/clients/${client.id}/referrals`,
          payload: { partnerId: partner.body.id, referredOn: '2025-02-03', reason: 'Work' },
        },
        201,
      );
      const same = await ok<ReferralResponse>({
        method: 'PATCH',
        url: `/api/referrals/${referral.body.id}`,
        payload: { status: referral.body.status },
        cookie: second.cookie,
      });
      expect(same.body.id).toBe(referral.body.id);
      expect(await trail(client.id, second.userId)).toEqual(['referral.read']);
    });
  });
});
