import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { toCentreTime } from '../../../shared/index.js';
import { buildApp } from '../../app.js';
import { auditEventsThroughApi, createBranchThroughApi, createClientThroughApi, staffOf, uniqueWord } from '../../testing/factories.js';
import { createTestApp, testOrigin, testPassword } from '../../testing/harness.js';
import { at, bookThroughApi, futureWorkday } from './appointment-test-data.js';

describe('the personal calendar feed', async () => {
  const t = await createTestApp();
  const receptionist = await staffOf(t, 'receptionist');
  const branch = await createBranchThroughApi(t, { address: 'Velká Hradební 1, Ústí nad Labem' });

  const createFeed = async (cookie: string) => {
    const response = await t.request({ method: 'POST', url: '/api/me/calendar-feed', cookie });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { url: string; createdAt: string };
  };
  const readFeed = (url: string) => t.request({ method: 'GET', url: new URL(url).pathname });
  const tokenOf = (url: string) => new URL(url).pathname.split('/').pop() as string;

  it('serves a counsellor’s appointments as iCalendar that ical.js reads, with no client in it', async () => {
    const counsellor = await t.signInAs(['social_counsellor']);
    const colleague = await t.signInAs(['legal_counsellor']);
    const client = await createClientThroughApi(t, { phone: '+420 603 123 456', email: 'feed.client@example.org' });
    const contactName = uniqueWord('Contact');
    const day = futureWorkday();
    const withClient = await bookThroughApi(t, {
      staffId: counsellor.userId,
      clientId: client.id,
      startsAt: at(day, '09:00'),
      durationMinutes: 45,
      branchId: branch.id,
      place: `At home, ${client.familyName}, Masarykova 12`,
      purpose: `Pension of ${client.givenName}`,
      interpreterLanguage: 'uk',
    });
    const withContact = await bookThroughApi(t, {
      staffId: counsellor.userId,
      contactName,
      contactPhone: '+420 777 987 654',
      contactEmail: 'feed.contact@example.org',
      startsAt: at(day, '13:00'),
      durationMinutes: 30,
    });
    const cancelled = await bookThroughApi(t, {
      staffId: counsellor.userId,
      contactName,
      contactPhone: '+420 777 987 654',
      startsAt: at(day, '15:00'),
      durationMinutes: 30,
    });
    await t.request({
      method: 'POST',
      url: `/api/appointments/${cancelled.id}/status`,
      cookie: receptionist.cookie,
      payload: { status: 'cancelled' },
    });
    const ofColleague = await bookThroughApi(t, {
      staffId: colleague.userId,
      contactName,
      contactPhone: '+420 777 987 654',
      startsAt: at(day, '09:00'),
      durationMinutes: 30,
    });

    const feed = await createFeed(counsellor.cookie);
    expect(feed.url).toMatch(new RegExp(`^${testOrigin}/api/calendar-feeds/[A-Za-z0-9_-]{43}$`));
    const response = await readFeed(feed.url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, no-store');

    const calendar = new ICAL.Component(ICAL.parse(response.body));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Prague');
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events.map((event) => event.uid)).toEqual([`${withClient.id}@integra`, `${withContact.id}@integra`]);
    const [first, second] = events as [ICAL.Event, ICAL.Event];
    expect(first.startDate.toJSDate().toISOString()).toBe(withClient.startsAt);
    expect(first.endDate.toJSDate().toISOString()).toBe(withClient.endsAt);
    expect(first.startDate.zone?.tzid).toBe('UTC');
    expect(toCentreTime(first.startDate.toJSDate())).toBe('09:00');
    expect(second.startDate.toJSDate().toISOString()).toBe(withContact.startsAt);
    // Whether an interpreter is booked, not the language (it would point to the client).
    expect(first.summary).toBe('Schůzka s klientem · tlumočení');
    expect(second.summary).toBe('Schůzka s klientem');
    expect(first.location).toBe(`${branch.name}, Velká Hradební 1, Úst\u00ed nad Labem`);
    expect(first.description).toContain(`${testOrigin}/appointments/${withClient.id}`);
    expect(first.component.getFirstPropertyValue('status')).toBe('CONFIRMED');

    const text = response.body.replace(/\r\n[ \t]/g, '');
    for (const secret of [
      client.givenName,
      client.familyName,
      client.clientNumber,
      '603 123 456',
      'feed.client@example.org',
      contactName,
      '777 987 654',
      'feed.contact@example.org',
      'Masarykova',
      'Pension',
      'ukrajin',
      ofColleague.id,
      cancelled.id,
    ]) {
      expect(text, secret).not.toContain(secret);
    }
  });

  it('keeps only the token’s hash, shows the address once, and audits its making', async () => {
    const counsellor = await t.signInAs(['social_counsellor']);
    const none = await t.request({ method: 'GET', url: '/api/me/calendar-feed', cookie: counsellor.cookie });
    expect(none.json()).toEqual({ active: false, createdAt: null });
    const feed = await createFeed(counsellor.cookie);
    const token = tokenOf(feed.url);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const { rows } = await t.database.db.execute<{ token_hash: string }>(
      sql`select token_hash from calendar_feeds where user_id = ${counsellor.userId} and revoked_at is null`,
    );
    expect(rows).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);
    const status = await t.request({ method: 'GET', url: '/api/me/calendar-feed', cookie: counsellor.cookie });
    expect(status.json()).toEqual({ active: true, createdAt: feed.createdAt });
    expect(status.body).not.toContain(token);
    const [created] = await auditEventsThroughApi(t, { actorId: counsellor.userId, action: 'calendar_feed.created' });
    expect(created).toMatchObject({ entityType: 'calendar_feed', clientId: null, details: { revoked: 0 } });
    expect(JSON.stringify(created)).not.toContain(token);
  });

  it('ends the old address when a new one is made, and every address when revoked', async () => {
    const counsellor = await t.signInAs(['legal_counsellor']);
    const old = await createFeed(counsellor.cookie);
    const current = await createFeed(counsellor.cookie);
    expect(tokenOf(current.url)).not.toBe(tokenOf(old.url));
    const gone = await readFeed(old.url);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String), details: {} } });
    expect((await readFeed(current.url)).statusCode).toBe(200);

    const revoked = await t.request({ method: 'DELETE', url: '/api/me/calendar-feed', cookie: counsellor.cookie });
    expect(revoked.json()).toEqual({ active: false, createdAt: null });
    expect((await readFeed(current.url)).statusCode).toBe(404);
    await t.request({ method: 'DELETE', url: '/api/me/calendar-feed', cookie: counsellor.cookie });
    expect(await auditEventsThroughApi(t, { actorId: counsellor.userId, action: 'calendar_feed.revoked' })).toHaveLength(1);
    const [second] = await auditEventsThroughApi(t, { actorId: counsellor.userId, action: 'calendar_feed.created' });
    expect(second?.details).toEqual({ revoked: 1 });
  });

  it('answers 404 for an unknown token or a deactivated counsellor, and 400 for what is not a token', async () => {
    const unknown = await t.request({ method: 'GET', url: `/api/calendar-feeds/${'A'.repeat(43)}` });
    expect(unknown.statusCode).toBe(404);
    for (const bad of ['short', 'A'.repeat(44), `${'A'.repeat(42)}!`]) {
      const response = await t.request({ method: 'GET', url: `/api/calendar-feeds/${encodeURIComponent(bad)}` });
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().error.details[0].field).toBe('params.token');
    }
    const counsellor = await t.signInAs(['social_counsellor']);
    const feed = await createFeed(counsellor.cookie);
    const deactivated = await t.request({
      method: 'PATCH',
      url: `/api/users/${counsellor.userId}`,
      cookie: (await staffOf(t, 'admin')).cookie,
      payload: { active: false },
    });
    expect(deactivated.statusCode).toBe(200);
    expect((await readFeed(feed.url)).statusCode).toBe(404);
  });

  it('ends the feed for good when the counsellor is deactivated: reactivation brings no old address back', async () => {
    const admin = (await staffOf(t, 'admin')).cookie;
    const counsellor = await t.signInAs(['social_counsellor']);
    const feed = await createFeed(counsellor.cookie);
    expect((await readFeed(feed.url)).statusCode).toBe(200);
    const setActive = (active: boolean) =>
      t.request({ method: 'PATCH', url: `/api/users/${counsellor.userId}`, cookie: admin, payload: { active } });
    expect((await setActive(false)).statusCode).toBe(200);
    expect((await readFeed(feed.url)).statusCode).toBe(404);
    expect((await setActive(true)).statusCode).toBe(200);
    expect((await readFeed(feed.url)).statusCode).toBe(404);
    // Signed in again, the counsellor has no feed in force and makes a new address.
    const again = await t.signIn((await t.request({ method: 'GET', url: `/api/users/${counsellor.userId}`, cookie: admin })).json().email);
    const status = await t.request({ method: 'GET', url: '/api/me/calendar-feed', cookie: again.cookie });
    expect(status.json()).toEqual({ active: false, createdAt: null });
    const fresh = await createFeed(again.cookie);
    expect((await readFeed(fresh.url)).statusCode).toBe(200);
  });

  it('ends the feed when the counsellor changes their password, and the audit says so', async () => {
    const counsellor = await t.signInAs(['social_counsellor']);
    const feed = await createFeed(counsellor.cookie);
    const changed = await t.request({
      method: 'POST',
      url: '/api/me/password',
      cookie: counsellor.cookie,
      payload: { currentPassword: testPassword, newPassword: 'seven green frogs on a log' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await readFeed(feed.url)).statusCode).toBe(404);
    const status = await t.request({ method: 'GET', url: '/api/me/calendar-feed', cookie: counsellor.cookie });
    expect(status.json()).toEqual({ active: false, createdAt: null });
    const [entry] = await auditEventsThroughApi(t, { actorId: counsellor.userId, action: 'auth.password_changed' });
    expect(entry?.details).toEqual({ calendarFeedsRevoked: 1 });
  });

  it('ends the feed when an administrator sets a new password for the counsellor', async () => {
    const admin = await staffOf(t, 'admin');
    const counsellor = await t.signInAs(['legal_counsellor']);
    const feed = await createFeed(counsellor.cookie);
    const reset = await t.request({
      method: 'POST',
      url: `/api/users/${counsellor.userId}/password`,
      cookie: admin.cookie,
      payload: { newPassword: 'handed over in an envelope' },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await readFeed(feed.url)).statusCode).toBe(404);
    const [entry] = (await auditEventsThroughApi(t, { actorId: admin.userId, action: 'user.password_reset' })).filter(
      (e) => e.entityId === counsellor.userId,
    );
    expect(entry?.details).toEqual({ calendarFeedsRevoked: 1 });
  });

  it('lets staff who read appointments make a feed, and nobody signed out', async () => {
    expect(
      (await t.request({ method: 'POST', url: '/api/me/calendar-feed', cookie: (await staffOf(t, 'lecturer')).cookie })).statusCode,
    ).toBe(403);
    expect((await t.request({ method: 'POST', url: '/api/me/calendar-feed' })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/me/calendar-feed' })).statusCode).toBe(401);
  });

  it('never writes the token to the log', async () => {
    const counsellor = await t.signInAs(['social_counsellor']);
    const feed = await createFeed(counsellor.cookie);
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await buildApp({ ...t.app.deps, config: { ...t.config, logLevel: 'info' } }, { logStream, webRoot: null });
    try {
      expect((await logged.inject({ method: 'GET', url: new URL(feed.url).pathname })).statusCode).toBe(200);
      expect((await logged.inject({ method: 'GET', url: `/api/calendar-feeds/${'B'.repeat(43)}` })).statusCode).toBe(404);
    } finally {
      await logged.close();
    }
    const log = lines.join('');
    expect(log).toContain('/api/calendar-feeds/[token]');
    expect(log).not.toContain(tokenOf(feed.url));
    expect(log).not.toContain('B'.repeat(43));
  });
});
