import { describe, expect, it } from 'vitest';
import { createClientThroughApi, createProjectThroughApi, staffOf, uniqueWord } from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';
import { recomputeAllEligibility } from './eligibility.service.js';

describe('the daily eligibility refresh', async () => {
  // It recomputes every client for a chosen day: a database of its own, so no other file's results move.
  const t = await createTestApp({}, { freshDatabase: true });
  const receptionist = await staffOf(t, 'receptionist');

  it('takes clients whose permit has expired out of the target group, as the days pass', async () => {
    const project = await createProjectThroughApi(t);
    const retired = await createProjectThroughApi(t);
    const tag = uniqueWord('Daily');
    const expiring = await createClientThroughApi(t, {
      familyName: `${tag}a`,
      citizenships: ['VN'],
      residence: { category: 'long_term_residence', validFrom: '2024-01-01', validUntil: '2030-12-31' },
      address: { district: 'Most' },
    });
    const lasting = await createClientThroughApi(t, {
      familyName: `${tag}b`,
      citizenships: ['VN'],
      residence: { category: 'permanent_residence', validFrom: '2015-01-01', validUntil: null },
      address: { district: 'Most' },
    });
    const eligibleIds = async (projectId: string, eligible: 'true' | 'false') => {
      const response = await t.request({
        method: 'GET',
        url: '/api/clients',
        query: { q: tag, projectId, eligible, sort: 'familyName' },
        cookie: receptionist.cookie,
      });
      return (response.json() as { items: { id: string }[] }).items.map((c) => c.id);
    };
    expect(await eligibleIds(project.id, 'true')).toEqual([expiring.id, lasting.id]);

    await t.request({
      method: 'PATCH',
      url: `/api/projects/${retired.id}`,
      cookie: (await staffOf(t, 'coordinator')).cookie,
      payload: { active: false },
    });
    await t.database.db.transaction((tx) => recomputeAllEligibility(tx, new Date('2031-01-15T08:00:00Z')));

    expect(await eligibleIds(project.id, 'true')).toEqual([lasting.id]);
    expect(await eligibleIds(project.id, 'false')).toEqual([expiring.id]);
    expect([...(await eligibleIds(retired.id, 'true')), ...(await eligibleIds(retired.id, 'false'))]).toEqual([]);
  });
});
