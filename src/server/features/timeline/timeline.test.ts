import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Role, TimelineEntry, TimelineResponse } from '../../../shared/index.js';
import { auditEventsThroughApi, createClientThroughApi, staffOf, uniqueWord } from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';

describe("a client's timeline", async () => {
  const t = await createTestApp();
  const db = t.database.db;
  const social = await staffOf(t, 'social_counsellor');
  const legal = await staffOf(t, 'legal_counsellor');
  const coordinator = await staffOf(t, 'coordinator');
  const receptionist = await staffOf(t, 'receptionist');

  async function timelineOf(clientId: string, role: Role, query: Record<string, string> = {}): Promise<TimelineResponse> {
    const response = await t.request({
      method: 'GET',
      url: `/api/clients/${clientId}/timeline`,
      query,
      cookie: (await staffOf(t, role)).cookie,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  /** A consultation written straight into the ledger, as the counselling feature stores it. */
  async function addConsultation(clientId: string, options: { kind: 'social' | 'legal'; authorId: string; at: string }) {
    const [row] = (
      await db.execute(sql`insert into services (kind, occurred_on, started_at, duration_minutes, staff_id, client_id)
        values ('consultation', ${options.at.slice(0, 10)}, ${options.at}, 45, ${options.authorId}, ${clientId}) returning id`)
    ).rows as { id: string }[];
    const serviceId = (row as { id: string }).id;
    await db.execute(sql`insert into consultations (service_id, form, kind, topics, notes, created_by)
      values (${serviceId}, 'in_person', ${options.kind}, ${sql`array['residence','housing']::text[]`}, 'confidential words', ${options.authorId})`);
    return serviceId;
  }

  async function addAppointment(clientId: string, staffId: string, startsAt: string) {
    const result = await db.execute(sql`insert into appointments (staff_id, client_id, starts_at, ends_at, place, status)
      values (${staffId}, ${clientId}, ${startsAt}, ${startsAt}::timestamptz + interval '1 hour', 'Room 2', 'booked') returning id`);
    return (result.rows[0] as { id: string }).id;
  }

  async function addReferral(clientId: string, staffId: string, createdAt: string) {
    const partnerName = uniqueWord('Partner ');
    const partner = await db.execute(sql`insert into partners (name, kind) values (${partnerName}, 'ngo') returning id`);
    const consent = await db.execute(sql`insert into consents (client_id, purpose, given_on, recorded_by)
      values (${clientId}, 'sharing_with_partners', '2026-01-01', ${staffId}) returning id`);
    const result =
      await db.execute(sql`insert into referrals (client_id, partner_id, referred_on, reason, consent_id, created_by, created_at)
      values (${clientId}, ${(partner.rows[0] as { id: string }).id}, ${createdAt.slice(0, 10)}, 'work permit', ${(consent.rows[0] as { id: string }).id}, ${staffId}, ${createdAt})
      returning id`);
    return { id: (result.rows[0] as { id: string }).id, partnerName };
  }

  async function addDocument(clientId: string, staffId: string, uploadedAt: string, serviceId: string | null) {
    const result =
      await db.execute(sql`insert into documents (client_id, service_id, file_name, media_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at)
      values (${clientId}, ${serviceId}, 'rozhodnuti.pdf', 'application/pdf', 1200, 'ab', ${uniqueWord('key')}, ${staffId}, ${uploadedAt}) returning id`);
    return (result.rows[0] as { id: string }).id;
  }

  async function addPlanEvent(clientId: string, staffId: string, at: string) {
    await db.execute(sql`insert into audit_events (actor_id, action, entity_type, client_id, details, at)
      values (${staffId}, 'plan.goal_added', 'plan', ${clientId}, ${JSON.stringify({ area: 'housing', status: 'planned' })}::jsonb, ${at})`);
  }

  /** A client with one entry of every kind, at known times in 2026. */
  async function clientWithHistory() {
    const client = await createClientThroughApi(t);
    const consultation = await addConsultation(client.id, { kind: 'social', authorId: social.userId, at: '2026-03-02T09:00:00Z' });
    const appointment = await addAppointment(client.id, social.userId, '2026-03-05T10:00:00Z');
    await addPlanEvent(client.id, social.userId, '2026-03-06T11:00:00Z');
    const referral = await addReferral(client.id, social.userId, '2026-03-07T12:00:00Z');
    const document = await addDocument(client.id, social.userId, '2026-03-08T13:00:00Z', null);
    return { client, consultation, appointment, referral, document };
  }

  it('shows consultations, appointments, plan changes, referrals, documents and record changes, newest first', async () => {
    const made = await clientWithHistory();
    await t.request({
      method: 'PATCH',
      url: `/api/clients/${made.client.id}`,
      cookie: receptionist.cookie,
      payload: { phone: '+420 777 123 456' },
    });
    const { items, nextCursor } = await timelineOf(made.client.id, 'social_counsellor');
    expect(nextCursor).toBeNull();
    // The registration and the change are today; the rest is in March 2026.
    expect(items.map((entry) => entry.kind)).toEqual(['record', 'record', 'document', 'referral', 'plan', 'appointment', 'consultation']);
    const byKind = Object.fromEntries(items.map((entry) => [entry.kind, entry])) as Record<string, TimelineEntry>;
    expect(items[0]).toMatchObject({ kind: 'record', action: 'client.updated', changes: [{ field: 'phone' }] });
    expect(items[1]).toMatchObject({ kind: 'record', action: 'client.created' });
    expect(byKind.consultation).toMatchObject({
      id: made.consultation,
      consultationKind: 'social',
      form: 'in_person',
      durationMinutes: 45,
      topics: ['residence', 'housing'],
      contentHidden: false,
      staff: { id: social.userId },
    });
    expect(byKind.appointment).toMatchObject({
      id: made.appointment,
      status: 'booked',
      place: 'Room 2',
      at: '2026-03-05T10:00:00.000000Z',
    });
    expect(byKind.plan).toMatchObject({ action: 'plan.goal_added', details: { area: 'housing', status: 'planned' } });
    expect(byKind.referral).toMatchObject({ id: made.referral.id, partner: { name: made.referral.partnerName }, status: 'sent' });
    expect(byKind.document).toMatchObject({ id: made.document, fileName: 'rozhodnuti.pdf', mediaType: 'application/pdf' });
    // Nothing of what the timeline shows carries the consultation's notes.
    expect(JSON.stringify(items)).not.toContain('confidential words');
  });

  it('leaves reads of the record out: they belong to the audit trail', async () => {
    const client = await createClientThroughApi(t);
    await t.request({ method: 'GET', url: `/api/clients/${client.id}`, cookie: social.cookie });
    const { items } = await timelineOf(client.id, 'social_counsellor');
    expect(items.map((entry) => (entry.kind === 'record' ? entry.action : entry.kind))).toEqual(['client.created']);
  });

  it('filters by kind', async () => {
    const made = await clientWithHistory();
    const { items } = await timelineOf(made.client.id, 'coordinator', { kinds: 'consultation,document' });
    expect(items.map((entry) => entry.id)).toEqual([made.document, made.consultation]);
  });

  it('pages with a cursor, without gaps or repeats', async () => {
    const made = await clientWithHistory();
    const all = (await timelineOf(made.client.id, 'coordinator')).items.map((entry) => entry.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: TimelineResponse = await timelineOf(made.client.id, 'coordinator', { limit: '2', ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((entry) => entry.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 2));
  });

  it('pages correctly through entries made within the same millisecond', async () => {
    const client = await createClientThroughApi(t);
    for (let i = 0; i < 5; i++) await addPlanEvent(client.id, social.userId, '2026-04-01T08:00:00.000123Z');
    await addPlanEvent(client.id, social.userId, '2026-04-01T08:00:00.000456Z');
    const all = (await timelineOf(client.id, 'coordinator', { kinds: 'plan' })).items.map((entry) => entry.id);
    expect(all).toHaveLength(6);
    const first = await timelineOf(client.id, 'coordinator', { kinds: 'plan', limit: '3' });
    const second = await timelineOf(client.id, 'coordinator', { kinds: 'plan', limit: '3', cursor: first.nextCursor ?? '' });
    expect([...first.items, ...second.items].map((entry) => entry.id)).toEqual(all);
    expect(second.nextCursor).toBeNull();
  });

  describe('a legal consultation', async () => {
    const client = await createClientThroughApi(t);
    const byLegal = await addConsultation(client.id, { kind: 'legal', authorId: legal.userId, at: '2026-05-04T09:00:00Z' });
    const byCoordinator = await addConsultation(client.id, { kind: 'legal', authorId: coordinator.userId, at: '2026-05-05T09:00:00Z' });
    const attachment = await addDocument(client.id, legal.userId, '2026-05-04T10:00:00Z', byLegal);
    const entry = (items: TimelineEntry[], id: string) => items.find((item) => item.id === id);

    it.each(['social_counsellor', 'receptionist', 'dpo'] as const)(
      'shows %s that it took place, when and how long, without its content',
      async (role) => {
        const { items } = await timelineOf(client.id, role);
        expect(entry(items, byLegal)).toMatchObject({
          consultationKind: 'legal',
          durationMinutes: 45,
          topics: [],
          form: null,
          contentHidden: true,
        });
        expect(entry(items, attachment)).toMatchObject({ kind: 'document', fileName: null });
      },
    );

    it('shows a legal counsellor its content', async () => {
      const { items } = await timelineOf(client.id, 'legal_counsellor');
      expect(entry(items, byLegal)).toMatchObject({ topics: ['residence', 'housing'], contentHidden: false });
      expect(entry(items, byCoordinator)).toMatchObject({ contentHidden: false });
      expect(entry(items, attachment)).toMatchObject({ fileName: 'rozhodnuti.pdf' });
    });

    it('shows its author its content, and no one else’s', async () => {
      const { items } = await timelineOf(client.id, 'coordinator');
      expect(entry(items, byCoordinator)).toMatchObject({ contentHidden: false, topics: ['residence', 'housing'] });
      expect(entry(items, byLegal)).toMatchObject({ contentHidden: true });
    });
  });

  it('audits every read with the client', async () => {
    const client = await createClientThroughApi(t);
    await timelineOf(client.id, 'social_counsellor', { kinds: 'consultation' });
    const events = await auditEventsThroughApi(t, { clientId: client.id, action: 'timeline.read' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: { id: social.userId }, entityId: client.id, details: { kinds: ['consultation'] } });
  });

  it('refuses bad input with the error shape, and unknown or merged clients', async () => {
    const client = await createClientThroughApi(t);
    const call = (url: string, query: Record<string, string> = {}) => t.request({ method: 'GET', url, query, cookie: social.cookie });
    for (const [query, field] of [
      [{ kinds: 'consultation,holiday' }, 'querystring.kinds'],
      [{ cursor: "2026-01-01T00:00:00Z_1' or 1=1" }, 'querystring.cursor'],
      // Cursors of the right form whose time does not exist, and ones that are not cursors at all.
      [{ cursor: '2026-02-30T10:00:00Z_0a' }, 'querystring.cursor'],
      [{ cursor: '2026-13-01T10:00:00Z_0a' }, 'querystring.cursor'],
      [{ cursor: '0000-00-00T00:00:00Z_0a' }, 'querystring.cursor'],
      [{ cursor: '0000-01-01T00:00:00Z_0a' }, 'querystring.cursor'],
      [{ cursor: '2026-01-01T24:00:00Z_0a' }, 'querystring.cursor'],
      [{ cursor: '2026-01-01T23:60:00Z_0a' }, 'querystring.cursor'],
      [{ cursor: '2026-01-01T23:59:60Z_0a' }, 'querystring.cursor'],
      [{ cursor: '99999-01-01T00:00:00Z_0a' }, 'querystring.cursor'],
      [{ cursor: 'MjAyNi0wMS0wMVQwMDowMDowMFpfMGE=' }, 'querystring.cursor'],
      [{ cursor: '' }, 'querystring.cursor'],
      [{ limit: '0' }, 'querystring.limit'],
      [{ limit: '201' }, 'querystring.limit'],
      [{ since: '2026-01-01' }, undefined],
    ] as const) {
      const response = await call(`/api/clients/${client.id}/timeline`, query);
      expect(response.statusCode, JSON.stringify(query)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      if (field) expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await call('/api/clients/not-a-uuid/timeline')).statusCode).toBe(400);
    const missing = await call('/api/clients/00000000-0000-4000-8000-000000000000/timeline');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');

    const survivor = await createClientThroughApi(t);
    const merged = await t.request({
      method: 'POST',
      url: `/api/clients/${survivor.id}/merge`,
      cookie: coordinator.cookie,
      payload: { duplicateId: client.id, takeFromDuplicate: [], reason: 'same person' },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const ofMerged = await call(`/api/clients/${client.id}/timeline`);
    expect(ofMerged.statusCode).toBe(409);
    expect(ofMerged.json().error.details).toEqual({ mergedIntoId: survivor.id });
  });

  it('moves with a merge: the survivor shows the duplicate’s history', async () => {
    const survivor = await createClientThroughApi(t);
    const duplicate = await clientWithHistory();
    await t.request({
      method: 'POST',
      url: `/api/clients/${survivor.id}/merge`,
      cookie: coordinator.cookie,
      payload: { duplicateId: duplicate.client.id, takeFromDuplicate: [], reason: 'same person' },
    });
    const ids = (await timelineOf(survivor.id, 'coordinator')).items.map((entry) => entry.id);
    expect(ids).toEqual(expect.arrayContaining([duplicate.consultation, duplicate.appointment, duplicate.referral.id, duplicate.document]));
  });

  it('is closed to lecturers and to the signed-out', async () => {
    const client = await createClientThroughApi(t);
    const lecturer = await staffOf(t, 'lecturer');
    expect((await t.request({ method: 'GET', url: `/api/clients/${client.id}/timeline`, cookie: lecturer.cookie })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/clients/${client.id}/timeline` })).statusCode).toBe(401);
  });
});
