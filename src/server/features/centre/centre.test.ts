import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditEventsThroughApi, createBranchThroughApi, staffOf, uniqueWord } from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';

describe('branches', async () => {
  const t = await createTestApp();
  const admin = await staffOf(t, 'admin');

  it('adds a branch that every role can see', async () => {
    const name = uniqueWord('Pobočka Děčín ');
    const created = await t.request({
      method: 'POST',
      url: '/api/branches',
      cookie: admin.cookie,
      payload: { name, municipality: 'Děčín', address: '  Masarykovo náměstí 1  ' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const branch = created.json();
    expect(branch).toEqual({ id: expect.any(String), name, municipality: 'Děčín', address: 'Masarykovo náměstí 1', archived: false });

    const lecturer = await staffOf(t, 'lecturer');
    const listed = await t.request({ method: 'GET', url: '/api/branches', cookie: lecturer.cookie });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toContainEqual(branch);
    const [entry] = (await auditEventsThroughApi(t, { action: 'branch.created' })).filter((e) => e.entityId === branch.id);
    expect(entry).toMatchObject({ actor: { id: admin.userId }, entityType: 'branch' });
  });

  it('renames and archives a branch, and audits the change', async () => {
    const branch = await createBranchThroughApi(t);
    const url = `/api/branches/${branch.id}`;
    const renamed = await t.request({ method: 'PATCH', url, cookie: admin.cookie, payload: { name: 'Teplice', address: null } });
    expect(renamed.json()).toEqual({ ...branch, name: 'Teplice', address: null });
    const archived = await t.request({ method: 'PATCH', url, cookie: admin.cookie, payload: { archived: true } });
    expect(archived.json()).toMatchObject({ archived: true, name: 'Teplice' });
    const entries = (await auditEventsThroughApi(t, { action: 'branch.updated' })).filter((e) => e.entityId === branch.id);
    expect(entries.map((e) => e.changes)).toEqual([
      [{ field: 'archived', before: false, after: true }],
      [
        { field: 'name', before: branch.name, after: 'Teplice' },
        { field: 'address', before: branch.address, after: null },
      ],
    ]);
  });

  it('answers 404 for a branch that does not exist', async () => {
    const response = await t.request({
      method: 'PATCH',
      url: `/api/branches/${randomUUID()}`,
      cookie: admin.cookie,
      payload: { name: 'X' },
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('settings', async () => {
  // Settings are centre-wide: a database of its own, so no other test file sees them change.
  const t = await createTestApp({}, { freshDatabase: true });
  const admin = await staffOf(t, 'admin');

  it('starts with no role required to use two-factor sign-in', async () => {
    const response = await t.request({ method: 'GET', url: '/api/settings', cookie: admin.cookie });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ twoFactorRequiredRoles: [] });
  });

  it('stores each role once, in the canonical order, and audits the change', async () => {
    const put = (twoFactorRequiredRoles: string[]) =>
      t.request({ method: 'PUT', url: '/api/settings', cookie: admin.cookie, payload: { twoFactorRequiredRoles } });
    const changed = await put(['legal_counsellor', 'coordinator', 'legal_counsellor']);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ twoFactorRequiredRoles: ['coordinator', 'legal_counsellor'] });
    expect((await t.request({ method: 'GET', url: '/api/settings', cookie: admin.cookie })).json()).toEqual({
      twoFactorRequiredRoles: ['coordinator', 'legal_counsellor'],
    });
    const [entry] = await auditEventsThroughApi(t, { action: 'settings.updated' });
    expect(entry).toMatchObject({
      actor: { id: admin.userId },
      changes: [{ field: 'twoFactorRequiredRoles', before: [], after: ['coordinator', 'legal_counsellor'] }],
    });
    expect((await put([])).json()).toEqual({ twoFactorRequiredRoles: [] });
  });
});
