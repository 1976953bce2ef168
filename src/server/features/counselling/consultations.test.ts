import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ConsultationListItem, ConsultationResponse, Role } from '../../../shared/index.js';
import {
  auditEventsThroughApi,
  createBranchThroughApi,
  createClientThroughApi,
  createProjectThroughApi,
  createUserThroughApi,
  defaultTargetGroup,
  staffOf,
} from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';

/** The content of a consultation, which a legal consultation shows only to those who may read it. */
const contentKeys = ['form', 'topics', 'interpreter', 'notes', 'outcome', 'followUp'];

describe('consultations', async () => {
  const t = await createTestApp();
  const db = t.database.db;
  const social = await staffOf(t, 'social_counsellor');
  const legal = await staffOf(t, 'legal_counsellor');
  const coordinator = await staffOf(t, 'coordinator');
  const receptionist = await staffOf(t, 'receptionist');
  const cookieOf = async (role: Role) => (await staffOf(t, role)).cookie;

  /** A valid consultation; the days used are years back, where no other test's project runs. */
  const consultation = (overrides: Record<string, unknown> = {}) => ({
    startedAt: '2011-06-15T09:30:00+02:00',
    durationMinutes: 45,
    form: 'in_person',
    kind: 'social',
    topics: ['residence', 'housing'],
    interpreter: { language: 'uk', kind: 'partner' },
    notes: 'Talked about the renewal of the permit.',
    outcome: 'Application form filled in.',
    followUp: 'Bring the lease next week.',
    ...overrides,
  });
  const record = (clientId: string, payload: object, cookie = social.cookie) =>
    t.request({ method: 'POST', url: `/api/clients/${clientId}/consultations`, cookie, payload });
  async function recorded(clientId: string, payload: object, cookie = social.cookie): Promise<ConsultationResponse> {
    const response = await record(clientId, payload, cookie);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  const read = (id: string, cookie: string) => t.request({ method: 'GET', url: `/api/consultations/${id}`, cookie });
  const patch = (id: string, payload: object, cookie: string) =>
    t.request({ method: 'PATCH', url: `/api/consultations/${id}`, cookie, payload });
  async function clientList(clientId: string, cookie: string, query: Record<string, string> = {}) {
    const response = await t.request({ method: 'GET', url: `/api/clients/${clientId}/consultations`, cookie, query });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: ConsultationListItem[]; total: number };
  }
  async function allList(cookie: string, query: Record<string, string>) {
    const response = await t.request({ method: 'GET', url: '/api/consultations', cookie, query: { limit: '100', ...query } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: ConsultationListItem[]; total: number };
  }
  /** A project of 2011 admitting Ukrainians whatever their status, wherever they live. */
  const project2011 = (overrides: Record<string, unknown> = {}) =>
    createProjectThroughApi(t, {
      startsOn: '2011-01-01',
      endsOn: '2011-12-31',
      targetGroup: { ...defaultTargetGroup, ukrainiansAnyStatus: true, regionCode: null, requireValidResidence: false },
      ...overrides,
    });

  describe('recording', () => {
    it('writes the ledger row and the consultation, with the staff member, branch and topics', async () => {
      const branch = await createBranchThroughApi(t);
      const user = await createUserThroughApi(t, { roles: ['social_counsellor'], branchId: branch.id });
      const { cookie } = await t.signIn(user.email);
      const client = await createClientThroughApi(t);
      const saved = await recorded(client.id, consultation(), cookie);
      expect(saved).toMatchObject({
        id: expect.any(String),
        clientId: client.id,
        client: { id: client.id, clientNumber: client.clientNumber, givenName: client.givenName, familyName: client.familyName },
        anonymous: false,
        anonymousProfile: null,
        occurredOn: '2011-06-15',
        startedAt: '2011-06-15T07:30:00.000Z',
        durationMinutes: 45,
        form: 'in_person',
        kind: 'social',
        topics: ['residence', 'housing'],
        interpreter: { language: 'uk', kind: 'partner' },
        notes: 'Talked about the renewal of the permit.',
        outcome: 'Application form filled in.',
        followUp: 'Bring the lease next week.',
        branchId: branch.id,
        staff: { id: user.id, name: user.name },
        createdBy: { id: user.id, name: user.name },
        appointmentId: null,
        contentHidden: false,
      });
      const { rows } = await db.execute(sql`select s.kind, s.client_id, s.staff_id, s.branch_id, s.anonymous_sex, c.created_by
        from services s join consultations c on c.service_id = s.id where s.id = ${saved.id}`);
      expect(rows).toEqual([
        { kind: 'consultation', client_id: client.id, staff_id: user.id, branch_id: branch.id, anonymous_sex: null, created_by: user.id },
      ]);
      const [entry] = (await auditEventsThroughApi(t, { action: 'consultation.created', clientId: client.id })).filter(
        (e) => e.entityId === saved.id,
      );
      expect(entry).toMatchObject({ actor: { id: user.id }, entityType: 'consultation', clientId: client.id });
      expect(JSON.stringify(entry)).not.toContain('renewal');
    });

    it('counts the consultation against the newest project whose target group admits the client that day', async () => {
      const older = await project2011();
      const newer = await project2011({ startsOn: '2011-03-01' });
      // Started even later, but admits no Ukrainian whatever their status: the client is not eligible.
      await project2011({
        startsOn: '2011-05-01',
        targetGroup: { ...defaultTargetGroup, thirdCountryNationals: false, regionCode: null, requireValidResidence: false },
      });
      // Not running on the day.
      await project2011({ startsOn: '2011-07-01' });
      const client = await createClientThroughApi(t);
      expect((await recorded(client.id, consultation())).projectId).toBe(newer.id);
      expect((await recorded(client.id, consultation({ startedAt: '2011-02-10T10:00:00+01:00' }))).projectId).toBe(older.id);
      // On a day no project runs, and when staff say "no project", there is none.
      expect((await recorded(client.id, consultation({ startedAt: '2010-06-15T10:00:00+02:00' }))).projectId).toBeNull();
      expect((await recorded(client.id, consultation({ projectId: null }))).projectId).toBeNull();
      // Staff may choose another running project.
      expect((await recorded(client.id, consultation({ projectId: older.id }))).projectId).toBe(older.id);
      // The form's defaults say the same.
      const defaults = await t.request({
        method: 'GET',
        url: '/api/consultations/defaults',
        cookie: social.cookie,
        query: { clientId: client.id, on: '2011-06-15' },
      });
      expect(defaults.json()).toEqual({
        startedAt: null,
        durationMinutes: null,
        interpreterLanguage: null,
        appointmentId: null,
        projectId: newer.id,
        branchId: null,
        kind: 'social',
      });
    });

    it('refuses a project that does not exist, is not active or does not run that day', async () => {
      const client = await createClientThroughApi(t);
      const inactive = await project2011({ active: false });
      const later = await createProjectThroughApi(t, { startsOn: '2012-01-01', endsOn: '2012-12-31' });
      for (const [projectId, code] of [
        [randomUUID(), 'unknown_project'],
        [inactive.id, 'inactive_project'],
        [later.id, 'outside_project_period'],
      ]) {
        const response = await record(client.id, consultation({ projectId }));
        expect(response.statusCode, response.body).toBe(400);
        expect(response.json().error.details).toEqual([{ field: 'body.projectId', code, message: expect.any(String) }]);
      }
      expect((await clientList(client.id, social.cookie)).total).toBe(0);
    });

    it('refuses a day that has not come yet, and topics not on the list', async () => {
      const client = await createClientThroughApi(t);
      const nextYear = new Date().getUTCFullYear() + 1;
      const future = await record(client.id, consultation({ startedAt: `${nextYear}-01-10T10:00:00+01:00` }));
      expect(future.statusCode).toBe(400);
      expect(future.json().error.details).toEqual([{ field: 'body.startedAt', code: 'in_future', message: expect.any(String) }]);
      const topic = await record(client.id, consultation({ topics: ['housing', 'astrology'] }));
      expect(topic.statusCode).toBe(400);
      expect(topic.json().error.details).toEqual([{ field: 'body.topics.1', code: 'unknown_topic', message: expect.any(String) }]);
      expect((await clientList(client.id, social.cookie)).total).toBe(0);
    });

    it('answers 404 for an unknown client and 409 for a merged or archived one', async () => {
      expect((await record(randomUUID(), consultation())).statusCode).toBe(404);
      const survivor = await createClientThroughApi(t);
      const duplicate = await createClientThroughApi(t);
      const merged = await t.request({
        method: 'POST',
        url: `/api/clients/${survivor.id}/merge`,
        cookie: coordinator.cookie,
        payload: { duplicateId: duplicate.id, reason: 'Same person' },
      });
      expect(merged.statusCode, merged.body).toBe(200);
      expect((await record(duplicate.id, consultation())).statusCode).toBe(409);
      const archivedClient = await createClientThroughApi(t);
      const archived = await t.request({
        method: 'POST',
        url: `/api/clients/${archivedClient.id}/archive`,
        cookie: social.cookie,
        payload: { reason: 'Moved away' },
      });
      expect(archived.statusCode).toBe(200);
      expect((await record(archivedClient.id, consultation())).statusCode).toBe(409);
      // A merged record's consultations moved to the survivor with the rest of the person's records.
      await recorded(survivor.id, consultation());
      expect((await clientList(survivor.id, social.cookie)).total).toBe(1);
    });

    it('records a legal counsellor’s consultation as legal, and anyone else’s as social, when no kind is given', async () => {
      const client = await createClientThroughApi(t);
      const { kind: _kind, ...withoutKind } = consultation();
      expect((await recorded(client.id, withoutKind, legal.cookie)).kind).toBe('legal');
      expect((await recorded(client.id, withoutKind, social.cookie)).kind).toBe('social');
      const both = await t.signInAs(['legal_counsellor', 'social_counsellor']);
      expect((await recorded(client.id, withoutKind, both.cookie)).kind).toBe('social');
      // A kind given is kept.
      expect((await recorded(client.id, { ...withoutKind, kind: 'other' }, legal.cookie)).kind).toBe('other');
      // The form starts with the same kind.
      const defaultsFor = async (cookie: string) =>
        (await t.request({ method: 'GET', url: '/api/consultations/defaults', cookie, query: { clientId: client.id } })).json().kind;
      expect(await defaultsFor(legal.cookie)).toBe('legal');
      expect(await defaultsFor(social.cookie)).toBe('social');
      const entries = await auditEventsThroughApi(t, { action: 'consultation.created', clientId: client.id });
      expect(entries.map((e) => e.details?.kind).sort()).toEqual(['legal', 'other', 'social', 'social']);
    });

    it('is refused to a receptionist, who may read consultations', async () => {
      const client = await createClientThroughApi(t);
      expect((await record(client.id, consultation(), receptionist.cookie)).statusCode).toBe(403);
      expect((await clientList(client.id, receptionist.cookie)).total).toBe(0);
    });
  });

  describe('from an appointment', () => {
    async function addAppointment(clientId: string, status = 'booked') {
      const { rows } = await db.execute(sql`insert into appointments (staff_id, client_id, starts_at, ends_at, status, interpreter_language)
        values (${social.userId}, ${clientId}, '2011-06-20T08:00:00Z', '2011-06-20T09:15:00Z', ${status}, 'vi') returning id`);
      return (rows[0] as { id: string }).id;
    }
    const appointmentRow = async (id: string) =>
      (await db.execute(sql`select status, service_id from appointments where id = ${id}`)).rows[0] as {
        status: string;
        service_id: string | null;
      };

    it('takes the appointment’s time, length and interpreter as defaults, and marks it attended when recorded', async () => {
      const client = await createClientThroughApi(t);
      const appointmentId = await addAppointment(client.id);
      const defaults = await t.request({
        method: 'GET',
        url: '/api/consultations/defaults',
        cookie: social.cookie,
        query: { clientId: client.id, appointmentId },
      });
      expect(defaults.statusCode, defaults.body).toBe(200);
      expect(defaults.json()).toMatchObject({
        startedAt: '2011-06-20T08:00:00.000Z',
        durationMinutes: 75,
        interpreterLanguage: 'vi',
        appointmentId,
      });
      const saved = await recorded(
        client.id,
        consultation({ startedAt: '2011-06-20T10:00:00+02:00', durationMinutes: 75, appointmentId, interpreter: null }),
      );
      expect(saved).toMatchObject({ appointmentId, interpreter: null });
      expect(await appointmentRow(appointmentId)).toEqual({ status: 'attended', service_id: saved.id });
      const [entry] = (await auditEventsThroughApi(t, { action: 'appointment.status_changed', clientId: client.id })).filter(
        (e) => e.entityId === appointmentId,
      );
      expect(entry?.changes).toEqual(expect.arrayContaining([{ field: 'status', before: 'booked', after: 'attended' }]));
      // Once recorded, it cannot be recorded again.
      const again = await record(client.id, consultation({ appointmentId }));
      expect(again.statusCode).toBe(409);
      expect((await clientList(client.id, social.cookie)).total).toBe(1);
    });

    it('refuses a cancelled or missed appointment, and another client’s, writing nothing', async () => {
      const client = await createClientThroughApi(t);
      const other = await createClientThroughApi(t);
      for (const status of ['cancelled', 'no_show']) {
        const appointmentId = await addAppointment(client.id, status);
        expect((await record(client.id, consultation({ appointmentId }))).statusCode).toBe(409);
        expect(await appointmentRow(appointmentId)).toEqual({ status, service_id: null });
      }
      const othersAppointment = await addAppointment(other.id);
      const response = await record(client.id, consultation({ appointmentId: othersAppointment }));
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { field: 'body.appointmentId', code: 'unknown_appointment', message: expect.any(String) },
      ]);
      const defaults = await t.request({
        method: 'GET',
        url: '/api/consultations/defaults',
        cookie: social.cookie,
        query: { clientId: client.id, appointmentId: othersAppointment },
      });
      expect(defaults.statusCode).toBe(400);
      expect(await appointmentRow(othersAppointment)).toEqual({ status: 'booked', service_id: null });
      expect((await clientList(client.id, social.cookie)).total).toBe(0);
    });
  });

  describe('reading', () => {
    it('lists a client’s consultations newest first, in pages, and audits each read of the list once', async () => {
      const coordinator = await staffOf(t, 'coordinator');
      const client = await createClientThroughApi(t);
      const first = await recorded(client.id, consultation({ startedAt: '2011-03-01T09:00:00+01:00' }));
      const third = await recorded(client.id, consultation({ startedAt: '2011-05-01T09:00:00+02:00' }));
      const second = await recorded(client.id, consultation({ startedAt: '2011-04-01T15:00:00+02:00' }));
      const page = await clientList(client.id, coordinator.cookie, { limit: '2' });
      expect(page.total).toBe(3);
      expect(page.items.map((item) => item.id)).toEqual([third.id, second.id]);
      expect((await clientList(client.id, coordinator.cookie, { limit: '2', offset: '2' })).items.map((item) => item.id)).toEqual([
        first.id,
      ]);
      const item = page.items[0] as ConsultationListItem;
      expect(item).toMatchObject({ contentHidden: false, topics: ['residence', 'housing'], form: 'in_person', durationMinutes: 45 });
      // Lists carry no texts: those are in the consultation itself.
      expect(item).not.toHaveProperty('notes');
      const reads = (await auditEventsThroughApi(t, { action: 'consultation.read', clientId: client.id })).filter(
        (e) => e.actor?.id === coordinator.userId,
      );
      expect(reads).toHaveLength(2);
      expect(reads[1]).toMatchObject({ clientId: client.id, details: { consultationIds: [third.id, second.id] } });
      expect(
        (await t.request({ method: 'GET', url: `/api/clients/${randomUUID()}/consultations`, cookie: social.cookie })).statusCode,
      ).toBe(404);
    });

    it('reads one consultation, audited with the client', async () => {
      const coordinator = await staffOf(t, 'coordinator');
      const client = await createClientThroughApi(t);
      const saved = await recorded(client.id, consultation());
      const response = await read(saved.id, coordinator.cookie);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(saved);
      const [entry] = (await auditEventsThroughApi(t, { action: 'consultation.read', clientId: client.id })).filter(
        (e) => e.entityId === saved.id,
      );
      expect(entry).toMatchObject({ actor: { id: coordinator.userId }, details: { contentHidden: false } });
      expect((await read(randomUUID(), coordinator.cookie)).statusCode).toBe(404);
    });

    it('lists every consultation with filters, naming the clients', async () => {
      const branch = await createBranchThroughApi(t);
      const user = await createUserThroughApi(t, { roles: ['social_counsellor'], branchId: branch.id });
      const { cookie } = await t.signIn(user.email);
      const project = await project2011();
      const client = await createClientThroughApi(t);
      const social1 = await recorded(client.id, consultation({ startedAt: '2011-08-01T09:00:00+02:00', projectId: project.id }), cookie);
      const legal1 = await recorded(client.id, consultation({ startedAt: '2011-08-02T09:00:00+02:00', kind: 'legal' }), cookie);
      const anonymous = await t.request({
        method: 'POST',
        url: '/api/consultations/anonymous',
        cookie,
        payload: {
          ...consultation({ startedAt: '2011-08-03T09:00:00+02:00', projectId: project.id }),
          anonymousProfile: { sex: 'male', ageBand: '26_40', citizenship: 'VN', residenceCategory: 'long_term_residence' },
        },
      });
      expect(anonymous.statusCode, anonymous.body).toBe(201);
      const ids = async (query: Record<string, string>) =>
        (await allList(coordinator.cookie, { staffId: user.id, ...query })).items.map((item) => item.id);
      expect(await ids({})).toEqual([anonymous.json().id, legal1.id, social1.id]);
      expect(await ids({ from: '2011-08-02', to: '2011-08-02' })).toEqual([legal1.id]);
      expect(await ids({ kind: 'legal' })).toEqual([legal1.id]);
      expect(await ids({ anonymous: 'true' })).toEqual([anonymous.json().id]);
      expect(await ids({ anonymous: 'false' })).toEqual([legal1.id, social1.id]);
      expect(await ids({ projectId: project.id })).toEqual([anonymous.json().id, social1.id]);
      const all = await allList(coordinator.cookie, { staffId: user.id });
      expect(all.total).toBe(3);
      expect(all.items.find((item) => item.id === social1.id)).toMatchObject({
        client: { id: client.id, clientNumber: client.clientNumber, familyName: client.familyName, givenName: client.givenName },
        staff: { id: user.id, name: user.name },
      });
      expect(all.items.find((item) => item.anonymous)).toMatchObject({
        client: null,
        clientId: null,
        anonymousProfile: { sex: 'male', ageBand: '26_40', citizenship: 'VN', residenceCategory: 'long_term_residence' },
      });
      // The named client's trail shows that the coordinator saw their consultations in the list: one
      // entry per list read, with the ids of the clients it named (decision 016).
      const reads = (await auditEventsThroughApi(t, { action: 'consultation.read', clientId: client.id })).filter(
        (e) => e.actor?.id === coordinator.userId,
      );
      expect(reads).toHaveLength(6); // every list above but the anonymous-only one
      expect(reads[0]).toMatchObject({
        clientId: null,
        listed: { count: 1, includesClient: true },
        details: { filters: { staffId: user.id }, total: 3, consultationIds: [anonymous.json().id, legal1.id, social1.id] },
      });
    });
  });

  describe('confidentiality of legal consultations', () => {
    async function legalConsultation(cookie = legal.cookie) {
      const client = await createClientThroughApi(t);
      const saved = await recorded(
        client.id,
        consultation({ kind: 'legal', topics: ['residence'], notes: 'Asylum interview strategy', startedAt: '2011-09-01T10:00:00+02:00' }),
        cookie,
      );
      return { client, saved };
    }
    function expectHidden(item: object) {
      expect(item).toMatchObject({ contentHidden: true, kind: 'legal', durationMinutes: 45, occurredOn: '2011-09-01' });
      for (const key of contentKeys) expect(item).not.toHaveProperty(key);
      expect(JSON.stringify(item)).not.toContain('Asylum');
    }

    it('shows a social counsellor, a receptionist, a coordinator and a DPO only that it took place', async () => {
      const { client, saved } = await legalConsultation();
      for (const role of ['social_counsellor', 'receptionist', 'coordinator', 'dpo'] as const) {
        const cookie = await cookieOf(role);
        const response = await read(saved.id, cookie);
        expect(response.statusCode).toBe(200);
        expectHidden(response.json());
        expect(response.json()).toMatchObject({ id: saved.id, staff: { id: legal.userId }, startedAt: '2011-09-01T08:00:00.000Z' });
        expectHidden((await clientList(client.id, cookie)).items[0] as object);
        expectHidden(
          (await allList(cookie, { staffId: legal.userId, from: '2011-09-01', to: '2011-09-01' })).items.find(
            (item) => item.id === saved.id,
          ) as object,
        );
      }
      const [entry] = (await auditEventsThroughApi(t, { action: 'consultation.read', clientId: client.id })).filter(
        (e) => e.entityId === saved.id && e.actor?.id === receptionist.userId,
      );
      expect(entry?.details).toEqual({ contentHidden: true });
    });

    it('shows the content to every legal counsellor', async () => {
      const { client, saved } = await legalConsultation();
      const colleague = await t.signInAs(['legal_counsellor']);
      for (const cookie of [legal.cookie, colleague.cookie]) {
        expect((await read(saved.id, cookie)).json()).toMatchObject({ contentHidden: false, notes: 'Asylum interview strategy' });
        expect((await clientList(client.id, cookie)).items[0]).toMatchObject({ contentHidden: false, topics: ['residence'] });
      }
    });

    it('shows the content to its author without the legal permission, and to no other coordinator', async () => {
      const { client, saved } = await legalConsultation(coordinator.cookie);
      expect(saved).toMatchObject({ contentHidden: false, notes: 'Asylum interview strategy' });
      expect((await read(saved.id, coordinator.cookie)).json()).toMatchObject({ contentHidden: false });
      expect((await clientList(client.id, coordinator.cookie)).items[0]).toMatchObject({ contentHidden: false });
      const otherCoordinator = await t.signInAs(['coordinator']);
      expectHidden((await read(saved.id, otherCoordinator.cookie)).json());
    });
  });

  describe('changing', () => {
    it('lets the author change a consultation, auditing the field names without values', async () => {
      const client = await createClientThroughApi(t);
      const saved = await recorded(client.id, consultation());
      const response = await patch(
        saved.id,
        { notes: 'Lease brought in.', durationMinutes: 60, topics: ['housing'], startedAt: '2011-06-16T09:30:00+02:00' },
        social.cookie,
      );
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        notes: 'Lease brought in.',
        durationMinutes: 60,
        topics: ['housing'],
        occurredOn: '2011-06-16',
      });
      const [entry] = (await auditEventsThroughApi(t, { action: 'consultation.updated', clientId: client.id })).filter(
        (e) => e.entityId === saved.id,
      );
      expect(entry?.changes).toEqual([{ field: 'startedAt' }, { field: 'durationMinutes' }, { field: 'topics' }, { field: 'notes' }]);
      // The same values again change nothing and add no audit entry.
      const unchanged = await patch(saved.id, { notes: 'Lease brought in.', durationMinutes: 60 }, social.cookie);
      expect(unchanged.json().updatedAt).toBe(response.json().updatedAt);
      expect(
        (await auditEventsThroughApi(t, { action: 'consultation.updated', clientId: client.id })).filter((e) => e.entityId === saved.id),
      ).toHaveLength(1);
    });

    it('refuses other counsellors; a coordinator corrects the facts of a legal consultation but not its content', async () => {
      const client = await createClientThroughApi(t);
      const saved = await recorded(client.id, consultation({ kind: 'legal' }), legal.cookie);
      const colleague = await t.signInAs(['legal_counsellor']);
      expect((await patch(saved.id, { durationMinutes: 30 }, colleague.cookie)).statusCode).toBe(403);
      expect((await patch(saved.id, { durationMinutes: 30 }, social.cookie)).statusCode).toBe(403);
      expect((await patch(saved.id, { durationMinutes: 30 }, receptionist.cookie)).statusCode).toBe(403);
      for (const change of [{ notes: 'x' }, { topics: ['family'] }, { kind: 'social' }, { interpreter: null }]) {
        const refused = await patch(saved.id, change, coordinator.cookie);
        expect(refused.statusCode, JSON.stringify(change)).toBe(403);
      }
      const corrected = await patch(saved.id, { durationMinutes: 30 }, coordinator.cookie);
      expect(corrected.statusCode).toBe(200);
      expect(corrected.json()).toMatchObject({ durationMinutes: 30, contentHidden: true });
      expect((await read(saved.id, legal.cookie)).json()).toMatchObject({
        durationMinutes: 30,
        notes: 'Talked about the renewal of the permit.',
      });
      // A social consultation's content is the coordinator's to correct.
      const socialOne = await recorded(client.id, consultation());
      expect((await patch(socialOne.id, { outcome: 'Done.' }, coordinator.cookie)).json()).toMatchObject({ outcome: 'Done.' });
      expect((await patch(randomUUID(), { outcome: 'Done.' }, coordinator.cookie)).statusCode).toBe(404);
    });

    it('refuses an anonymous profile for a named client', async () => {
      const client = await createClientThroughApi(t);
      const saved = await recorded(client.id, consultation());
      const response = await patch(
        saved.id,
        { anonymousProfile: { sex: 'male', ageBand: '18_25', citizenship: null, residenceCategory: 'unknown' } },
        social.cookie,
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0]).toMatchObject({ field: 'body.anonymousProfile' });
    });
  });

  describe('anonymous consultations', () => {
    it('keeps only the profile: no client record, a ledger row marked anonymous', async () => {
      const counsellor = await t.signInAs(['social_counsellor']);
      const clientsBy = async () =>
        Number((await db.execute(sql`select count(*)::int as n from clients where created_by = ${counsellor.userId}`)).rows[0]?.n);
      const profile = { sex: 'female', ageBand: '41_60', citizenship: 'MN', residenceCategory: 'permanent_residence' };
      const response = await t.request({
        method: 'POST',
        url: '/api/consultations/anonymous',
        cookie: counsellor.cookie,
        payload: { ...consultation({ projectId: null }), anonymousProfile: profile },
      });
      expect(response.statusCode, response.body).toBe(201);
      const saved = response.json() as ConsultationResponse;
      expect(saved).toMatchObject({
        anonymous: true,
        clientId: null,
        client: null,
        anonymousProfile: profile,
        topics: ['residence', 'housing'],
      });
      expect(await clientsBy()).toBe(0);
      const { rows } = await db.execute(sql`select client_id, anonymous_sex, anonymous_age_band, anonymous_citizenship,
        anonymous_residence_category from services where id = ${saved.id}`);
      expect(rows).toEqual([
        {
          client_id: null,
          anonymous_sex: 'female',
          anonymous_age_band: '41_60',
          anonymous_citizenship: 'MN',
          anonymous_residence_category: 'permanent_residence',
        },
      ]);
      const [entry] = (await auditEventsThroughApi(t, { action: 'consultation.created', actorId: counsellor.userId })).filter(
        (e) => e.entityId === saved.id,
      );
      expect(entry).toMatchObject({ clientId: null, details: { anonymous: true, kind: 'social' } });
      // Its author corrects the profile.
      const corrected = await patch(saved.id, { anonymousProfile: { ...profile, ageBand: '26_40' } }, counsellor.cookie);
      expect(corrected.json()).toMatchObject({ anonymousProfile: { ageBand: '26_40' } });
    });
  });
});
