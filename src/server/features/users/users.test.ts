import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hasPermission, permissions, type UserResponse } from '../../../shared/index.js';
import { auditEventsThroughApi, createBranchThroughApi, createUserThroughApi, staffOf, uniqueWord } from '../../testing/factories.js';
import { cookieOf, createTestApp, type TestApp, testPassword, unique } from '../../testing/harness.js';
import { secretOfTotpUri, totp } from '../../testing/totp.js';

/** Turns on TOTP for the signed-in user; returns the session cookie that replaces the old one. */
async function enableTotp(t: TestApp, cookie: string): Promise<string> {
  const enabled = await t.request({ method: 'POST', url: '/api/auth/two-factor/enable', cookie, payload: { password: testPassword } });
  expect(enabled.statusCode, enabled.body).toBe(200);
  const secret = secretOfTotpUri((enabled.json() as { totpURI: string }).totpURI);
  const verified = await t.request({ method: 'POST', url: '/api/auth/two-factor/verify-totp', cookie, payload: { code: totp(secret) } });
  expect(verified.statusCode, verified.body).toBe(200);
  return cookieOf(verified) || cookie;
}

describe('staff accounts', async () => {
  const t = await createTestApp();
  const admin = await staffOf(t, 'admin');
  const get = (id: string) => t.request({ method: 'GET', url: `/api/users/${id}`, cookie: admin.cookie });
  const patch = (id: string, payload: object) => t.request({ method: 'PATCH', url: `/api/users/${id}`, cookie: admin.cookie, payload });
  async function list(query: Record<string, string>): Promise<{ items: UserResponse[]; total: number }> {
    const response = await t.request({ method: 'GET', url: '/api/users', query, cookie: admin.cookie });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  it('creates an account that can sign in, without ever showing the password', async () => {
    const branch = await createBranchThroughApi(t);
    const email = `${unique('Petra.Mala')}@Example.org`;
    const response = await t.request({
      method: 'POST',
      url: '/api/users',
      cookie: admin.cookie,
      payload: { name: 'Petra Malá', email, password: testPassword, roles: ['legal_counsellor'], branchId: branch.id, locale: 'en' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const user = response.json() as UserResponse;
    expect(user).toEqual({
      id: expect.any(String),
      name: 'Petra Malá',
      email: email.toLowerCase(),
      roles: ['legal_counsellor'],
      branchId: branch.id,
      locale: 'en',
      active: true,
      twoFactorEnabled: false,
      createdAt: expect.any(String),
    });
    expect(response.body).not.toContain(testPassword);
    expect((await get(user.id)).json()).toEqual(user);
    const { response: signedIn } = await t.signIn(email.toLowerCase());
    expect(signedIn.statusCode).toBe(200);

    const [entry] = (await auditEventsThroughApi(t, { action: 'user.created', actorId: admin.userId })).filter(
      (e) => e.entityId === user.id,
    );
    expect(entry).toMatchObject({ details: { roles: ['legal_counsellor'], branchId: branch.id } });
    expect(JSON.stringify(entry)).not.toContain(testPassword);
  });

  it('refuses a trivially weak password for a new account, naming the reason, and saves nothing', async () => {
    const email = `${unique('Weak.Choice')}@example.org`;
    const local = email.split('@')[0] as string;
    for (const [password, code] of [
      ['111111111111', 'password_repeated'],
      ['098765432109', 'password_sequence'],
      ['asdfghjklzxcv', 'password_sequence'],
      [`${local}#1`, 'password_contains_email'],
      ['administrator', 'password_common'],
      ['Sunshine2026!', 'password_common'],
    ] as const) {
      const response = await t.request({
        method: 'POST',
        url: '/api/users',
        cookie: admin.cookie,
        payload: { name: 'Weak Choice', email, password, roles: ['lecturer'] },
      });
      expect(response.statusCode, password).toBe(400);
      expect(response.json(), password).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: [{ field: 'body.password', code }] },
      });
    }
    const { rows } = await t.database.db.execute(sql`select id from users where email = ${email.toLowerCase()}`);
    expect(rows).toHaveLength(0);
  });

  it('refuses a second account with the same e-mail, whatever its case (409), and saves nothing', async () => {
    const user = await createUserThroughApi(t);
    const again = await t.request({
      method: 'POST',
      url: '/api/users',
      cookie: admin.cookie,
      payload: { name: 'Someone Else', email: user.email.toUpperCase(), password: testPassword, roles: ['lecturer'] },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ error: { code: 'CONFLICT', message: expect.any(String), details: { field: 'email' } } });
    const { rows } = await t.database.db.execute(sql`select id from users where lower(email) = ${user.email.toLowerCase()}`);
    expect(rows).toHaveLength(1);
  });

  it('refuses one of two simultaneous creations with the same e-mail with 409, not a database error', async () => {
    const email = `${unique('twice')}@example.org`;
    const payload = { name: 'Double Click', email, password: testPassword, roles: ['lecturer'] };
    const responses = await Promise.all([0, 1].map(() => t.request({ method: 'POST', url: '/api/users', cookie: admin.cookie, payload })));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const { rows } = await t.database.db.execute(sql`select id from users where email = ${email}`);
    expect(rows).toHaveLength(1);
  });

  it('changes name, roles and branch; new roles apply to existing sessions at once', async () => {
    const user = await createUserThroughApi(t, { roles: ['receptionist'] });
    const { cookie } = await t.signIn(user.email);
    expect((await t.request({ method: 'GET', url: '/api/projects', cookie })).statusCode).toBe(200);
    expect((await t.request({ method: 'POST', url: '/api/projects', cookie, payload: {} })).statusCode).toBe(403);

    const branch = await createBranchThroughApi(t);
    const changed = await patch(user.id, { name: 'Jana Dvořáková', roles: ['coordinator'], branchId: branch.id });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Jana Dvořáková', roles: ['coordinator'], branchId: branch.id });
    // Access is decided on every request from the stored roles.
    expect((await t.request({ method: 'POST', url: '/api/projects', cookie, payload: {} })).statusCode).toBe(400);
    expect((await t.request({ method: 'GET', url: '/api/clients/00000000-0000-4000-8000-000000000000', cookie })).statusCode).toBe(404);
    const me = (await t.request({ method: 'GET', url: '/api/me', cookie })).json();
    expect(me.permissions).toEqual(permissions.filter((p) => hasPermission(['coordinator'], p)));

    const [entry] = (await auditEventsThroughApi(t, { action: 'user.roles_changed' })).filter((e) => e.entityId === user.id);
    expect(entry?.changes).toEqual(
      expect.arrayContaining([
        { field: 'roles', before: ['receptionist'], after: ['coordinator'] },
        { field: 'branchId', before: null, after: branch.id },
      ]),
    );

    expect((await patch(user.id, { branchId: null })).json()).toMatchObject({ branchId: null });
  });

  it('keeps a staff name without bidirectional or zero-width characters, and refuses one of only those', async () => {
    const user = await createUserThroughApi(t);
    const changed = await patch(user.id, { name: '\u2067Jana\u200D Dvořáková\u2069' });
    expect(changed.json()).toMatchObject({ name: 'Jana Dvořáková' });
    const refused = await patch(user.id, { name: '\u202E\u202C' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.name']);
    expect((await get(user.id)).json().name).toBe('Jana Dvořáková');
  });

  it('answers 404 for an account that does not exist', async () => {
    expect((await get(randomUUID())).statusCode).toBe(404);
    expect((await patch(randomUUID(), { name: 'Nobody' })).statusCode).toBe(404);
  });

  it('lists accounts by name or e-mail, active or not, a page at a time', async () => {
    const tag = uniqueWord('Staff');
    const made: UserResponse[] = [];
    for (const name of ['Adéla', 'Bohdan', 'Cyril']) made.push(await createUserThroughApi(t, { name: `${name} ${tag}` }));
    await patch(made[1]?.id as string, { active: false });

    const all = await list({ q: tag });
    expect(all.total).toBe(3);
    expect(all.items.map((u) => u.name)).toEqual([`Adéla ${tag}`, `Bohdan ${tag}`, `Cyril ${tag}`]);
    expect((await list({ q: tag, active: 'true' })).items.map((u) => u.id)).toEqual([made[0]?.id, made[2]?.id]);
    expect((await list({ q: tag, active: 'false' })).items.map((u) => u.id)).toEqual([made[1]?.id]);
    expect(await list({ q: tag, limit: '1', offset: '1' })).toMatchObject({ total: 3, items: [{ id: made[1]?.id }] });
    // A page past the end is empty but still tells how many there are.
    expect(await list({ q: tag, limit: '2', offset: '4' })).toEqual({ total: 3, items: [] });
    expect(await list({ q: tag, active: 'false', offset: '1' })).toEqual({ total: 1, items: [] });
    expect((await list({ q: made[2]?.email as string })).items.map((u) => u.id)).toEqual([made[2]?.id]);
    // LIKE wildcards match literally.
    expect((await list({ q: `${tag.slice(0, 6)}%` })).total).toBe(0);
    expect((await list({ q: `_${tag.slice(1)}` })).total).toBe(0);
  });

  it('shows the signed-in user what they may do', async () => {
    for (const roles of [['dpo'], ['lecturer'], ['social_counsellor', 'lecturer']] as const) {
      const { cookie, userId } = await t.signInAs([...roles]);
      const me = await t.request({ method: 'GET', url: '/api/me', cookie });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({
        id: userId,
        roles,
        permissions: permissions.filter((p) => hasPermission(roles, p)),
        twoFactorSetupRequired: false,
        centre: { name: expect.any(String), regionCode: expect.any(String) },
      });
    }
  });

  describe('helping a locked-out colleague', () => {
    const me = (cookie: string) => t.request({ method: 'GET', url: '/api/me', cookie });
    const setPassword = (id: string, payload: unknown, cookie = admin.cookie) =>
      t.request({ method: 'POST', url: `/api/users/${id}/password`, cookie, payload: payload as object });
    const resetTwoFactor = (id: string, cookie = admin.cookie) =>
      t.request({ method: 'POST', url: `/api/users/${id}/two-factor/reset`, cookie });
    const newPassword = 'a brand new passphrase 42';

    it('sets a new password: the old one stops working, the new one signs in, every session ends', async () => {
      const user = await createUserThroughApi(t);
      const first = await t.signIn(user.email);
      const second = await t.signIn(user.email);
      expect((await me(first.cookie)).statusCode).toBe(200);

      const response = await setPassword(user.id, { newPassword });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ ok: true });
      expect(response.body).not.toContain(newPassword);

      expect((await me(first.cookie)).statusCode).toBe(401);
      expect((await me(second.cookie)).statusCode).toBe(401);
      expect((await t.signIn(user.email)).response.statusCode).toBe(401);
      const signedIn = await t.signIn(user.email, newPassword);
      expect(signedIn.response.statusCode).toBe(200);
      expect((await me(signedIn.cookie)).statusCode).toBe(200);

      const entries = (await auditEventsThroughApi(t, { action: 'user.password_reset', actorId: admin.userId })).filter(
        (e) => e.entityId === user.id,
      );
      expect(entries).toHaveLength(1);
      expect(JSON.stringify(entries)).not.toContain(newPassword);
    });

    it('refuses a short, missing or extra-field password with 400 and changes nothing', async () => {
      const user = await createUserThroughApi(t);
      const { cookie } = await t.signIn(user.email);
      for (const [payload, field] of [
        [{ newPassword: 'too short' }, 'body.newPassword'],
        [{ newPassword: 'x'.repeat(129) }, 'body.newPassword'],
        [{}, 'body.newPassword'],
        [{ newPassword: 12345678901234 }, 'body.newPassword'],
      ] as const) {
        const response = await setPassword(user.id, payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
        expect(response.json()).toMatchObject({
          error: { code: 'VALIDATION_FAILED', details: expect.arrayContaining([expect.objectContaining({ field })]) },
        });
      }
      const local = user.email.split('@')[0] as string;
      for (const [weak, code] of [
        ['zzzzzzzzzzzzzz', 'password_repeated'],
        ['abcdefghijkl', 'password_sequence'],
        [`${local.toUpperCase()}!`, 'password_contains_email'],
        ['Football2026', 'password_common'],
      ] as const) {
        const response = await setPassword(user.id, { newPassword: weak });
        expect(response.statusCode, weak).toBe(400);
        expect(response.json(), weak).toMatchObject({
          error: { code: 'VALIDATION_FAILED', details: [{ field: 'body.newPassword', code }] },
        });
      }
      const extra = await setPassword(user.id, { newPassword, currentPassword: testPassword });
      expect(extra.statusCode).toBe(400);
      expect(extra.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      expect((await setPassword(randomUUID(), { newPassword })).statusCode).toBe(404);

      // Nothing changed: the session lives on and the old password still signs in.
      expect((await me(cookie)).statusCode).toBe(200);
      expect((await t.signIn(user.email)).response.statusCode).toBe(200);
      const entries = (await auditEventsThroughApi(t, { action: 'user.password_reset' })).filter((e) => e.entityId === user.id);
      expect(entries).toHaveLength(0);
    });

    it('is for administrators only', async () => {
      const user = await createUserThroughApi(t);
      const coordinator = await staffOf(t, 'coordinator');
      expect((await setPassword(user.id, { newPassword }, coordinator.cookie)).statusCode).toBe(403);
      expect((await resetTwoFactor(user.id, coordinator.cookie)).statusCode).toBe(403);
      expect((await t.signIn(user.email)).response.statusCode).toBe(200);
    });

    it('resets two-step sign-in: the authenticator is removed, sessions end, the password alone signs in', async () => {
      const user = await createUserThroughApi(t, { roles: ['social_counsellor'] });
      const cookie = await enableTotp(t, (await t.signIn(user.email)).cookie);
      expect((await me(cookie)).json()).toMatchObject({ twoFactorEnabled: true });
      expect((await t.signIn(user.email)).response.json()).toMatchObject({ twoFactorRedirect: true });

      const response = await resetTwoFactor(user.id);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ ok: true });

      expect((await me(cookie)).statusCode).toBe(401);
      const { rows } = await t.database.db.execute(sql`select id from two_factors where user_id = ${user.id}`);
      expect(rows).toHaveLength(0);
      expect((await get(user.id)).json()).toMatchObject({ twoFactorEnabled: false });
      const signedIn = await t.signIn(user.email);
      expect(signedIn.response.statusCode).toBe(200);
      expect(signedIn.response.json()).not.toHaveProperty('twoFactorRedirect', true);
      expect((await me(signedIn.cookie)).json()).toMatchObject({ twoFactorEnabled: false });

      const entries = (await auditEventsThroughApi(t, { action: 'user.two_factor_reset', actorId: admin.userId })).filter(
        (e) => e.entityId === user.id,
      );
      expect(entries).toHaveLength(1);
    });

    it('refuses a two-step reset for an unknown user or a malformed id', async () => {
      const user = await createUserThroughApi(t);
      const { cookie } = await t.signIn(user.email);
      expect((await resetTwoFactor(randomUUID())).statusCode).toBe(404);
      expect(
        (await t.request({ method: 'POST', url: `/api/users/${'x'.repeat(101)}/two-factor/reset`, cookie: admin.cookie })).statusCode,
      ).toBe(400);
      expect((await me(cookie)).statusCode).toBe(200);
    });
  });
});
