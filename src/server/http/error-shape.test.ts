import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createTestApp, testPassword } from '../testing/harness.js';
import { jsonDepth, maxJsonDepth } from './json-body.js';

/** The one error shape, `details` included, and nothing else. */
function expectErrorShape(response: LightMyRequestResponse, status: number, code: string): void {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json() as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'details', 'message']);
  expect(body.error).toMatchObject({ code, message: expect.any(String) });
  expect(body.error.details).not.toBeNull();
  expect(typeof body.error.details).toBe('object');
}

describe('the depth of a JSON text', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonDepth('{}')).toBe(1);
    expect(jsonDepth('[[1],{"a":[2]}]')).toBe(3);
    expect(jsonDepth('{"note":"[[[[{{{{"}')).toBe(1);
    expect(jsonDepth('{"note":"a \\" [[[ \\\\"}')).toBe(1);
    expect(jsonDepth('"text"')).toBe(0);
    expect(jsonDepth('['.repeat(1000), 10)).toBe(11);
  });
});

describe('deeply nested JSON bodies', async () => {
  const t = await createTestApp();
  const { cookie } = await t.signInAs(['receptionist']);
  const send = (body: string, url = '/api/clients') =>
    t.request({ method: 'POST', url, cookie, headers: { 'content-type': 'application/json' }, body });

  it('refuses 10,000 levels of arrays or objects with 400 INVALID_JSON, closed or not', async () => {
    for (const body of [
      '['.repeat(10_000),
      `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
      `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
      `{"givenName":"Ivan","familyName":"Horbunov","sex":"male","note":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
    ]) {
      const response = await send(body);
      expectErrorShape(response, 400, 'INVALID_JSON');
      if (body.endsWith(']') || body.endsWith('}')) expect(response.json().error.details).toEqual({ maxDepth: maxJsonDepth });
    }
  });

  it('also refuses them on public routes, before any session is looked at', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { 'content-type': 'application/json' },
      body: `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    });
    expectErrorShape(response, 400, 'INVALID_JSON');
  });

  it('lets bodies as deep as the limit through to validation, and brackets in text are only text', async () => {
    const atLimit = await send(`{"note":${'['.repeat(maxJsonDepth - 1)}${']'.repeat(maxJsonDepth - 1)}}`);
    expectErrorShape(atLimit, 400, 'VALIDATION_FAILED');
    const brackets = '['.repeat(200);
    const created = await send(
      JSON.stringify({ givenName: 'Ivan', familyName: 'Bracketov', sex: 'male', note: brackets, confirmDuplicate: true }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().note).toBe(brackets);
  });
});

describe('details on every status', async () => {
  const t = await createTestApp();
  const { cookie } = await t.signInAs(['lecturer']);

  it('401 signed out, 403 not allowed, 404 unknown path and record, 405-less unknown method', async () => {
    expectErrorShape(await t.request({ method: 'GET', url: '/api/clients' }), 401, 'UNAUTHENTICATED');
    expectErrorShape(await t.request({ method: 'GET', url: '/api/clients', cookie }), 403, 'FORBIDDEN');
    expectErrorShape(await t.request({ method: 'GET', url: '/api/no-such-thing', cookie }), 404, 'NOT_FOUND');
    expectErrorShape(await t.request({ method: 'DELETE', url: '/api/me', cookie }), 404, 'NOT_FOUND');
    expectErrorShape(
      await t.request({
        method: 'GET',
        url: '/api/users/00000000-0000-4000-8000-000000000000',
        cookie: (await t.signInAs(['admin'])).cookie,
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('413 too large, 415 unknown media type, 400 malformed JSON', async () => {
    const post = (headers: Record<string, string>, body: string) => t.request({ method: 'PATCH', url: '/api/me', cookie, headers, body });
    expectErrorShape(
      await post({ 'content-type': 'application/json' }, JSON.stringify({ locale: 'x'.repeat(300 * 1024) })),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expectErrorShape(await post({ 'content-type': 'text/csv' }, 'a,b'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectErrorShape(await post({ 'content-type': 'application/json' }, '{"locale":'), 400, 'INVALID_JSON');
  });

  it('401 from the sign-in (better-auth answers it; its 429 is checked in auth.test.ts)', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: 'nobody@example.org', password: testPassword },
    });
    expectErrorShape(response, 401, 'INVALID_CREDENTIALS');
  });
});
