import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { at, futureWorkday } from '../features/appointments/appointment-test-data.js';
import { clientInput, createClientThroughApi, staffOf, uniqueWord } from '../testing/factories.js';
import { createTestApp } from '../testing/harness.js';

describe('Idempotency-Key on creating requests', async () => {
  const t = await createTestApp();
  const db = t.database.db;
  const counsellor = await t.signInAs(['social_counsellor']);
  const receptionist = await staffOf(t, 'receptionist');
  const coordinator = await staffOf(t, 'coordinator');

  const post = (url: string, payload: object, key: string | undefined, cookie = counsellor.cookie) =>
    t.request({ method: 'POST', url, cookie, payload, ...(key === undefined ? {} : { headers: { 'idempotency-key': key } }) });
  const count = async (query: ReturnType<typeof sql>) => (await db.execute<{ n: number }>(query)).rows[0]?.n;
  const consultation = {
    startedAt: '2011-06-15T09:30:00+02:00',
    durationMinutes: 45,
    form: 'in_person',
    kind: 'social',
    topics: ['residence'],
  };
  const consultationsOf = (clientId: string) => count(sql`select count(*)::int as n from services where client_id = ${clientId}`);

  it('answers the same create sent twice, one after the other, with one record and the same answer', async () => {
    const client = await createClientThroughApi(t);
    const key = randomUUID();
    const url = `/api/clients/${client.id}/consultations`;
    const firstAnswer = await post(url, consultation, key);
    const replayed = await post(url, consultation, key);
    expect(firstAnswer.statusCode, firstAnswer.body).toBe(201);
    expect(replayed.statusCode).toBe(201);
    expect(replayed.json()).toEqual(firstAnswer.json());
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.headers.etag).toBe(firstAnswer.headers.etag);
    expect(firstAnswer.headers['idempotent-replayed']).toBeUndefined();
    expect(await consultationsOf(client.id)).toBe(1);
    // Without the key, or with a new one, the same request creates another record.
    expect((await post(url, consultation, undefined)).statusCode).toBe(201);
    expect((await post(url, consultation, randomUUID())).statusCode).toBe(201);
    expect(await consultationsOf(client.id)).toBe(3);
  });

  it('creates one record for the same create sent twice at the same moment', async () => {
    const client = await createClientThroughApi(t);
    const creates: [string, object, () => Promise<number | undefined>, string?][] = [
      [`/api/clients/${client.id}/consultations`, consultation, () => consultationsOf(client.id)],
      [
        '/api/tasks',
        { title: uniqueWord('Call back '), dueOn: '2030-01-10', clientId: client.id },
        () => count(sql`select count(*)::int as n from tasks where client_id = ${client.id}`),
      ],
      [
        `/api/clients/${client.id}/consents`,
        { purpose: 'sharing_with_partners', givenOn: '2025-01-10' },
        () => count(sql`select count(*)::int as n from consents where client_id = ${client.id}`),
        receptionist.cookie,
      ],
      [`/api/clients/${client.id}/plans`, {}, () => count(sql`select count(*)::int as n from plans where client_id = ${client.id}`)],
      [
        '/api/appointments',
        { staffId: counsellor.userId, clientId: client.id, startsAt: at(futureWorkday(50), '09:00'), durationMinutes: 30 },
        () => count(sql`select count(*)::int as n from appointments where client_id = ${client.id}`),
        receptionist.cookie,
      ],
      [
        '/api/partners',
        { name: `Poradna ${client.id}`, kind: 'ngo' },
        () => count(sql`select count(*)::int as n from partners where name = ${`Poradna ${client.id}`}`),
        coordinator.cookie,
      ],
    ];
    for (const [url, payload, counted, cookie] of creates) {
      const key = randomUUID();
      const answers = await Promise.all([post(url, payload, key, cookie), post(url, payload, key, cookie)]);
      expect(
        answers.map((answer) => answer.statusCode),
        url,
      ).toEqual([201, 201]);
      expect(answers[0]?.json(), url).toEqual(answers[1]?.json());
      expect(await counted(), url).toBe(1);
    }
    const registration = clientInput({ familyName: uniqueWord('Idempotent') });
    const key = randomUUID();
    const registered = await Promise.all([
      post('/api/clients', registration, key, receptionist.cookie),
      post('/api/clients', registration, key, receptionist.cookie),
    ]);
    expect(registered.map((answer) => answer.statusCode)).toEqual([201, 201]);
    expect(registered[0]?.json().id).toBe(registered[1]?.json().id);
    expect(await count(sql`select count(*)::int as n from clients where family_name = ${registration.familyName}`)).toBe(1);
  });

  it('covers every route that creates: each POST answering 201 in the API document', async () => {
    const document = t.app.swagger() as { paths: Record<string, { post?: { responses?: Record<string, unknown> } }> };
    const creating = Object.entries(document.paths)
      .filter(([, operations]) => operations.post?.responses?.['201'])
      .map(([path]) => path);
    expect(creating).toEqual(
      expect.arrayContaining([
        '/api/clients',
        '/api/clients/{id}/consultations',
        '/api/consultations/anonymous',
        '/api/tasks',
        '/api/clients/{id}/consents',
        '/api/appointments',
        '/api/clients/{id}/plans',
        '/api/plans/{id}/goals',
        '/api/clients/{id}/referrals',
        '/api/partners',
        '/api/clients/{id}/documents',
      ]),
    );
  });

  it('refuses the same key with another body or on another route, and keeps the first answer', async () => {
    const client = await createClientThroughApi(t);
    const key = randomUUID();
    const url = `/api/clients/${client.id}/consultations`;
    expect((await post(url, consultation, key)).statusCode).toBe(201);
    const otherBody = await post(url, { ...consultation, durationMinutes: 50 }, key);
    expect(otherBody.statusCode).toBe(422);
    expect(otherBody.json()).toEqual({ error: { code: 'IDEMPOTENCY_KEY_REUSED', message: expect.any(String), details: {} } });
    const otherRoute = await post('/api/tasks', { title: 'Call', dueOn: '2030-01-10' }, key);
    expect(otherRoute.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await consultationsOf(client.id)).toBe(1);
    // Keys are the user's own: another user's same key is another request.
    const other = await t.signInAs(['social_counsellor']);
    expect((await post(url, consultation, key, other.cookie)).statusCode).toBe(201);
    expect(await consultationsOf(client.id)).toBe(2);
  });

  it('frees the key of a request that created nothing, so the corrected request may use it', async () => {
    const existing = await createClientThroughApi(t);
    const { id: _id, ...sameness } = {
      id: existing.id,
      givenName: existing.givenName,
      familyName: existing.familyName,
      sex: existing.sex,
      dateOfBirth: existing.dateOfBirth ?? undefined,
      citizenships: existing.citizenships as never,
    };
    const key = randomUUID();
    const refused = await post('/api/clients', clientInput(sameness), key, receptionist.cookie);
    expect(refused.statusCode, refused.body).toBe(409);
    const confirmed = await post('/api/clients', clientInput({ ...sameness, confirmDuplicate: true }), key, receptionist.cookie);
    expect(confirmed.statusCode, confirmed.body).toBe(201);
  });

  it('refuses a key that is too short, too long or has other characters, before anything is created', async () => {
    const client = await createClientThroughApi(t);
    const url = `/api/clients/${client.id}/consultations`;
    for (const key of ['short', 'x'.repeat(101), 'has space in it', 'clé-secrète-123', 'key/with/slashes']) {
      const response = await post(url, consultation, key);
      expect(response.statusCode, key).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'headers.idempotency-key' }] });
    }
    expect(await consultationsOf(client.id)).toBe(0);
  });

  it('keeps answers a day: an older key is forgotten and creates anew', async () => {
    const client = await createClientThroughApi(t);
    const key = randomUUID();
    const url = `/api/clients/${client.id}/consultations`;
    expect((await post(url, consultation, key)).statusCode).toBe(201);
    await db.execute(sql`update idempotency_keys set created_at = now() - interval '25 hours' where key = ${key}`);
    const again = await post(url, consultation, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(await consultationsOf(client.id)).toBe(2);
  });

  it('answers 409 IDEMPOTENCY_IN_PROGRESS when the first request with the key does not finish in time, and takes over an abandoned one', async () => {
    const client = await createClientThroughApi(t);
    const url = `/api/clients/${client.id}/consultations`;
    const key = randomUUID();
    // The first request's claim, as a request still running (or whose server stopped) leaves it.
    const claim = async (age: string) => {
      await post(url, consultation, key);
      await db.execute(
        sql`update idempotency_keys set status = null, body = null, created_at = now() - ${age}::interval where key = ${key}`,
      );
    };
    await claim('1 second');
    const waiting = await post(url, consultation, key);
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json().error).toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS', details: {} });
    await db.execute(sql`update idempotency_keys set created_at = now() - interval '2 minutes' where key = ${key}`);
    const takenOver = await post(url, consultation, key);
    expect(takenOver.statusCode).toBe(201);
    expect(await consultationsOf(client.id)).toBe(2);
  });
});
