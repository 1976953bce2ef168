import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { type ClientResponse, type ReferralResponse, toCentreDate } from '../../../shared/index.js';
import { auditEventsThroughApi, createClientThroughApi, staffOf, uniqueWord } from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';

describe('referrals', async () => {
  const t = await createTestApp();
  const social = await staffOf(t, 'social_counsellor');
  const legal = await staffOf(t, 'legal_counsellor');
  const coordinator = await staffOf(t, 'coordinator');
  const receptionist = await staffOf(t, 'receptionist');
  const lecturer = await staffOf(t, 'lecturer');
  const today = toCentreDate(new Date());

  const partnerResponse = await t.request({
    method: 'POST',
    url: '/api/partners',
    cookie: coordinator.cookie,
    payload: { name: uniqueWord('Úřad práce '), kind: 'labour_office', languages: ['cs'] },
  });
  const partner = partnerResponse.json() as { id: string; name: string };

  async function addConsent(clientId: string, givenOn: string, purpose = 'sharing_with_partners'): Promise<string> {
    const response = await t.request({
      method: 'POST',
      url: `/api/clients/${clientId}/consents`,
      cookie: receptionist.cookie,
      payload: { purpose, givenOn },
    });
    expect(response.statusCode, response.body).toBe(201);
    const client = response.json() as ClientResponse;
    return (client.consents.find((c) => c.purpose === purpose && c.givenOn === givenOn) as { id: string }).id;
  }
  async function withdraw(clientId: string, consentId: string, withdrawnOn: string) {
    const response = await t.request({
      method: 'POST',
      url: `/api/clients/${clientId}/consents/${consentId}/withdraw`,
      cookie: receptionist.cookie,
      payload: { withdrawnOn },
    });
    expect(response.statusCode, response.body).toBe(200);
  }
  /** A client who consented to sharing with partners at the start of 2025. */
  async function consentingClient() {
    const client = await createClientThroughApi(t);
    return { client, consentId: await addConsent(client.id, '2025-01-10') };
  }
  const refer = (clientId: string, payload: object, cookie = social.cookie) =>
    t.request({ method: 'POST', url: `/api/clients/${clientId}/referrals`, cookie, payload });
  const valid = { partnerId: partner.id, referredOn: '2025-02-03', reason: 'Looking for work; needs the labour office registration' };
  async function referred(clientId: string, payload: object = {}): Promise<ReferralResponse> {
    const response = await refer(clientId, { ...valid, ...payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  const patch = (id: string, payload: object, cookie = social.cookie) =>
    t.request({ method: 'PATCH', url: `/api/referrals/${id}`, cookie, payload });

  /** The client's referrals and the referral audit entries of this file's staff: what a refusal must leave alone. */
  async function writes(clientId: string) {
    const actors = [social, legal, coordinator, receptionist, lecturer].map((s) => s.userId);
    const { rows } = await t.database.db.execute<{ referrals: number; audit: number; updated: string | null }>(sql`
      select (select count(*)::int from referrals where client_id = ${clientId}) as referrals,
             (select max(updated_at)::text from referrals where client_id = ${clientId}) as updated,
             (select count(*)::int from audit_events where action in ('referral.created', 'referral.updated')
                and actor_id in (${sql.join(actors, sql`, `)})) as audit`);
    return rows[0] as { referrals: number; audit: number; updated: string | null };
  }
  async function expectRefused(
    clientId: string,
    options: InjectOptions & { cookie?: string },
    status: number,
    code: string,
    field?: string,
  ) {
    const before = await writes(clientId);
    const response = await t.request(options);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().error.code).toBe(code);
    if (field) expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await writes(clientId)).toEqual(before);
    return response.json().error;
  }
  const post = (clientId: string, payload: unknown, cookie = social.cookie) =>
    ({ method: 'POST', url: `/api/clients/${clientId}/referrals`, cookie, payload: payload as object }) as const;

  describe('consent', () => {
    it('refers a client who consented, keeping the consent it relied on, and audits without the reason', async () => {
      const { client, consentId } = await consentingClient();
      const referral = await referred(client.id);
      expect(referral).toMatchObject({
        clientId: client.id,
        partner: { id: partner.id, name: partner.name, kind: 'labour_office', archived: false },
        referredOn: '2025-02-03',
        reason: valid.reason,
        status: 'sent',
        outcome: null,
        consentId,
        createdBy: { id: social.userId, name: expect.any(String) },
      });
      const [event] = await auditEventsThroughApi(t, { clientId: client.id, action: 'referral.created' });
      expect(event).toMatchObject({ entityType: 'referral', entityId: referral.id, actor: { id: social.userId }, details: { consentId } });
      expect(event?.changes).toEqual([
        { field: 'partnerId', after: partner.id },
        { field: 'referredOn' },
        { field: 'reason' },
        { field: 'status', after: 'sent' },
      ]);
      expect(JSON.stringify(event)).not.toContain('labour office registration');
    });

    it('refuses with 409 CONSENT_REQUIRED and writes nothing when the client never consented', async () => {
      const client = await createClientThroughApi(t);
      await addConsent(client.id, '2025-01-10', 'data_processing');
      const error = await expectRefused(client.id, post(client.id, valid), 409, 'CONSENT_REQUIRED');
      expect(error.details).toEqual({ purpose: 'sharing_with_partners', referredOn: valid.referredOn });
    });

    it('refuses when the consent was withdrawn, even for a date it was in force', async () => {
      const { client, consentId } = await consentingClient();
      const before = await referred(client.id);
      await withdraw(client.id, consentId, '2025-06-30');
      await expectRefused(client.id, post(client.id, { ...valid, referredOn: '2025-07-01' }), 409, 'CONSENT_REQUIRED');
      await expectRefused(client.id, post(client.id, { ...valid, referredOn: '2025-03-01' }), 409, 'CONSENT_REQUIRED');
      // The referral made while the consent was in force stays.
      const list = await t.request({ method: 'GET', url: `/api/clients/${client.id}/referrals`, cookie: social.cookie });
      expect(list.json().items.map((r: ReferralResponse) => r.id)).toEqual([before.id]);
    });

    it('refuses a date before the consent was given, and takes a newer consent after a withdrawal', async () => {
      const client = await createClientThroughApi(t);
      const first = await addConsent(client.id, '2025-03-01');
      await expectRefused(client.id, post(client.id, { ...valid, referredOn: '2025-02-28' }), 409, 'CONSENT_REQUIRED');
      await withdraw(client.id, first, '2025-04-01');
      const renewed = await addConsent(client.id, '2025-05-01');
      expect((await referred(client.id, { referredOn: '2025-05-01' })).consentId).toBe(renewed);
    });
  });

  describe('creating', () => {
    it('refuses a future date, an unknown or archived partner, naming the field', async () => {
      const { client } = await consentingClient();
      const tomorrow = toCentreDate(new Date(Date.now() + 36 * 3_600_000));
      expect((await referred(client.id, { referredOn: today })).referredOn).toBe(today);
      await expectRefused(client.id, post(client.id, { ...valid, referredOn: tomorrow }), 400, 'VALIDATION_FAILED', 'body.referredOn');
      await expectRefused(client.id, post(client.id, { ...valid, partnerId: randomUUID() }), 400, 'VALIDATION_FAILED', 'body.partnerId');
      const closed = await t.request({
        method: 'POST',
        url: '/api/partners',
        cookie: coordinator.cookie,
        payload: { name: uniqueWord('Closed '), kind: 'ngo' },
      });
      await t.request({
        method: 'PATCH',
        url: `/api/partners/${closed.json().id}`,
        cookie: coordinator.cookie,
        payload: { archived: true },
      });
      await expectRefused(
        client.id,
        post(client.id, { ...valid, partnerId: closed.json().id }),
        400,
        'VALIDATION_FAILED',
        'body.partnerId',
      );
    });

    it('answers 404 for an unknown client and 409 for a merged or archived one', async () => {
      const unknown = randomUUID();
      await expectRefused(unknown, post(unknown, valid), 404, 'NOT_FOUND');

      const { client: survivor } = await consentingClient();
      const { client: merged } = await consentingClient();
      const merge = await t.request({
        method: 'POST',
        url: `/api/clients/${survivor.id}/merge`,
        cookie: coordinator.cookie,
        payload: { duplicateId: merged.id, reason: 'Registered twice' },
      });
      expect(merge.statusCode, merge.body).toBe(200);
      const error = await expectRefused(merged.id, post(merged.id, valid), 409, 'CONFLICT');
      expect(error.details).toEqual({ mergedIntoId: survivor.id });
      const list = await t.request({ method: 'GET', url: `/api/clients/${merged.id}/referrals`, cookie: social.cookie });
      expect(list.statusCode).toBe(409);

      const { client: archived } = await consentingClient();
      await t.request({
        method: 'POST',
        url: `/api/clients/${archived.id}/archive`,
        cookie: coordinator.cookie,
        payload: { reason: 'Left' },
      });
      await expectRefused(archived.id, post(archived.id, valid), 409, 'CONFLICT');
    });

    it('is for counsellors: receptionists and lecturers get 403', async () => {
      const { client } = await consentingClient();
      await expectRefused(client.id, post(client.id, valid, receptionist.cookie), 403, 'FORBIDDEN');
      await expectRefused(client.id, post(client.id, valid, lecturer.cookie), 403, 'FORBIDDEN');
      expect((await referred(client.id)).createdBy?.id).toBe(social.userId);
      expect((await refer(client.id, valid, legal.cookie)).statusCode).toBe(201);
      expect((await refer(client.id, valid, coordinator.cookie)).statusCode).toBe(201);
    });

    it.each([
      [{ ...valid, partnerId: undefined }, 'body.partnerId'],
      [{ ...valid, partnerId: 'labour office' }, 'body.partnerId'],
      [{ ...valid, referredOn: undefined }, 'body.referredOn'],
      [{ ...valid, referredOn: '2025-02-30' }, 'body.referredOn'],
      [{ ...valid, referredOn: '3.2.2025' }, 'body.referredOn'],
      [{ ...valid, reason: '' }, 'body.reason'],
      [{ ...valid, reason: '   ' }, 'body.reason'],
      [{ ...valid, reason: 'r'.repeat(2001) }, 'body.reason'],
      [{ ...valid, reason: 42 }, 'body.reason'],
      [{ ...valid, status: 'accepted' }, 'body'],
      [{ ...valid, consentId: randomUUID() }, 'body'],
      [[], 'body'],
    ])('refuses %j with 400 naming %s', async (payload, field) => {
      const { client } = await consentingClient();
      await expectRefused(client.id, post(client.id, payload), 400, 'VALIDATION_FAILED', field);
    });

    it('refuses a malformed client id', async () => {
      const response = await refer('nope', valid);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe('params.id');
    });
  });

  describe('listing', () => {
    it('lists latest first, paged, for everyone who reads counselling, and audits each read with the client', async () => {
      const { client } = await consentingClient();
      const older = await referred(client.id, { referredOn: '2025-02-01' });
      const newer = await referred(client.id, { referredOn: '2025-03-01' });
      const list = (cookie: string, query: Record<string, string> = {}) =>
        t.request({ method: 'GET', url: `/api/clients/${client.id}/referrals`, cookie, query });
      const all = await list(coordinator.cookie);
      expect(all.statusCode).toBe(200);
      expect(all.json()).toEqual({ items: [newer, older], total: 2 });
      // A receptionist learns that the referrals exist, not why or what came of them (decision 022).
      const hidden = (await list(receptionist.cookie)).json();
      expect(hidden.items.map((r: { id: string; reason: unknown; contentHidden: boolean }) => [r.id, r.reason, r.contentHidden])).toEqual([
        [newer.id, null, true],
        [older.id, null, true],
      ]);
      expect((await list(social.cookie, { limit: '1', offset: '1' })).json()).toEqual({ items: [older], total: 2 });
      expect((await list(lecturer.cookie)).statusCode).toBe(403);
      expect((await list(social.cookie, { zzUnknown: '1' })).statusCode).toBe(400);
      const reads = await auditEventsThroughApi(t, { clientId: client.id, action: 'referral.read' });
      expect(reads.map((r) => r.actor?.id)).toEqual([social.userId, receptionist.userId, coordinator.userId]);
      expect(reads[0]).toMatchObject({ entityType: 'client', entityId: client.id, clientId: client.id });
    });

    it('answers 404 for an unknown client, auditing nothing', async () => {
      const unknown = randomUUID();
      expect((await t.request({ method: 'GET', url: `/api/clients/${unknown}/referrals`, cookie: social.cookie })).statusCode).toBe(404);
      expect(await auditEventsThroughApi(t, { clientId: unknown })).toEqual([]);
    });
  });

  describe('status and outcome', () => {
    it('moves a referral on and records its outcome, auditing statuses and only the name of the outcome', async () => {
      const { client } = await consentingClient();
      const referral = await referred(client.id);
      const accepted = await patch(referral.id, { status: 'accepted' });
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json()).toMatchObject({ status: 'accepted', outcome: null });
      const completed = await patch(referral.id, { status: 'completed', outcome: 'Registered as a job seeker' });
      expect(completed.json()).toMatchObject({ status: 'completed', outcome: 'Registered as a job seeker' });
      const noted = await patch(referral.id, { outcome: 'Registered; first interview booked' }, coordinator.cookie);
      expect(noted.json()).toMatchObject({ status: 'completed', outcome: 'Registered; first interview booked' });

      const events = await auditEventsThroughApi(t, { clientId: client.id, action: 'referral.updated' });
      expect(events.map((e) => e.changes)).toEqual([
        [{ field: 'outcome' }],
        [{ field: 'status', before: 'accepted', after: 'completed' }, { field: 'outcome' }],
        [{ field: 'status', before: 'sent', after: 'accepted' }],
      ]);
      expect(events[0]).toMatchObject({ entityType: 'referral', entityId: referral.id, actor: { id: coordinator.userId } });
      expect(JSON.stringify(events)).not.toContain('job seeker');
    });

    it('refuses moves the status rules do not allow with 409, and writes nothing', async () => {
      const { client } = await consentingClient();
      const declined = await referred(client.id);
      expect((await patch(declined.id, { status: 'declined', outcome: 'No capacity' })).statusCode).toBe(200);
      const error = await expectRefused(
        client.id,
        { method: 'PATCH', url: `/api/referrals/${declined.id}`, cookie: social.cookie, payload: { status: 'accepted' } },
        409,
        'CONFLICT',
      );
      expect(error.details).toEqual({ from: 'declined', to: 'accepted', allowed: [] });
      const accepted = await referred(client.id);
      await patch(accepted.id, { status: 'accepted' });
      const back = await expectRefused(
        client.id,
        { method: 'PATCH', url: `/api/referrals/${accepted.id}`, cookie: social.cookie, payload: { status: 'sent' } },
        409,
        'CONFLICT',
      );
      expect(back.details.allowed).toEqual(['completed', 'cancelled']);
    });

    it('writes nothing for a change that changes nothing', async () => {
      const { client } = await consentingClient();
      const referral = await referred(client.id);
      const before = await writes(client.id);
      const same = await patch(referral.id, { status: 'sent', outcome: null });
      expect(same.statusCode).toBe(200);
      expect(same.json()).toEqual(referral);
      expect(await writes(client.id)).toEqual(before);
    });

    it('refuses bad changes, unknown referrals and callers who may not write counselling', async () => {
      const { client } = await consentingClient();
      const referral = await referred(client.id);
      const url = `/api/referrals/${referral.id}`;
      for (const [payload, field] of [
        [{}, 'body'],
        [{ status: 'lost' }, 'body.status'],
        [{ status: null }, 'body.status'],
        [{ outcome: 'o'.repeat(2001) }, 'body.outcome'],
        [{ outcome: 7 }, 'body.outcome'],
        [{ reason: 'changed' }, 'body'],
        [{ partnerId: partner.id }, 'body'],
      ] as const) {
        await expectRefused(client.id, { method: 'PATCH', url, cookie: social.cookie, payload }, 400, 'VALIDATION_FAILED', field);
      }
      await expectRefused(
        client.id,
        { method: 'PATCH', url, cookie: receptionist.cookie, payload: { status: 'accepted' } },
        403,
        'FORBIDDEN',
      );
      expect((await patch(randomUUID(), { status: 'accepted' })).statusCode).toBe(404);
      expect((await patch('nope', { status: 'accepted' })).statusCode).toBe(400);
    });
  });
});
