import { describe, expect, it } from 'vitest';
import { type CounsellingTopic, defaultCounsellingTopics } from '../../../shared/index.js';
import { auditEventsThroughApi, createClientThroughApi, staffOf } from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';

describe('the topic list', async () => {
  // The list is centre-wide: a database of its own, so no other test file sees it change.
  const t = await createTestApp({}, { freshDatabase: true });
  const coordinator = await staffOf(t, 'coordinator');
  const social = await staffOf(t, 'social_counsellor');
  const receptionist = await staffOf(t, 'receptionist');

  const getTopics = async () => {
    const response = await t.request({ method: 'GET', url: '/api/counselling/topics', cookie: receptionist.cookie });
    expect(response.statusCode).toBe(200);
    return response.json().topics as CounsellingTopic[];
  };
  const putTopics = (topics: CounsellingTopic[], cookie = coordinator.cookie) =>
    t.request({ method: 'PUT', url: '/api/counselling/topics', cookie, payload: { topics } });
  const record = (clientId: string, topics: string[]) =>
    t.request({
      method: 'POST',
      url: `/api/clients/${clientId}/consultations`,
      cookie: social.cookie,
      payload: { startedAt: '2026-01-12T10:00:00+01:00', durationMinutes: 30, form: 'phone', kind: 'social', topics },
    });

  it('starts with the eleven topics, named in Czech, English and Ukrainian', async () => {
    const topics = await getTopics();
    expect(topics.map((topic) => topic.code)).toEqual([
      'residence',
      'employment',
      'housing',
      'health_insurance',
      'education_schools',
      'social_benefits',
      'family',
      'finances_debts',
      'official_letters',
      'czech_language',
      'other',
    ]);
    expect(topics[0]).toEqual({ code: 'residence', labels: { cs: 'Pobyt', en: 'Residence', uk: 'Перебування' }, active: true });
    expect(topics.every((topic) => topic.active && topic.labels.cs && topic.labels.en && topic.labels.uk)).toBe(true);
  });

  it('is read by every staff member, the admin who may edit it too, and by nobody signed out', async () => {
    for (const role of ['admin', 'lecturer', 'receptionist'] as const) {
      const response = await t.request({ method: 'GET', url: '/api/counselling/topics', cookie: (await staffOf(t, role)).cookie });
      expect(response.statusCode, role).toBe(200);
    }
    expect((await t.request({ method: 'GET', url: '/api/counselling/topics' })).statusCode).toBe(401);
  });

  it('is changed by a coordinator only, and the change is audited by codes', async () => {
    expect((await putTopics([...defaultCounsellingTopics], social.cookie)).statusCode).toBe(403);
    const interpreting = { code: 'interpreting', labels: { cs: 'Tlumočení', en: 'Interpreting', uk: 'Усний переклад' }, active: true };
    const response = await putTopics([...defaultCounsellingTopics, interpreting]);
    expect(response.statusCode, response.body).toBe(200);
    expect((await getTopics()).at(-1)).toEqual(interpreting);
    const [entry] = await auditEventsThroughApi(t, { action: 'settings.updated' });
    expect(entry).toMatchObject({ actor: { id: coordinator.userId }, entityId: 'counselling_topics' });
    expect(entry?.changes.map((change) => change.field)).toEqual(['topics', 'activeTopics', 'labels']);
    expect(entry?.changes[0]).toEqual({
      field: 'topics',
      before: defaultCounsellingTopics.map((topic) => topic.code),
      after: [...defaultCounsellingTopics.map((topic) => topic.code), 'interpreting'],
    });
    // A new consultation can have the new topic.
    const client = await createClientThroughApi(t);
    expect((await record(client.id, ['interpreting'])).statusCode).toBe(201);
  });

  it('keeps a topic that consultations have: it can be deactivated, not removed', async () => {
    const client = await createClientThroughApi(t);
    const recorded = await record(client.id, ['family', 'housing']);
    expect(recorded.statusCode, recorded.body).toBe(201);
    const current = await getTopics();
    const removed = await putTopics(current.filter((topic) => topic.code !== 'family' && topic.code !== 'czech_language'));
    expect(removed.statusCode).toBe(409);
    expect(removed.json().error).toMatchObject({ code: 'CONFLICT', details: { codes: ['family'] } });
    expect(await getTopics()).toEqual(current);

    // An unused topic goes; a used one is deactivated.
    const deactivated = current
      .filter((topic) => topic.code !== 'czech_language')
      .map((topic) => (topic.code === 'family' ? { ...topic, active: false } : topic));
    expect((await putTopics(deactivated)).statusCode).toBe(200);
    expect((await getTopics()).find((topic) => topic.code === 'family')).toMatchObject({ active: false });

    // It is no longer offered for new consultations, nor added to others, but stays where it is.
    const refused = await record(client.id, ['family']);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([{ field: 'body.topics.0', code: 'inactive_topic', message: expect.any(String) }]);
    const other = await record(client.id, ['housing']);
    const added = await t.request({
      method: 'PATCH',
      url: `/api/consultations/${other.json().id}`,
      cookie: social.cookie,
      payload: { topics: ['housing', 'family'] },
    });
    expect(added.statusCode).toBe(400);
    const kept = await t.request({
      method: 'PATCH',
      url: `/api/consultations/${recorded.json().id}`,
      cookie: social.cookie,
      payload: { topics: ['family'], notes: 'Only family in the end.' },
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().topics).toEqual(['family']);
  });

  it('refuses a list with a code twice, a bad code or a missing name', async () => {
    const [first, second] = defaultCounsellingTopics as [CounsellingTopic, CounsellingTopic];
    const cases: [CounsellingTopic[], string][] = [
      [[first, { ...second, code: first.code }], 'body.topics.1.code'],
      [[{ ...first, code: 'Bad Code' }], 'body.topics.0.code'],
      [[{ ...first, labels: { cs: 'Pobyt', en: 'Residence' } as CounsellingTopic['labels'] }], 'body.topics.0.labels.uk'],
      [[{ ...first, labels: { ...first.labels, cs: ' ' } }], 'body.topics.0.labels.cs'],
      [[], 'body.topics'],
    ];
    const before = await getTopics();
    for (const [topics, field] of cases) {
      const response = await putTopics(topics);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect(await getTopics()).toEqual(before);
  });
});
