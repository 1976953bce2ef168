import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { toCentreDate } from '../../../shared/index.js';
import { scheduleEligibilityRefresh } from '../../bootstrap.js';
import { type ClientInput, createClientThroughApi, createProjectThroughApi, staffOf, uniqueWord } from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';
import { refreshEligibilityIfStale } from './eligibility.service.js';

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
    await refreshEligibilityIfStale(t.database.db, new Date('2031-01-15T08:00:00Z'));

    expect(await eligibleIds(project.id, 'true')).toEqual([lasting.id]);
    expect(await eligibleIds(project.id, 'false')).toEqual([expiring.id]);
    expect([...(await eligibleIds(retired.id, 'true')), ...(await eligibleIds(retired.id, 'false'))]).toEqual([]);
  });

  it("recomputes the results from before today, at start-up or midnight, and leaves today's alone", async () => {
    const project = await createProjectThroughApi(t);
    const facts: Partial<ClientInput> = {
      citizenships: ['VN'],
      residence: { category: 'long_term_residence', validFrom: '2024-01-01', validUntil: '2031-06-30' },
      address: { district: 'Most' },
    };
    const stale = await createClientThroughApi(t, facts);
    const fresh = await createClientThroughApi(t, facts);
    const rowOf = async (clientId: string) => {
      const { rows } = await t.database.db.execute<{ eligible: boolean; computed_on: string }>(
        sql`select eligible, computed_on::text as computed_on from client_eligibility where client_id = ${clientId} and project_id = ${project.id}`,
      );
      return rows[0];
    };
    expect(await rowOf(stale.id)).toMatchObject({ eligible: true });
    // The day after the permit expires. The fresh client's results count as computed that day already.
    const now = new Date('2031-07-01T08:00:00Z');
    await t.database.db.execute(sql`update client_eligibility set computed_on = '2031-07-01' where client_id = ${fresh.id}`);

    expect(await refreshEligibilityIfStale(t.database.db, now)).toBeGreaterThanOrEqual(1);
    expect(await rowOf(stale.id)).toEqual({ eligible: false, computed_on: '2031-07-01' });
    expect(await rowOf(fresh.id)).toEqual({ eligible: true, computed_on: '2031-07-01' });
    // Nothing left from before that day: a second run recomputes nobody.
    expect(await refreshEligibilityIfStale(t.database.db, now)).toBe(0);
  });

  it('is caught up at start-up when the server was down at midnight', async () => {
    const project = await createProjectThroughApi(t);
    const client = await createClientThroughApi(t);
    const computedOn = async () => {
      const { rows } = await t.database.db.execute<{ computed_on: string }>(
        sql`select computed_on::text as computed_on from client_eligibility where client_id = ${client.id} and project_id = ${project.id}`,
      );
      return rows[0]?.computed_on;
    };
    await t.database.db.execute(sql`update client_eligibility set computed_on = '2020-01-01' where client_id = ${client.id}`);
    const logged: string[] = [];
    scheduleEligibilityRefresh(t.database, { info: (_obj: unknown, msg?: string) => logged.push(msg ?? ''), error: () => {} } as never);
    await vi.waitFor(async () => expect(await computedOn()).toBe(toCentreDate(new Date())));
    expect(logged).toContain('eligibility refreshed');
  });
});
