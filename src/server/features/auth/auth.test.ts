import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase, openPglite } from '../../../db/open-database.js';
import { auditEventsThroughApi, createClientThroughApi, createUserThroughApi, staffOf } from '../../testing/factories.js';
import { cookieOf, createTestApp, startTestApp, type TestApp, testPassword, unique, uniqueAddress } from '../../testing/harness.js';
import { secretOfTotpUri, totp } from '../../testing/totp.js';
import { type AttemptRule, attemptKeyOf } from './attempt-limits.service.js';

const sessionCookieName = 'integra.session_token';
const errorOf = (response: { json: () => unknown }) => (response.json() as { error: { code: string } }).error;

/** Moves a limit's window back in time, as if its failures had happened that long ago. */
async function ageFailures(t: TestApp, scope: AttemptRule['scope'], value: string, seconds: number) {
  const key = attemptKeyOf({ scope, value });
  await t.database.db.execute(
    sql`update failed_attempts set window_started_at = window_started_at - make_interval(secs => ${seconds}) where key = ${key}`,
  );
}

/** The answer of a refused attempt: 429 RATE_LIMITED, saying when to come back, in the body and in Retry-After. */
function expectRateLimited(response: { statusCode: number; json: () => unknown; headers: Record<string, unknown> }, maxSeconds: number) {
  expect(response.statusCode).toBe(429);
  expect(response.json()).toEqual({
    error: { code: 'RATE_LIMITED', message: expect.any(String), details: { retryAfterSeconds: expect.any(Number) } },
  });
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBe((response.json() as { error: { details: { retryAfterSeconds: number } } }).error.details.retryAfterSeconds);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
}

async function me(t: TestApp, cookie: string) {
  return t.request({ method: 'GET', url: '/api/me', cookie });
}

/** Turns on TOTP for the signed-in user; returns the secret and the session cookie that replaces the old one. */
async function enableTotp(t: TestApp, cookie: string): Promise<{ secret: string; cookie: string; backupCodes: string[] }> {
  const enabled = await t.request({ method: 'POST', url: '/api/auth/two-factor/enable', cookie, payload: { password: testPassword } });
  expect(enabled.statusCode).toBe(200);
  const { totpURI, backupCodes } = enabled.json() as { totpURI: string; backupCodes: string[] };
  const secret = secretOfTotpUri(totpURI);
  const verified = await t.request({ method: 'POST', url: '/api/auth/two-factor/verify-totp', cookie, payload: { code: totp(secret) } });
  expect(verified.statusCode).toBe(200);
  return { secret, cookie: cookieOf(verified) || cookie, backupCodes };
}

describe('sign-in and sessions', async () => {
  const t = await createTestApp();

  it('sets an HttpOnly SameSite session cookie and records the sign-in', async () => {
    const user = await createUserThroughApi(t);
    const { response, cookie } = await t.signIn(user.email);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { id: user.id, email: user.email } });
    expect(response.json()).not.toHaveProperty('token');
    const session = response.cookies.find((c) => c.name === sessionCookieName);
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(String(response.headers['set-cookie'])).toMatch(/HttpOnly/);
    expect((await me(t, cookie)).json()).toMatchObject({ id: user.id, email: user.email, roles: ['receptionist'] });
    const entries = await auditEventsThroughApi(t, { actorId: user.id, action: 'auth.sign_in' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entityType: 'user', entityId: user.id });
  });

  it('accepts the e-mail address in any case', async () => {
    const user = await createUserThroughApi(t);
    expect((await t.signIn(user.email.toUpperCase())).response.statusCode).toBe(200);
  });

  it('refuses a wrong password with 401 INVALID_CREDENTIALS, sets no session and records the failure', async () => {
    const user = await createUserThroughApi(t);
    const { response, cookie } = await t.signIn(user.email, 'not the right password');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: expect.any(String), details: {} } });
    expect(cookie).not.toContain(sessionCookieName);
    const failures = await auditEventsThroughApi(t, { action: 'auth.sign_in_failed' });
    expect(failures.find((e) => e.details?.email === user.email)).toMatchObject({ actor: null, details: { status: 401 } });
  });

  it('refuses an unknown e-mail address exactly like a wrong password', async () => {
    const email = `${unique('nobody')}@example.org`;
    const { response } = await t.signIn(email);
    expect(response.statusCode).toBe(401);
    expect(errorOf(response).code).toBe('INVALID_CREDENTIALS');
    const failures = await auditEventsThroughApi(t, { action: 'auth.sign_in_failed' });
    expect(failures.some((e) => e.details?.email === email)).toBe(true);
  });

  it('ends the session on sign-out', async () => {
    const { cookie, userId } = await t.signInAs(['social_counsellor']);
    const out = await t.request({ method: 'POST', url: '/api/auth/sign-out', cookie });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ ok: true });
    const after = await me(t, cookie);
    expect(after.statusCode).toBe(401);
    expect(errorOf(after).code).toBe('UNAUTHENTICATED');
    expect(await auditEventsThroughApi(t, { actorId: userId, action: 'auth.sign_out' })).toHaveLength(1);
  });

  it('answers 401 UNAUTHENTICATED without a cookie and with a forged one', async () => {
    for (const cookie of [undefined, `${sessionCookieName}=forged.value`]) {
      const response = await t.request({ method: 'GET', url: '/api/clients', cookie });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String), details: {} } });
    }
  });

  it('answers 401 to a real session token whose signature is wrong, or signed for another token', async () => {
    const first = await t.signInAs(['receptionist']);
    const second = await t.signInAs(['receptionist']);
    const [token, signature] = decodeURIComponent(first.cookie.slice(sessionCookieName.length + 1)).split('.') as [string, string];
    const [otherToken] = decodeURIComponent(second.cookie.slice(sessionCookieName.length + 1)).split('.') as [string];
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    for (const value of [`${token}.${flipped}`, `${otherToken}.${signature}`, token, `${token}.`]) {
      const response = await me(t, `${sessionCookieName}=${encodeURIComponent(value)}`);
      expect(response.statusCode, value).toBe(401);
    }
    expect((await me(t, first.cookie)).statusCode).toBe(200);
  });

  it('ends a session idle for longer than the idle limit, and removes it', async () => {
    const { cookie, userId } = await t.signInAs(['receptionist']);
    expect((await me(t, cookie)).statusCode).toBe(200);
    await t.database.db.execute(sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${userId}`);
    expect((await me(t, cookie)).statusCode).toBe(401);
    const { rows } = await t.database.db.execute(sql`select id from sessions where user_id = ${userId}`);
    expect(rows).toHaveLength(0);
  });

  it('reads a change of the roles that need two-factor sign-in on the next request', async () => {
    const { cookie } = await t.signInAs(['receptionist']);
    expect((await t.request({ method: 'GET', url: '/api/clients', cookie })).statusCode).toBe(200);
    await t.database.db.execute(
      sql`insert into settings (key, value) values ('centre', ${JSON.stringify({ twoFactorRequiredRoles: ['receptionist'] })}::jsonb)
          on conflict (key) do update set value = excluded.value`,
    );
    try {
      const response = await t.request({ method: 'GET', url: '/api/clients', cookie });
      expect(response.statusCode).toBe(403);
      expect(errorOf(response).code).toBe('TWO_FACTOR_REQUIRED');
    } finally {
      await t.database.db.execute(sql`update settings set value = '{"twoFactorRequiredRoles":[]}'::jsonb where key = 'centre'`);
    }
  });

  it('extends the idle limit while the session is in use', async () => {
    const { cookie, userId } = await t.signInAs(['receptionist']);
    await t.database.db.execute(
      sql`update sessions set expires_at = now() + interval '2 minutes', updated_at = now() - interval '58 minutes' where user_id = ${userId}`,
    );
    expect((await me(t, cookie)).statusCode).toBe(200);
    const { rows } = await t.database.db.execute<{ minutes: number }>(
      sql`select extract(epoch from expires_at - now()) / 60 as minutes from sessions where user_id = ${userId}`,
    );
    expect(Number(rows[0]?.minutes)).toBeGreaterThan(t.config.sessionIdleMinutes - 5);
  });

  it('renews the session cookie when it extends the idle limit, so the browser keeps it', async () => {
    const { cookie, userId } = await t.signInAs(['receptionist']);
    await t.database.db.execute(
      sql`update sessions set expires_at = now() + interval '2 minutes', updated_at = now() - interval '58 minutes' where user_id = ${userId}`,
    );
    const response = await me(t, cookie);
    expect(response.statusCode).toBe(200);
    const renewed = response.cookies.find((c) => c.name === sessionCookieName);
    expect(renewed).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(renewed?.maxAge).toBeGreaterThan((t.config.sessionIdleMinutes - 5) * 60);
    expect(`${sessionCookieName}=${renewed?.value}`).toBe(cookie);
    const { rows } = await t.database.db.execute<{ minutes: number }>(
      sql`select extract(epoch from expires_at - now()) / 60 as minutes from sessions where user_id = ${userId}`,
    );
    expect(Number(rows[0]?.minutes)).toBeGreaterThan(t.config.sessionIdleMinutes - 5);
    // A session refreshed a moment ago needs no new cookie.
    expect((await me(t, cookie)).cookies.find((c) => c.name === sessionCookieName)).toBeUndefined();
  });

  it('ends a session older than the absolute limit, however active', async () => {
    const { cookie, userId } = await t.signInAs(['receptionist']);
    const hours = t.config.sessionMaxHours + 1;
    await t.database.db.execute(sql`update sessions set created_at = now() - make_interval(hours => ${hours}) where user_id = ${userId}`);
    expect((await me(t, cookie)).statusCode).toBe(401);
    const { rows } = await t.database.db.execute(sql`select id from sessions where user_id = ${userId}`);
    expect(rows).toHaveLength(0);
  });

  it('ends the sessions of a deactivated user at once and refuses their sign-in until reactivated', async () => {
    const { cookie: admin } = await staffOf(t, 'admin');
    const user = await createUserThroughApi(t, { roles: ['social_counsellor'] });
    const first = await t.signIn(user.email);
    const second = await t.signIn(user.email);
    expect((await me(t, first.cookie)).statusCode).toBe(200);

    const deactivated = await t.request({ method: 'PATCH', url: `/api/users/${user.id}`, cookie: admin, payload: { active: false } });
    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json()).toMatchObject({ id: user.id, active: false });
    expect((await me(t, first.cookie)).statusCode).toBe(401);
    expect((await me(t, second.cookie)).statusCode).toBe(401);
    const { rows } = await t.database.db.execute(sql`select id from sessions where user_id = ${user.id}`);
    expect(rows).toHaveLength(0);

    const refused = await t.signIn(user.email);
    expect(refused.response.statusCode).toBe(401);
    expect(errorOf(refused.response).code).toBe('INVALID_CREDENTIALS');
    expect((await me(t, refused.cookie)).statusCode).toBe(401);

    const [entry] = await auditEventsThroughApi(t, { action: 'user.deactivated' }).then((e) => e.filter((x) => x.entityId === user.id));
    expect(entry?.changes).toEqual([{ field: 'active', before: true, after: false }]);

    await t.request({ method: 'PATCH', url: `/api/users/${user.id}`, cookie: admin, payload: { active: true } });
    expect((await t.signIn(user.email)).response.statusCode).toBe(200);
  });

  it('refuses passwords under 12 characters for new users', async () => {
    const { cookie } = await staffOf(t, 'admin');
    const email = `${unique('short')}@example.org`;
    const response = await t.request({
      method: 'POST',
      url: '/api/users',
      cookie,
      payload: { name: 'Short Password', email, password: '12345678901', roles: ['lecturer'] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ field: 'body.password' }] } });
    const { rows } = await t.database.db.execute(sql`select id from users where email = ${email}`);
    expect(rows).toHaveLength(0);
  });

  it('changes the own password: the current one is checked, other sessions end, this one stays', async () => {
    const { cookie, email, userId } = await t.signInAs(['lecturer']);
    const other = await t.signIn(email);
    const newPassword = 'a much longer passphrase 2026';

    const wrong = await t.request({
      method: 'POST',
      url: '/api/me/password',
      cookie,
      payload: { currentPassword: 'not my password', newPassword },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ field: 'body.currentPassword' }] } });
    expect((await me(t, other.cookie)).statusCode).toBe(200);

    const tooShort = await t.request({
      method: 'POST',
      url: '/api/me/password',
      cookie,
      payload: { currentPassword: testPassword, newPassword: 'short pass' },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json()).toMatchObject({ error: { details: [{ field: 'body.newPassword' }] } });

    const changed = await t.request({
      method: 'POST',
      url: '/api/me/password',
      cookie,
      payload: { currentPassword: testPassword, newPassword },
    });
    expect(changed.statusCode).toBe(200);
    expect((await me(t, cookie)).statusCode).toBe(200);
    expect((await me(t, other.cookie)).statusCode).toBe(401);
    expect((await t.signIn(email, testPassword)).response.statusCode).toBe(401);
    expect((await t.signIn(email, newPassword)).response.statusCode).toBe(200);
    expect(await auditEventsThroughApi(t, { actorId: userId, action: 'auth.password_changed' })).toHaveLength(1);
  });

  it('refuses a trivially weak new password, naming the reason, before checking the current one', async () => {
    const { cookie, email, userId } = await t.signInAs(['lecturer']);
    const local = email.split('@')[0] as string;
    const weak: [string, string][] = [
      ['aaaaaaaaaaaa', 'password_repeated'],
      ['123456789012', 'password_sequence'],
      ['abcdefghijkl', 'password_sequence'],
      ['qwertyuiopasdf', 'password_sequence'],
      [`${local}-2026`, 'password_contains_email'],
      [`my address is ${email}`, 'password_contains_email'],
      [testPassword, 'password_same_as_current'],
      ['Password2026!', 'password_common'],
      ['iloveyou1234', 'password_common'],
      ['1q2w3e4r5t6y', 'password_common'],
    ];
    for (const [newPassword, code] of weak) {
      const refused = await t.request({
        method: 'POST',
        url: '/api/me/password',
        cookie,
        payload: { currentPassword: testPassword, newPassword },
      });
      expect(refused.statusCode, newPassword).toBe(400);
      expect(refused.json(), newPassword).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: [{ field: 'body.newPassword', code }] },
      });
    }
    // The rule needs no stored secret: a weak choice with a wrong current password is refused for weakness, uncounted.
    const both = await t.request({
      method: 'POST',
      url: '/api/me/password',
      cookie,
      payload: { currentPassword: 'not mine', newPassword: 'aaaaaaaaaaaa' },
    });
    expect(both.json()).toMatchObject({ error: { details: [{ field: 'body.newPassword', code: 'password_repeated' }] } });
    expect(await auditEventsThroughApi(t, { actorId: userId, action: 'auth.password_check_failed' })).toHaveLength(0);
    expect(await auditEventsThroughApi(t, { actorId: userId, action: 'auth.password_changed' })).toHaveLength(0);
    expect((await t.signIn(email, testPassword)).response.statusCode).toBe(200);
  });

  it('changes the own language', async () => {
    const { cookie, userId } = await t.signInAs(['receptionist']);
    const changed = await t.request({ method: 'PATCH', url: '/api/me', cookie, payload: { locale: 'uk' } });
    expect(changed.statusCode).toBe(200);
    expect((await me(t, cookie)).json()).toMatchObject({ locale: 'uk' });
    const [entry] = await auditEventsThroughApi(t, { actorId: userId, action: 'user.locale_changed' });
    expect(entry?.changes).toEqual([{ field: 'locale', before: 'cs', after: 'uk' }]);
    const refused = await t.request({ method: 'PATCH', url: '/api/me', cookie, payload: { locale: 'de' } });
    expect(refused.statusCode).toBe(400);
    expect((await me(t, cookie)).json()).toMatchObject({ locale: 'uk' });
  });

  it('refuses a write from another site with 403 ORIGIN_REJECTED and saves nothing', async () => {
    const { cookie } = await staffOf(t, 'receptionist');
    const familyName = unique('Crosssite');
    for (const headers of [{ origin: 'https://evil.example' }, { origin: undefined, referer: 'https://evil.example/form' }]) {
      const response = await t.request({
        method: 'POST',
        url: '/api/clients',
        cookie,
        headers,
        payload: { givenName: 'Ivan', familyName, sex: 'male' },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ error: { code: 'ORIGIN_REJECTED', message: expect.any(String), details: {} } });
    }
    const signIn = await t.request({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: 'https://evil.example' },
      payload: { email: (await staffOf(t, 'receptionist')).email, password: testPassword },
    });
    expect(signIn.statusCode).toBe(403);
    expect(signIn.cookies).toHaveLength(0);
    const { rows } = await t.database.db.execute(sql`select id from clients where family_name = ${familyName}`);
    expect(rows).toHaveLength(0);
    // Reads are not state-changing; the same site is welcome.
    expect((await t.request({ method: 'GET', url: '/api/clients', cookie, headers: { origin: 'https://evil.example' } })).statusCode).toBe(
      200,
    );
    const client = await createClientThroughApi(t, { familyName });
    expect(client.familyName).toBe(familyName);
  });
});

describe('behind HTTPS', async () => {
  const publicUrl = 'https://integra.example.org';
  const t = await createTestApp({ INTEGRA_PUBLIC_URL: publicUrl });

  it('marks the session cookie Secure and asks browsers to keep to HTTPS', async () => {
    const user = await createUserThroughApi(t);
    const { response } = await t.signIn(user.email);
    expect(response.statusCode).toBe(200);
    const session = response.cookies.find((c) => c.name.endsWith(sessionCookieName));
    expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    expect(response.headers['strict-transport-security']).toBeDefined();
    // The site's own address is the only origin accepted for writes.
    const foreign = await t.request({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: 'http://integra.example.org' },
      payload: { email: user.email, password: testPassword },
    });
    expect(foreign.statusCode).toBe(403);
  });
});

describe('sign-in rate limit', async () => {
  const t = await createTestApp({ INTEGRA_SIGN_IN_LIMIT: '3' });

  it('answers the fourth attempt within a minute from one address with 429 RATE_LIMITED', async () => {
    const user = await createUserThroughApi(t);
    const ip = uniqueAddress();
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await t.signIn(user.email, 'wrong password!', { remoteAddress: ip })).response.statusCode).toBe(401);
    }
    const limited = await t.signIn(user.email, testPassword, { remoteAddress: ip });
    expectRateLimited(limited.response, 60);
    expect(limited.cookie).not.toContain(sessionCookieName);
    // Another address is not affected.
    expect((await t.signIn(user.email, testPassword, { remoteAddress: uniqueAddress() })).response.statusCode).toBe(200);
  });

  it('counts only failures: sign-ins that succeed take nothing from the limit, which ends with its minute', async () => {
    const user = await createUserThroughApi(t);
    const ip = uniqueAddress();
    const attempt = async (password: string) => (await t.signIn(user.email, password, { remoteAddress: ip })).response;
    const statuses = [];
    for (const password of ['wrong password!', 'wrong password!', ...Array(6).fill(testPassword), 'wrong password!']) {
      statuses.push((await attempt(password)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 200, 200, 200, 200, 200, 200, 401]);
    expectRateLimited(await attempt(testPassword), 60);
    // A minute later the address may try again.
    await ageFailures(t, 'address', ip, 61);
    expect((await attempt(testPassword)).statusCode).toBe(200);
  });

  it('limits wrong current passwords from one address across accounts, and records them', async () => {
    const ip = uniqueAddress();
    const first = await t.signInAs(['receptionist']);
    const second = await t.signInAs(['lecturer']);
    const change = (cookie: string, currentPassword: string) =>
      t.request({
        method: 'POST',
        url: '/api/me/password',
        cookie,
        remoteAddress: ip,
        payload: { currentPassword, newPassword: 'a brand new passphrase 77' },
      });
    expect((await change(first.cookie, 'not my password')).statusCode).toBe(400);
    expect((await change(first.cookie, 'not my password')).statusCode).toBe(400);
    expect((await change(second.cookie, 'not my password')).statusCode).toBe(400);
    expectRateLimited(await change(second.cookie, testPassword), 60);
    // From another address the same user is not held up.
    const elsewhere = await t.request({
      method: 'POST',
      url: '/api/me/password',
      cookie: second.cookie,
      remoteAddress: uniqueAddress(),
      payload: { currentPassword: testPassword, newPassword: 'a brand new passphrase 77' },
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(200);
    const failures = (await auditEventsThroughApi(t, { action: 'auth.password_check_failed' })).filter((e) => e.ip === ip);
    expect(failures).toHaveLength(3);
    expect(failures.map((e) => e.entityId).sort()).toEqual([first.userId, first.userId, second.userId].sort());
    expect(failures[0]).toMatchObject({ details: { purpose: 'password_change' } });
  });

  it('records refused attempts but not those the limit stops, so the audit trail cannot be flooded', async () => {
    const email = `${unique('nobody')}@example.org`;
    const ip = uniqueAddress();
    const statuses = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      statuses.push((await t.signIn(email, 'wrong password!', { remoteAddress: ip })).response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    const failures = (await auditEventsThroughApi(t, { action: 'auth.sign_in_failed' })).filter((e) => e.details?.email === email);
    expect(failures.map((e) => e.details?.status)).toEqual([401, 401, 401]);
  });

  it('counts by the real address: headers that claim another one change nothing', async () => {
    const user = await createUserThroughApi(t);
    const ip = uniqueAddress();
    const attempt = (headers: Record<string, string>) =>
      t.request({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        remoteAddress: ip,
        headers,
        payload: { email: user.email, password: 'wrong password!' },
      });
    const claims: Record<string, string>[] = [{}, { 'x-integra-client-ip': uniqueAddress() }, { 'x-forwarded-for': uniqueAddress() }];
    for (const headers of claims) {
      expect((await attempt(headers)).statusCode).toBe(401);
    }
    const limited = await attempt({ 'x-integra-client-ip': uniqueAddress(), 'x-forwarded-for': uniqueAddress() });
    expectRateLimited(limited, 60);
  });

  it('limits guesses of the second factor the same way', async () => {
    const { cookie, email } = await t.signInAs(['receptionist']);
    const { secret } = await enableTotp(t, cookie);
    const ip = uniqueAddress();
    const first = await t.signIn(email, testPassword, { remoteAddress: ip });
    expect(first.response.json()).toMatchObject({ twoFactorRedirect: true });
    const wrongCode = String((Number(totp(secret)) + 7) % 1_000_000).padStart(6, '0');
    const guess = (code: string) =>
      t.request({ method: 'POST', url: '/api/auth/two-factor/verify-totp', cookie: first.cookie, remoteAddress: ip, payload: { code } });
    for (let attempt = 1; attempt <= 3; attempt++) expect((await guess(wrongCode)).statusCode).toBe(401);
    const limited = await guess(totp(secret));
    expect(limited.statusCode).toBe(429);
    expect(errorOf(limited).code).toBe('RATE_LIMITED');
    // The refused guesses are recorded, the one the limit stopped is not.
    const failures = (await auditEventsThroughApi(t, { action: 'auth.sign_in_failed' })).filter((e) => e.ip === ip);
    expect(failures.map((e) => e.details?.status)).toEqual([401, 401, 401]);
  });
});

describe('failed sign-ins per account', async () => {
  // The per-address limit is lifted here (the harness's default), so only the account's limit applies.
  const t = await createTestApp({ INTEGRA_SIGN_IN_ACCOUNT_LIMIT: '10' });
  const fromAnywhere = (email: string, password: string) => t.signIn(email, password, { remoteAddress: uniqueAddress() });

  it('answers 429 after 10 failures in 15 minutes from any addresses, until the window ends', async () => {
    const user = await createUserThroughApi(t);
    const bystander = await createUserThroughApi(t);
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect((await fromAnywhere(user.email, 'wrong password!')).response.statusCode).toBe(401);
      // The account's own sign-in in between is not counted.
      if (attempt === 5) expect((await fromAnywhere(user.email, testPassword)).response.statusCode).toBe(200);
    }
    const limited = await fromAnywhere(user.email.toUpperCase(), testPassword);
    expectRateLimited(limited.response, 15 * 60);
    expect(Number(limited.response.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(limited.cookie).not.toContain(sessionCookieName);
    // Other accounts are not held up; the limit stops attempts before any check, unrecorded.
    expect((await fromAnywhere(bystander.email, testPassword)).response.statusCode).toBe(200);
    const failures = (await auditEventsThroughApi(t, { action: 'auth.sign_in_failed' })).filter((e) => e.details?.email === user.email);
    expect(failures).toHaveLength(10);

    await ageFailures(t, 'account', user.email, 15 * 60);
    expect((await fromAnywhere(user.email, testPassword)).response.statusCode).toBe(200);
  });

  it('answers an unknown e-mail address exactly as a known one, so the limit tells nobody who has an account', async () => {
    const known = await createUserThroughApi(t);
    const unknown = `${unique('nobody')}@example.org`;
    const answers = [];
    for (const email of [known.email, unknown]) {
      const statuses = [];
      for (let attempt = 1; attempt <= 10; attempt++) statuses.push((await fromAnywhere(email, 'wrong password!')).response.statusCode);
      expect(statuses).toEqual(Array(10).fill(401));
      answers.push((await fromAnywhere(email, 'wrong password!')).response);
    }
    const [forKnown, forUnknown] = answers as [LightMyRequestResponse, LightMyRequestResponse];
    expectRateLimited(forKnown, 15 * 60);
    expectRateLimited(forUnknown, 15 * 60);
    const shape = (r: LightMyRequestResponse) => ({ ...errorOf(r), details: undefined });
    expect(shape(forUnknown)).toEqual(shape(forKnown));
  });

  it('limits wrong current passwords to 5 in 15 minutes per user, from any address, and records each', async () => {
    const { cookie, userId } = await t.signInAs(['social_counsellor']);
    const change = (currentPassword: string) =>
      t.request({
        method: 'POST',
        url: '/api/me/password',
        cookie,
        remoteAddress: uniqueAddress(),
        payload: { currentPassword, newPassword: 'a brand new passphrase 77' },
      });
    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = await change('not my password');
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toMatchObject({ error: { details: [{ field: 'body.currentPassword', code: 'wrong_password' }] } });
    }
    expectRateLimited(await change(testPassword), 15 * 60);
    const failures = await auditEventsThroughApi(t, { actorId: userId, action: 'auth.password_check_failed' });
    expect(failures).toHaveLength(5);
    expect(failures[0]).toMatchObject({ entityType: 'user', entityId: userId, details: { purpose: 'password_change' } });
    expect(await auditEventsThroughApi(t, { actorId: userId, action: 'auth.password_changed' })).toHaveLength(0);

    await ageFailures(t, 'user', userId, 15 * 60);
    const changed = await change(testPassword);
    expect(changed.statusCode, changed.body).toBe(200);
  });
});

describe('wrong second factors per account', async () => {
  const t = await createTestApp({ INTEGRA_SIGN_IN_ACCOUNT_LIMIT: '10' });

  it('lock the account for 15 minutes after 10, across challenges and addresses, even for the right code', async () => {
    const { cookie, email } = await t.signInAs(['receptionist']);
    const { secret } = await enableTotp(t, cookie);
    const wrongCode = () => String((Number(totp(secret)) + 500_000) % 1_000_000).padStart(6, '0');
    const challenge = async () => {
      const first = await t.signIn(email, testPassword, { remoteAddress: uniqueAddress() });
      expect(first.response.json()).toMatchObject({ twoFactorRedirect: true });
      return (code: string) =>
        t.request({
          method: 'POST',
          url: '/api/auth/two-factor/verify-totp',
          cookie: first.cookie,
          remoteAddress: uniqueAddress(),
          payload: { code },
        });
    };
    // better-auth allows 5 guesses per challenge; a new challenge needs the password again.
    for (let round = 1; round <= 2; round++) {
      const guess = await challenge();
      for (let attempt = 1; attempt <= 5; attempt++) expect((await guess(wrongCode())).statusCode).toBe(401);
    }
    const locked = await (await challenge())(totp(secret));
    expectRateLimited(locked, 15 * 60);
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60);
    expect(locked.cookies.find((c) => c.name === sessionCookieName && c.value !== '')).toBeUndefined();
  });
});

describe('sign-ins of a whole centre from one address', async () => {
  // A centre behind one address, with the default limit of failures per address and minute.
  const t = await createTestApp({ INTEGRA_SIGN_IN_LIMIT: '10' });

  it('lets 30 sign-ins in a minute succeed, and still stops the eleventh failure', async () => {
    const ip = uniqueAddress();
    const staff = await Promise.all(Array.from({ length: 6 }, () => createUserThroughApi(t)));
    const statuses = [];
    for (let round = 0; round < 5; round++) {
      for (const member of staff) statuses.push((await t.signIn(member.email, testPassword, { remoteAddress: ip })).response.statusCode);
    }
    expect(statuses).toEqual(Array(30).fill(200));
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect((await t.signIn(staff[attempt % 6]?.email ?? '', 'wrong password!', { remoteAddress: ip })).response.statusCode).toBe(401);
    }
    expectRateLimited((await t.signIn(staff[0]?.email ?? '', testPassword, { remoteAddress: ip })).response, 60);
  });
});

describe('two-factor sign-in (TOTP)', async () => {
  const t = await createTestApp();

  it('is enabled with the password and a code from the authenticator, then required at sign-in', async () => {
    const { cookie, email, userId } = await t.signInAs(['social_counsellor']);
    const wrongPassword = await t.request({
      method: 'POST',
      url: '/api/auth/two-factor/enable',
      cookie,
      payload: { password: 'not my password' },
    });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ field: 'body.password' }] } });

    const enabled = await t.request({ method: 'POST', url: '/api/auth/two-factor/enable', cookie, payload: { password: testPassword } });
    expect(enabled.statusCode).toBe(200);
    const { totpURI, backupCodes } = enabled.json() as { totpURI: string; backupCodes: string[] };
    expect(totpURI).toMatch(/^otpauth:\/\/totp\/Integra:/);
    expect(backupCodes.length).toBeGreaterThan(0);
    // Not on until a code confirms the authenticator holds the secret.
    expect((await me(t, cookie)).json()).toMatchObject({ twoFactorEnabled: false });
    const secret = secretOfTotpUri(totpURI);

    const wrongCode = String((Number(totp(secret)) + 1) % 1_000_000).padStart(6, '0');
    const refused = await t.request({ method: 'POST', url: '/api/auth/two-factor/verify-totp', cookie, payload: { code: wrongCode } });
    expect(refused.statusCode).toBe(401);
    expect((await me(t, cookie)).json()).toMatchObject({ twoFactorEnabled: false });

    const verified = await t.request({ method: 'POST', url: '/api/auth/two-factor/verify-totp', cookie, payload: { code: totp(secret) } });
    expect(verified.statusCode).toBe(200);
    const current = cookieOf(verified) || cookie;
    expect((await me(t, current)).json()).toMatchObject({ twoFactorEnabled: true });
    expect(await auditEventsThroughApi(t, { actorId: userId, action: 'auth.two_factor_enabled' })).toHaveLength(1);

    // Now the password alone does not sign in.
    const first = await t.signIn(email);
    expect(first.response.statusCode).toBe(200);
    expect(first.response.json()).toMatchObject({ twoFactorRedirect: true });
    expect(first.cookie).not.toContain(sessionCookieName);
    expect((await me(t, first.cookie)).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/clients', cookie: first.cookie })).statusCode).toBe(401);

    const badSecond = await t.request({
      method: 'POST',
      url: '/api/auth/two-factor/verify-totp',
      cookie: first.cookie,
      payload: { code: wrongCode },
    });
    expect(badSecond.statusCode).toBe(401);
    expect(errorOf(badSecond).code).toBe('INVALID_CREDENTIALS');

    const second = await t.request({
      method: 'POST',
      url: '/api/auth/two-factor/verify-totp',
      cookie: first.cookie,
      payload: { code: totp(secret) },
    });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ user: { id: userId } });
    expect(second.cookies.find((c) => c.name === sessionCookieName)).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect((await me(t, cookieOf(second))).statusCode).toBe(200);

    const signIns = await auditEventsThroughApi(t, { actorId: userId, action: 'auth.sign_in' });
    expect(signIns[0]).toMatchObject({ details: { secondFactor: 'totp' } });
    const failures = await auditEventsThroughApi(t, { actorId: userId, action: 'auth.sign_in_failed' });
    expect(failures.some((e) => e.details?.secondFactor === 'totp')).toBe(true);
  });

  it('accepts a backup code as the second step, once', async () => {
    const { cookie, email } = await t.signInAs(['receptionist']);
    const { backupCodes } = await enableTotp(t, cookie);
    const code = backupCodes[0] as string;
    const first = await t.signIn(email);
    const second = await t.request({
      method: 'POST',
      url: '/api/auth/two-factor/verify-backup-code',
      cookie: first.cookie,
      payload: { code },
    });
    expect(second.statusCode).toBe(200);
    expect((await me(t, cookieOf(second))).statusCode).toBe(200);
    const again = await t.signIn(email);
    const reused = await t.request({
      method: 'POST',
      url: '/api/auth/two-factor/verify-backup-code',
      cookie: again.cookie,
      payload: { code },
    });
    expect(reused.statusCode).toBe(401);
  });

  it('refuses the second step of a user deactivated after the first', async () => {
    const { cookie: admin } = await staffOf(t, 'admin');
    const user = await createUserThroughApi(t, { roles: ['social_counsellor'] });
    const { secret } = await enableTotp(t, (await t.signIn(user.email)).cookie);
    const first = await t.signIn(user.email);
    expect(first.response.json()).toMatchObject({ twoFactorRedirect: true });
    await t.request({ method: 'PATCH', url: `/api/users/${user.id}`, cookie: admin, payload: { active: false } });
    const second = await t.request({
      method: 'POST',
      url: '/api/auth/two-factor/verify-totp',
      cookie: first.cookie,
      payload: { code: totp(secret) },
    });
    expect(second.statusCode).toBe(401);
    expect(second.cookies.find((c) => c.name === sessionCookieName && c.value !== '')).toBeUndefined();
    const { rows } = await t.database.db.execute(sql`select id from sessions where user_id = ${user.id}`);
    expect(rows).toHaveLength(0);
  });

  it('can be turned off with the password', async () => {
    const { cookie, email } = await t.signInAs(['receptionist']);
    const enabled = await enableTotp(t, cookie);
    const refused = await t.request({
      method: 'POST',
      url: '/api/auth/two-factor/disable',
      cookie: enabled.cookie,
      payload: { password: 'not my password' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ field: 'body.password' }] } });
    expect((await me(t, enabled.cookie)).json()).toMatchObject({ twoFactorEnabled: true });
    const disabled = await t.request({
      method: 'POST',
      url: '/api/auth/two-factor/disable',
      cookie: enabled.cookie,
      payload: { password: testPassword },
    });
    expect(disabled.statusCode).toBe(200);
    const signedIn = await t.signIn(email);
    expect(signedIn.response.json()).not.toHaveProperty('twoFactorRedirect', true);
    expect((await me(t, signedIn.cookie)).json()).toMatchObject({ twoFactorEnabled: false });
  });
});

describe('two-factor sign-in required for a role', async () => {
  // Settings are centre-wide: this needs a database no other test file uses.
  const t = await createTestApp({}, { freshDatabase: true });

  it('keeps members of the role out of permission routes until they set it up', async () => {
    const admin = await t.signInAs(['admin']);
    const receptionist = await t.signInAs(['receptionist']);
    const counsellor = await t.signInAs(['social_counsellor']);

    const changed = await t.request({
      method: 'PUT',
      url: '/api/settings',
      cookie: admin.cookie,
      payload: { twoFactorRequiredRoles: ['receptionist'] },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ twoFactorRequiredRoles: ['receptionist'] });
    expect((await t.request({ method: 'GET', url: '/api/settings', cookie: admin.cookie })).json()).toEqual({
      twoFactorRequiredRoles: ['receptionist'],
    });

    const blocked = await t.request({ method: 'GET', url: '/api/clients', cookie: receptionist.cookie });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toEqual({ error: { code: 'TWO_FACTOR_REQUIRED', message: expect.any(String), details: {} } });
    const blockedWrite = await t.request({
      method: 'POST',
      url: '/api/clients',
      cookie: receptionist.cookie,
      payload: { givenName: 'Ivan', familyName: 'Blocked', sex: 'male' },
    });
    expect(errorOf(blockedWrite).code).toBe('TWO_FACTOR_REQUIRED');
    // The own account stays reachable, so the set-up can be done.
    expect((await me(t, receptionist.cookie)).json()).toMatchObject({
      twoFactorSetupRequired: true,
      twoFactorRequired: true,
      permissions: expect.any(Array),
    });
    expect((await t.request({ method: 'GET', url: '/api/clients', cookie: counsellor.cookie })).statusCode).toBe(200);

    const { cookie } = await enableTotp(t, receptionist.cookie);
    expect((await me(t, cookie)).json()).toMatchObject({ twoFactorSetupRequired: false, twoFactorEnabled: true });
    expect((await t.request({ method: 'GET', url: '/api/clients', cookie })).statusCode).toBe(200);

    // Nor can they turn it off again while the role requires it.
    const disable = await t.request({ method: 'POST', url: '/api/auth/two-factor/disable', cookie, payload: { password: testPassword } });
    expect(disable.statusCode).toBe(403);
    expect(errorOf(disable).code).toBe('FORBIDDEN');
    expect((await me(t, cookie)).json()).toMatchObject({ twoFactorEnabled: true });

    const [entry] = await auditEventsThroughApi(t, { actorId: admin.userId, action: 'settings.updated' });
    expect(entry?.changes).toEqual([{ field: 'twoFactorRequiredRoles', before: [], after: ['receptionist'] }]);

    await t.request({ method: 'PUT', url: '/api/settings', cookie: admin.cookie, payload: { twoFactorRequiredRoles: [] } });
  });
});

describe('first-run setup', async () => {
  // Setup works only while no user exists: a database of its own (a new PostgreSQL database under TEST_DATABASE_URL).
  const t = await createTestApp({}, { freshDatabase: true });
  const input = {
    centreName: 'Centrum na podporu integrace cizinců – Ústecký kraj',
    regionCode: 'CZ-42',
    adminName: 'Marie Svobodová',
    adminEmail: 'Marie.Svobodova@Example.org',
    adminPassword: 'first administrator passphrase',
    locale: 'uk',
  };

  it('creates the centre and its first administrator once', async () => {
    expect((await t.request({ method: 'GET', url: '/api/setup' })).json()).toEqual({ setupRequired: true });
    const invalid = await t.request({ method: 'POST', url: '/api/setup', payload: { ...input, adminPassword: 'too short' } });
    expect(invalid.statusCode).toBe(400);
    const weak = await t.request({ method: 'POST', url: '/api/setup', payload: { ...input, adminPassword: 'Marie Svobodova 1985' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ field: 'body.adminPassword', code: 'password_contains_email' }] },
    });
    expect((await t.request({ method: 'GET', url: '/api/setup' })).json()).toEqual({ setupRequired: true });

    const done = await t.request({ method: 'POST', url: '/api/setup', payload: input });
    expect(done.statusCode).toBe(201);
    expect((await t.request({ method: 'GET', url: '/api/setup' })).json()).toEqual({ setupRequired: false });

    const { response, cookie } = await t.signIn('marie.svobodova@example.org', input.adminPassword);
    expect(response.statusCode).toBe(200);
    const admin = (await me(t, cookie)).json();
    expect(admin).toMatchObject({ roles: ['admin', 'coordinator'], locale: 'uk', centre: { name: input.centreName, regionCode: 'CZ-42' } });
    const [entry] = await auditEventsThroughApi(t, { action: 'setup.completed' });
    expect(entry).toMatchObject({ actor: { id: admin.id }, entityType: 'centre' });

    const again = await t.request({ method: 'POST', url: '/api/setup', payload: { ...input, adminEmail: 'someone.else@example.org' } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ error: { code: 'SETUP_ALREADY_DONE', message: expect.any(String), details: {} } });
    expect((await t.signIn('someone.else@example.org', input.adminPassword)).response.statusCode).toBe(401);
    // Once set up, the route judges nothing of the request: existence is checked before the password
    // (and so before any hashing), so even a weak one gets the 409.
    const weakAgain = await t.request({ method: 'POST', url: '/api/setup', payload: { ...input, adminPassword: 'aaaaaaaaaaaa' } });
    expect(weakAgain.statusCode).toBe(409);
    expect(errorOf(weakAgain).code).toBe('SETUP_ALREADY_DONE');
  });
});

describe('simultaneous first-run setups', async () => {
  const t = await createTestApp({}, { freshDatabase: true });

  it('create one administrator; every other request gets 409', async () => {
    const attempts = Array.from({ length: 6 }, (_, i) => ({
      centreName: 'Centrum',
      regionCode: 'CZ-42',
      adminName: `Admin ${i}`,
      adminEmail: `admin.${i}.${unique('setup')}@example.org`,
      adminPassword: 'first administrator passphrase',
    }));
    const answers = await Promise.all(attempts.map((payload) => t.request({ method: 'POST', url: '/api/setup', payload })));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.statusCode === 409)) expect(errorOf(refused).code).toBe('SETUP_ALREADY_DONE');
    const { rows } = await t.database.db.execute(sql`select id from users`);
    expect(rows).toHaveLength(1);
  });
});

describe('a weak INTEGRA_ADMIN_PASSWORD', () => {
  it('stops the start with a message naming the setting and the reason, and creates nobody', async () => {
    const database = await openDatabase({ pglite: await openPglite(undefined, new Blob([readFileSync(inject('templatePath'))])) });
    try {
      const start = startTestApp(database, { INTEGRA_ADMIN_EMAIL: 'head.admin@example.org', INTEGRA_ADMIN_PASSWORD: 'head.admin 2026' });
      await expect(start).rejects.toThrow(/^INTEGRA_ADMIN_PASSWORD is refused \(password_contains_email\)/);
      const { rows } = await database.db.execute(sql`select id from users`);
      expect(rows).toHaveLength(0);
    } finally {
      await database.close();
    }
  });
});

describe('first administrator from the environment', async () => {
  const env = { INTEGRA_ADMIN_EMAIL: 'Head.Admin@example.org', INTEGRA_ADMIN_PASSWORD: 'headless administrator 2026' };
  const t = await createTestApp(env, { freshDatabase: true });

  it('is created at start-up when no user exists', async () => {
    expect((await t.request({ method: 'GET', url: '/api/setup' })).json()).toEqual({ setupRequired: false });
    const { response, cookie } = await t.signIn('head.admin@example.org', env.INTEGRA_ADMIN_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect((await me(t, cookie)).json()).toMatchObject({ roles: expect.arrayContaining(['admin']) });
  });
});

describe('the last active administrator', async () => {
  // Counting administrators needs a database in which this file's are the only ones.
  const t = await createTestApp({}, { freshDatabase: true });

  it('can be neither deactivated nor demoted', async () => {
    const first = await t.signInAs(['admin']);
    const url = `/api/users/${first.userId}`;
    for (const payload of [{ active: false }, { roles: ['coordinator'] }]) {
      const refused = await t.request({ method: 'PATCH', url, cookie: first.cookie, payload });
      expect(refused.statusCode).toBe(409);
      expect(errorOf(refused).code).toBe('CONFLICT');
    }
    const unchanged = await t.request({ method: 'GET', url, cookie: first.cookie });
    expect(unchanged.json()).toMatchObject({ active: true, roles: ['admin'] });
    expect((await me(t, first.cookie)).statusCode).toBe(200);

    const second = await createUserThroughApi(t, { roles: ['admin'] }, first);
    const demoted = await t.request({ method: 'PATCH', url, cookie: first.cookie, payload: { roles: ['coordinator'] } });
    expect(demoted.statusCode).toBe(200);
    expect(demoted.json()).toMatchObject({ roles: ['coordinator'] });
    const { cookie } = await t.signIn(second.email);
    const lastOne = await t.request({ method: 'PATCH', url: `/api/users/${second.id}`, cookie, payload: { active: false } });
    expect(lastOne.statusCode).toBe(409);
  });
});
