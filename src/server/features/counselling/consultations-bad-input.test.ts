import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createClientThroughApi, staffOf } from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';
import { countRowsOfEveryTable } from '../../testing/row-counts.js';

describe('consultations: bad input', async () => {
  // A database of its own, so that "nothing was written" can be checked by counting rows.
  const t = await createTestApp({}, { freshDatabase: true });
  const social = await staffOf(t, 'social_counsellor');
  const coordinator = await staffOf(t, 'coordinator');
  const client = await createClientThroughApi(t);
  const valid = {
    startedAt: '2026-01-12T10:00:00+01:00',
    durationMinutes: 30,
    form: 'phone',
    kind: 'social',
    topics: ['housing'],
  };
  const existing = await t.request({
    method: 'POST',
    url: `/api/clients/${client.id}/consultations`,
    cookie: social.cookie,
    payload: valid,
  });
  expect(existing.statusCode, existing.body).toBe(201);
  const consultationId = existing.json().id as string;
  const profile = { sex: 'female', ageBand: '18_25', citizenship: 'UA', residenceCategory: 'temporary_protection' };

  const countRows = () => countRowsOfEveryTable(t.database.db);

  const clientUrl = `/api/clients/${client.id}/consultations`;
  const consultationUrl = `/api/consultations/${consultationId}`;
  type Case = [string, InjectOptions, string | { keys: string[] }];
  const post = (url: string, payload: object, expected: Case[2]): Case => [
    `POST ${url} ${JSON.stringify(payload).slice(0, 80)}`,
    { method: 'POST', url, payload },
    expected,
  ];
  const change = (payload: object, expected: Case[2]): Case => [
    `PATCH ${JSON.stringify(payload).slice(0, 80)}`,
    { method: 'PATCH', url: consultationUrl, payload },
    expected,
  ];
  const get = (url: string, query: Record<string, string>, expected: Case[2]): Case => [
    `GET ${url} ${JSON.stringify(query)}`,
    { method: 'GET', url, query },
    expected,
  ];
  const anonymous = (payload: object, expected: Case[2]) => post('/api/consultations/anonymous', payload, expected);

  const cases: Case[] = [
    // Recording a consultation with a client
    post(clientUrl, { ...valid, room: 3 }, { keys: ['room'] }),
    post(clientUrl, { ...valid, staffId: 'someone' }, { keys: ['staffId'] }),
    post(clientUrl, { ...valid, startedAt: undefined }, 'body.startedAt'),
    post(clientUrl, { ...valid, startedAt: '2026-02-30T10:00:00+01:00' }, 'body.startedAt'),
    post(clientUrl, { ...valid, startedAt: '2026-01-12T10:00:00' }, 'body.startedAt'),
    post(clientUrl, { ...valid, startedAt: '12. 1. 2026 10:00' }, 'body.startedAt'),
    post(clientUrl, { ...valid, startedAt: 20260112 }, 'body.startedAt'),
    // A service dated before 2000 or more than a year ahead is a typo.
    post(clientUrl, { ...valid, startedAt: '1999-12-31T10:00:00+01:00' }, 'body.startedAt'),
    post(clientUrl, { ...valid, startedAt: `${new Date().getUTCFullYear() + 2}-01-12T10:00:00+01:00` }, 'body.startedAt'),
    post(clientUrl, { ...valid, startedAt: '0000-01-01T10:00:00Z' }, 'body.startedAt'),
    post(clientUrl, { ...valid, durationMinutes: 0 }, 'body.durationMinutes'),
    post(clientUrl, { ...valid, durationMinutes: 10000 }, 'body.durationMinutes'),
    post(clientUrl, { ...valid, durationMinutes: 601 }, 'body.durationMinutes'),
    post(clientUrl, { ...valid, durationMinutes: 12.5 }, 'body.durationMinutes'),
    post(clientUrl, { ...valid, durationMinutes: '30' }, 'body.durationMinutes'),
    post(clientUrl, { ...valid, form: 'fax' }, 'body.form'),
    post(clientUrl, { ...valid, kind: 'medical' }, 'body.kind'),
    post(clientUrl, { ...valid, topics: [] }, 'body.topics'),
    post(clientUrl, { ...valid, topics: 'housing' }, 'body.topics'),
    post(clientUrl, { ...valid, topics: ['astrology'] }, 'body.topics.0'),
    post(clientUrl, { ...valid, topics: ['Housing'] }, 'body.topics.0'),
    post(clientUrl, { ...valid, interpreter: { language: 'xx', kind: 'staff' } }, 'body.interpreter.language'),
    post(clientUrl, { ...valid, interpreter: { language: 'ukr', kind: 'staff' } }, 'body.interpreter.language'),
    post(clientUrl, { ...valid, interpreter: { language: 'uk', kind: 'volunteer' } }, 'body.interpreter.kind'),
    post(clientUrl, { ...valid, interpreter: { language: 'uk' } }, 'body.interpreter.kind'),
    post(clientUrl, { ...valid, interpreter: { language: 'uk', kind: 'staff', name: 'Oksana' } }, { keys: ['name'] }),
    post(clientUrl, { ...valid, notes: 'n'.repeat(10_001) }, 'body.notes'),
    post(clientUrl, { ...valid, outcome: 'o'.repeat(2_001) }, 'body.outcome'),
    post(clientUrl, { ...valid, followUp: 'f'.repeat(2_001) }, 'body.followUp'),
    post(clientUrl, { ...valid, notes: 'a\u0000b' }, 'body.notes'),
    post(clientUrl, { ...valid, projectId: 'AMIF/23/01' }, 'body.projectId'),
    post(clientUrl, { ...valid, projectId: randomUUID() }, 'body.projectId'),
    post(clientUrl, { ...valid, branchId: randomUUID() }, 'body.branchId'),
    post(clientUrl, { ...valid, appointmentId: 'tomorrow' }, 'body.appointmentId'),
    post(clientUrl, { ...valid, appointmentId: randomUUID() }, 'body.appointmentId'),
    post(clientUrl, { ...valid, anonymousProfile: profile }, { keys: ['anonymousProfile'] }),
    post('/api/clients/not-a-uuid/consultations', valid, 'params.id'),
    // Recording an anonymous consultation
    anonymous(valid, 'body.anonymousProfile'),
    anonymous({ ...valid, anonymousProfile: { ...profile, ageBand: 'teen' } }, 'body.anonymousProfile.ageBand'),
    anonymous({ ...valid, anonymousProfile: { ...profile, sex: 'f' } }, 'body.anonymousProfile.sex'),
    anonymous({ ...valid, anonymousProfile: { ...profile, citizenship: 'XX' } }, 'body.anonymousProfile.citizenship'),
    anonymous({ ...valid, anonymousProfile: { ...profile, residenceCategory: 'visa' } }, 'body.anonymousProfile.residenceCategory'),
    anonymous({ ...valid, anonymousProfile: { ...profile, name: 'Olena' } }, { keys: ['name'] }),
    anonymous({ ...valid, anonymousProfile: { ...profile, citizenship: undefined } }, 'body.anonymousProfile.citizenship'),
    anonymous({ ...valid, clientId: client.id, anonymousProfile: profile }, { keys: ['clientId'] }),
    anonymous({ ...valid, appointmentId: randomUUID(), anonymousProfile: profile }, { keys: ['appointmentId'] }),
    anonymous({ ...valid, durationMinutes: 0, anonymousProfile: profile }, 'body.durationMinutes'),
    anonymous({ ...valid, startedAt: '1999-06-01T10:00:00+02:00', anonymousProfile: profile }, 'body.startedAt'),
    anonymous({ ...valid, topics: ['astrology'], anonymousProfile: profile }, 'body.topics.0'),
    // Changing one
    change({ durationMinutes: 0 }, 'body.durationMinutes'),
    change({ durationMinutes: 10_000 }, 'body.durationMinutes'),
    change({ startedAt: '2026-02-30T10:00:00+01:00' }, 'body.startedAt'),
    change({ startedAt: '9999-12-31T10:00:00+01:00' }, 'body.startedAt'),
    change({ kind: 'medical' }, 'body.kind'),
    change({ topics: ['astrology'] }, 'body.topics.0'),
    change({ notes: 'n'.repeat(10_001) }, 'body.notes'),
    change({ interpreter: { language: 'xx', kind: 'staff' } }, 'body.interpreter.language'),
    change({ projectId: randomUUID() }, 'body.projectId'),
    change({ clientId: randomUUID() }, { keys: ['clientId'] }),
    change({ createdBy: social.userId }, { keys: ['createdBy'] }),
    change({ anonymousProfile: profile }, 'body.anonymousProfile'),
    // Lists and the form's defaults
    get(clientUrl, { limit: '0' }, 'querystring.limit'),
    get(clientUrl, { limit: '101' }, 'querystring.limit'),
    get(clientUrl, { kind: 'legal' }, { keys: ['kind'] }),
    get('/api/clients/not-a-uuid/consultations', {}, 'params.id'),
    get('/api/consultations', { from: '2026-02-30' }, 'querystring.from'),
    get('/api/consultations', { from: '2026-03-01', to: '2026-02-01' }, 'querystring.to'),
    get('/api/consultations', { kind: 'medical' }, 'querystring.kind'),
    get('/api/consultations', { anonymous: 'maybe' }, 'querystring.anonymous'),
    get('/api/consultations', { projectId: 'AMIF' }, 'querystring.projectId'),
    get('/api/consultations', { staffId: 's'.repeat(101) }, 'querystring.staffId'),
    get('/api/consultations', { clientId: client.id }, { keys: ['clientId'] }),
    get('/api/consultations/not-a-uuid', {}, 'params.id'),
    get('/api/consultations/defaults', { on: '2026-02-30' }, 'querystring.on'),
    get('/api/consultations/defaults', { clientId: 'someone' }, 'querystring.clientId'),
    get('/api/consultations/defaults', { appointmentId: randomUUID() }, 'querystring.clientId'),
    // The topic list
    [
      'PUT topics with an unknown field',
      { method: 'PUT', url: '/api/counselling/topics', payload: { topics: [], version: 2 } },
      { keys: ['version'] },
    ],
  ];

  it.each(cases)('%s', async (_name, options, expected) => {
    const cookie = options.url === '/api/counselling/topics' ? coordinator.cookie : social.cookie;
    const before = await countRows();
    const response = await t.request({ ...options, cookie });
    expect(response.statusCode, response.body).toBe(400);
    const { error } = response.json() as { error: { code: string; details: { field: string; keys?: string[] }[] } };
    expect(error.code).toBe('VALIDATION_FAILED');
    if (typeof expected === 'string') expect(error.details.map((d) => d.field)).toContain(expected);
    else expect(error.details.flatMap((d) => d.keys ?? [])).toEqual(expect.arrayContaining(expected.keys));
    expect(await countRows()).toEqual(before);
  });

  it('left the consultation as it was', async () => {
    const response = await t.request({ method: 'GET', url: consultationUrl, cookie: social.cookie });
    expect(response.json()).toMatchObject({ durationMinutes: 30, kind: 'social', topics: ['housing'], anonymousProfile: null });
  });
});
