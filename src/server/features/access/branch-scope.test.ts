import { describe, expect, it } from 'vitest';
import { nextCentreMidnight } from '../../../shared/index.js';
import {
  auditEventsThroughApi,
  createBranchThroughApi,
  createClientThroughApi,
  createUserThroughApi,
  staffOf,
} from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';

/** Decision 022: branch scope per role, breaking the glass, and the data protection officer's list of sensitive changes. */
describe('branch scope and sensitive changes', async () => {
  // The branch scope is a centre-wide setting: this file has a database of its own.
  const t = await createTestApp({}, { freshDatabase: true });
  const admin = await staffOf(t, 'admin');
  const dpo = await staffOf(t, 'dpo');
  const coordinator = await staffOf(t, 'coordinator');
  const receptionist = await staffOf(t, 'receptionist');
  const north = await createBranchThroughApi(t, { name: 'Děčín' });
  const south = await createBranchThroughApi(t, { name: 'Teplice' });
  const counsellor = await createUserThroughApi(t, { name: 'Eva Dvořáková', roles: ['social_counsellor'], branchId: north.id });
  const { cookie } = await t.signIn(counsellor.email);

  const ownClient = await createClientThroughApi(t, { branchId: north.id });
  const otherClient = await createClientThroughApi(t, { branchId: south.id });
  const unplacedClient = await createClientThroughApi(t);
  const otherConsultation = (
    await t.request({
      method: 'POST',
      url: `/api/clients/${otherClient.id}/consultations`,
      cookie: coordinator.cookie,
      payload: { startedAt: '2025-03-03T09:30:00+01:00', durationMinutes: 30, form: 'phone', kind: 'social', topics: ['housing'] },
    })
  ).json();

  const get = (url: string, as = cookie, query: Record<string, string> = {}) => t.request({ method: 'GET', url, cookie: as, query });
  const setScope = (ownBranchRoles: string[], as = admin.cookie) =>
    t.request({ method: 'PUT', url: '/api/settings/branch-scope', cookie: as, payload: { ownBranchRoles } });
  const breakGlass = (clientId: string, reason: string) =>
    t.request({ method: 'POST', url: `/api/clients/${clientId}/break-glass`, cookie, payload: { reason } });
  const listedIds = async (query: Record<string, string> = {}) =>
    ((await get('/api/clients', cookie, { limit: '100', ...query })).json().items as { id: string }[]).map((item) => item.id);
  const sensitive = async (query: Record<string, string> = {}, as = dpo.cookie) => {
    const response = await get('/api/privacy/sensitive-changes', as, query);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Record<string, unknown>[]; total: number };
  };

  it('works with the whole centre by default', async () => {
    expect((await get('/api/settings/branch-scope', admin.cookie)).json()).toEqual({ ownBranchRoles: [] });
    expect((await get(`/api/clients/${otherClient.id}`)).statusCode).toBe(200);
    expect(await listedIds()).toEqual(expect.arrayContaining([ownClient.id, otherClient.id, unplacedClient.id]));
  });

  it('keeps a role to its own branch once the admin says so, audited and listed for the DPO', async () => {
    expect((await setScope(['social_counsellor'], coordinator.cookie)).statusCode).toBe(403);
    const saved = await setScope(['social_counsellor', 'social_counsellor']);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ ownBranchRoles: ['social_counsellor'] });
    const [entry] = await auditEventsThroughApi(t, { action: 'settings.updated', actorId: admin.userId });
    expect(entry).toMatchObject({
      entityId: 'branch_scope',
      changes: [{ field: 'ownBranchRoles', before: [], after: ['social_counsellor'] }],
    });
    const { items } = await sensitive({ kind: 'branch_scope' });
    expect(items[0]).toMatchObject({
      kind: 'branch_scope',
      actor: { id: admin.userId },
      ownBranchRolesBefore: [],
      ownBranchRolesAfter: ['social_counsellor'],
    });
    expect((await setScope(['nobody'])).statusCode).toBe(400);
  });

  it('refuses a client of another branch and everything under it, and allows the own branch and clients without one', async () => {
    const readsOf = async () =>
      (await auditEventsThroughApi(t, { clientId: otherClient.id, actorId: counsellor.id })).filter((e) => e.actor?.id === counsellor.id)
        .length;
    const readsBefore = await readsOf();
    for (const url of [
      `/api/clients/${otherClient.id}`,
      `/api/clients/${otherClient.id}/timeline`,
      `/api/clients/${otherClient.id}/consultations`,
      `/api/consultations/${otherConsultation.id}`,
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(403);
      expect(response.json().error).toMatchObject({ code: 'BRANCH_SCOPE', details: { clientId: otherClient.id, branchId: south.id } });
    }
    expect((await get('/api/tasks', cookie, { clientId: otherClient.id })).json().error.code).toBe('BRANCH_SCOPE');
    expect((await get(`/api/clients/${ownClient.id}`)).statusCode).toBe(200);
    expect((await get(`/api/clients/${unplacedClient.id}`)).statusCode).toBe(200);
    // Lists and searches show the branch's clients and those without a branch.
    const listed = await listedIds();
    expect(listed).toEqual(expect.arrayContaining([ownClient.id, unplacedClient.id]));
    expect(listed).not.toContain(otherClient.id);
    expect(await listedIds({ q: otherClient.familyName })).toEqual([]);
    // Roles left with the whole centre are not affected.
    expect((await get(`/api/clients/${otherClient.id}`, coordinator.cookie)).statusCode).toBe(200);
    expect((await get(`/api/clients/${otherClient.id}`, receptionist.cookie)).statusCode).toBe(200);
    // A refused request reads nothing, so it writes no read of the record either.
    expect(await readsOf()).toBe(readsBefore);
  });

  it('opens another branch’s client for the day after a reason is recorded, audited and listed for the DPO', async () => {
    const refused = await breakGlass(otherClient.id, 'short');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].field).toBe('body.reason');
    expect((await breakGlass(ownClient.id, 'The client came to our branch today')).statusCode).toBe(409);
    const before = Date.now();
    const opened = await breakGlass(otherClient.id, 'The client came to our branch with an urgent letter');
    expect(opened.statusCode, opened.body).toBe(201);
    const grant = opened.json();
    expect(grant).toEqual({
      id: expect.any(String),
      clientId: otherClient.id,
      expiresAt: nextCentreMidnight(new Date(before)).toISOString(),
    });

    expect((await get(`/api/clients/${otherClient.id}`)).statusCode).toBe(200);
    expect((await get(`/api/clients/${otherClient.id}/timeline`)).statusCode).toBe(200);
    expect(await listedIds({ q: otherClient.familyName })).toEqual([otherClient.id]);

    const [entry] = await auditEventsThroughApi(t, { action: 'client.break_glass', clientId: otherClient.id });
    expect(entry).toMatchObject({
      actor: { id: counsellor.id },
      entityType: 'client',
      changes: [{ field: 'reason' }],
      details: { grantId: grant.id, branchId: south.id, expiresAt: grant.expiresAt },
    });
    // The reason is free text: it is with the grant, not in the trail.
    expect(JSON.stringify(entry)).not.toContain('urgent letter');
    const { items } = await sensitive({ kind: 'break_glass' });
    expect(items[0]).toEqual({
      kind: 'break_glass',
      id: entry?.id,
      at: expect.any(String),
      actor: { id: counsellor.id, name: 'Eva Dvořáková' },
      clientId: otherClient.id,
      clientNumber: otherClient.clientNumber,
      reason: 'The client came to our branch with an urgent letter',
      expiresAt: grant.expiresAt,
    });
    expect((await breakGlass('7d0b2a8e-5a47-4f0e-9d0c-000000000000', 'A client who does not exist')).statusCode).toBe(404);
    // Open already: a second grant would only add noise to the DPO's list.
    expect((await breakGlass(otherClient.id, 'The client came back in the afternoon')).statusCode).toBe(409);
  });

  it('counts only visible characters of a reason, and reaches no other branch’s client through a body or a consultation', async () => {
    const thirdClient = await createClientThroughApi(t, { branchId: south.id });
    for (const reason of ['\u200b'.repeat(12), `\u202e${'\u200d'.repeat(10)}abc`]) {
      const refused = await breakGlass(thirdClient.id, reason);
      expect(refused.statusCode, reason).toBe(400);
    }
    // A task that names only a consultation of another branch's client.
    const task = await t.request({
      method: 'POST',
      url: '/api/tasks',
      cookie,
      payload: { title: 'Follow up the letter', dueOn: '2026-12-20', consultationId: otherConsultation.id },
    });
    // otherClient was opened by breaking the glass above; a fresh consultation of thirdClient was not.
    expect(task.statusCode, task.body).toBe(201);
    const thirdConsultation = (
      await t.request({
        method: 'POST',
        url: `/api/clients/${thirdClient.id}/consultations`,
        cookie: coordinator.cookie,
        payload: { startedAt: '2025-03-04T09:30:00+01:00', durationMinutes: 30, form: 'phone', kind: 'social', topics: ['housing'] },
      })
    ).json();
    const refusedTask = await t.request({
      method: 'POST',
      url: '/api/tasks',
      cookie,
      payload: { title: 'Follow up the letter', dueOn: '2026-12-20', consultationId: thirdConsultation.id },
    });
    expect(refusedTask.statusCode, refusedTask.body).toBe(403);
    expect(refusedTask.json().error.code).toBe('BRANCH_SCOPE');

    // A coordinator kept to their branch merges no other branch's client into their own.
    const keptCoordinator = await createUserThroughApi(t, { name: 'Petr Malý', roles: ['coordinator'], branchId: north.id });
    const coordinatorCookie = (await t.signIn(keptCoordinator.email)).cookie;
    expect((await setScope(['social_counsellor', 'coordinator'])).statusCode).toBe(200);
    try {
      const merge = await t.request({
        method: 'POST',
        url: `/api/clients/${ownClient.id}/merge`,
        cookie: coordinatorCookie,
        payload: { duplicateId: thirdClient.id, reason: 'Registered twice by mistake', takeFromDuplicate: [] },
      });
      expect(merge.statusCode, merge.body).toBe(403);
      expect(merge.json().error.code).toBe('BRANCH_SCOPE');
    } finally {
      expect((await setScope(['social_counsellor'])).statusCode).toBe(200);
    }
    expect((await get(`/api/clients/${thirdClient.id}`, coordinator.cookie)).json().archived).toBe(false);
  });

  it('lists role grants that add a content permission, self-grants flagged, to the DPO and admin only', async () => {
    const self = await t.request({
      method: 'PATCH',
      url: `/api/users/${admin.userId}`,
      cookie: admin.cookie,
      payload: { roles: ['admin', 'legal_counsellor'] },
    });
    expect(self.statusCode, self.body).toBe(200);
    const colleague = await createUserThroughApi(t, { roles: ['lecturer'] });
    await t.request({
      method: 'PATCH',
      url: `/api/users/${colleague.id}`,
      cookie: admin.cookie,
      payload: { roles: ['lecturer', 'admin'] },
    });
    await t.request({ method: 'PATCH', url: `/api/users/${colleague.id}`, cookie: admin.cookie, payload: { roles: ['coordinator'] } });

    const { items, total } = await sensitive({ kind: 'role_grant' });
    const grants = items.filter((item) => item.kind === 'role_grant');
    expect(grants.length).toBe(total);
    const selfGrant = grants.find((item) => (item.user as { id: string }).id === admin.userId && item.selfGrant);
    expect(selfGrant).toMatchObject({
      actor: { id: admin.userId },
      rolesBefore: ['admin'],
      rolesAfter: ['admin', 'legal_counsellor'],
      addedPermissions: ['clients.read', 'counselling.content', 'counselling.legal_content', 'documents.read'],
    });
    const colleagueGrants = grants.filter((item) => (item.user as { id: string }).id === colleague.id);
    // Lecturer → lecturer + admin reads nobody's matters; → coordinator does. The lecturer account itself reads none.
    expect(colleagueGrants).toMatchObject([
      { selfGrant: false, rolesAfter: ['coordinator'], addedPermissions: expect.arrayContaining(['counselling.content']) },
    ]);
    // Everything at once, newest first, and the admin may read it too.
    const all = await sensitive({}, admin.cookie);
    expect(new Set(all.items.map((item) => item.kind))).toEqual(new Set(['role_grant', 'break_glass', 'branch_scope']));
    expect((await get('/api/privacy/sensitive-changes', receptionist.cookie)).statusCode).toBe(403);
    expect((await get('/api/privacy/sensitive-changes', dpo.cookie, { kind: 'other' })).statusCode).toBe(400);
    const [read] = await auditEventsThroughApi(t, { action: 'audit.read', actorId: admin.userId });
    expect(read?.details).toMatchObject({ view: 'sensitive_changes' });
  });

  it('gives every role the whole centre again when the admin says so', async () => {
    expect((await setScope([])).json()).toEqual({ ownBranchRoles: [] });
    const other = await createClientThroughApi(t, { branchId: south.id });
    expect((await get(`/api/clients/${other.id}`)).statusCode).toBe(200);
  });
});
