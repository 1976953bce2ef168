import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ClientResponse, ProjectResponse } from '../../../shared/index.js';
import {
  auditEventsThroughApi,
  createClientThroughApi,
  createProjectThroughApi,
  defaultTargetGroup,
  projectInput,
  staffOf,
  uniqueWord,
} from '../../testing/factories.js';
import { createTestApp, unique } from '../../testing/harness.js';

/** The end of a residence permit valid for years to come (plausible: at most 15 years ahead). */
const permitEnd = `${new Date().getUTCFullYear() + 5}-03-31`;

describe('projects', async () => {
  const t = await createTestApp();
  const coordinator = await staffOf(t, 'coordinator');
  const lecturer = await staffOf(t, 'lecturer');
  const post = (payload: object) => t.request({ method: 'POST', url: '/api/projects', cookie: coordinator.cookie, payload });
  const patch = (id: string, payload: object) =>
    t.request({ method: 'PATCH', url: `/api/projects/${id}`, cookie: coordinator.cookie, payload });
  const countWithCode = async (code: string) =>
    (await t.database.db.execute(sql`select id from projects where code = ${code}`)).rows.length;

  it('creates a project, lists it and reads it', async () => {
    const input = projectInput({ description: 'Counselling and Czech courses', active: false });
    const created = await post(input);
    expect(created.statusCode, created.body).toBe(201);
    const project = created.json() as ProjectResponse;
    expect(project).toEqual({ id: expect.any(String), ...input, description: 'Counselling and Czech courses' });

    // Every role may read projects, a lecturer too.
    const list = await t.request({ method: 'GET', url: '/api/projects', cookie: lecturer.cookie });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toContainEqual(project);
    const one = await t.request({ method: 'GET', url: `/api/projects/${project.id}`, cookie: lecturer.cookie });
    expect(one.json()).toEqual(project);

    const [entry] = await auditEventsThroughApi(t, { action: 'project.created', actorId: coordinator.userId }).then((es) =>
      es.filter((e) => e.entityId === project.id),
    );
    expect(entry).toMatchObject({ entityType: 'project', details: { code: project.code } });
  });

  it('changes a project and audits what changed', async () => {
    const project = await createProjectThroughApi(t, { active: false });
    const changed = await patch(project.id, { name: 'Renamed', endsOn: '2028-06-30', description: null });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ ...project, name: 'Renamed', endsOn: '2028-06-30', description: null });
    expect((await t.request({ method: 'GET', url: `/api/projects/${project.id}`, cookie: coordinator.cookie })).json()).toMatchObject({
      name: 'Renamed',
    });
    const [entry] = (await auditEventsThroughApi(t, { action: 'project.updated' })).filter((e) => e.entityId === project.id);
    expect(entry?.changes).toEqual([
      { field: 'name', before: project.name, after: 'Renamed' },
      { field: 'endsOn', before: project.endsOn, after: '2028-06-30' },
    ]);
  });

  it('refuses a second project with the same code (409) and saves nothing', async () => {
    const code = unique('AMIF/31/');
    expect((await post(projectInput({ code }))).statusCode).toBe(201);
    const again = await post(projectInput({ code, name: 'Another' }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ error: { code: 'CONFLICT', message: expect.any(String), details: { field: 'code' } } });
    expect(await countWithCode(code)).toBe(1);

    const other = await createProjectThroughApi(t);
    const renamed = await patch(other.id, { code });
    expect(renamed.statusCode).toBe(409);
    expect(await countWithCode(code)).toBe(1);
    // Its own code again is no conflict.
    expect((await patch(other.id, { code: other.code })).statusCode).toBe(200);
  });

  it('refuses one of two simultaneous creations with the same code with 409, not a database error', async () => {
    const input = projectInput();
    const responses = await Promise.all([post(input), post(input)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await countWithCode(input.code)).toBe(1);
  });

  it('answers 404 for a project that does not exist', async () => {
    const id = randomUUID();
    expect((await t.request({ method: 'GET', url: `/api/projects/${id}`, cookie: coordinator.cookie })).statusCode).toBe(404);
    expect((await patch(id, { name: 'x' })).statusCode).toBe(404);
  });

  it('refuses a period that ends before it starts, also when only one end changes', async () => {
    const project = await createProjectThroughApi(t, { startsOn: '2026-01-01', endsOn: '2026-12-31' });
    const response = await patch(project.id, { endsOn: '2025-12-31' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ field: 'body.endsOn' }] } });
    expect((await t.request({ method: 'GET', url: `/api/projects/${project.id}`, cookie: coordinator.cookie })).json()).toEqual(project);
  });

  it('computes eligibility of clients registered before it, and recomputes it when the target group changes', async () => {
    const receptionist = await staffOf(t, 'receptionist');
    const tag = uniqueWord('Proj');
    const client = await createClientThroughApi(t, {
      familyName: tag,
      citizenships: ['MN'],
      residence: { category: 'long_term_residence', validFrom: '2024-01-01', validUntil: permitEnd },
      address: { district: 'Louny' },
    });
    const project = await createProjectThroughApi(t);
    const eligibleIds = async (eligible: 'true' | 'false') => {
      const response = await t.request({
        method: 'GET',
        url: '/api/clients',
        query: { q: tag, projectId: project.id, eligible },
        cookie: receptionist.cookie,
      });
      return (response.json() as { items: { id: string }[] }).items.map((c) => c.id);
    };
    expect(await eligibleIds('true')).toEqual([client.id]);

    // Prague only: the client in Louny is no longer in the target group.
    expect((await patch(project.id, { targetGroup: { ...defaultTargetGroup, regionCode: 'CZ-10' } })).statusCode).toBe(200);
    expect(await eligibleIds('true')).toEqual([]);
    expect(await eligibleIds('false')).toEqual([client.id]);
    const read = (
      await t.request({ method: 'GET', url: `/api/clients/${client.id}`, cookie: receptionist.cookie })
    ).json() as ClientResponse;
    expect(read.eligibility.find((e) => e.projectId === project.id)).toMatchObject({
      eligible: false,
      reasons: expect.arrayContaining([{ code: 'lives_outside_region', ok: false, params: { district: 'Louny', region: 'CZ-10' } }]),
    });

    // Deactivated: no stored results; activated again: computed again.
    await patch(project.id, { active: false });
    expect(await eligibleIds('false')).toEqual([]);
    await patch(project.id, { active: true, targetGroup: defaultTargetGroup });
    expect(await eligibleIds('true')).toEqual([client.id]);
  });
});
