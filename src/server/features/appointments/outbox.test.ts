import { once } from 'node:events';
import net from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutboxMessageResponse } from '../../../shared/index.js';
import { auditEventsThroughApi, createBranchThroughApi, createClientThroughApi, staffOf } from '../../testing/factories.js';
import { createTestApp, testPassword } from '../../testing/harness.js';
import { at, bookThroughApi, futureWorkday, nextWorkday } from './appointment-test-data.js';
import { createSenders, createSmtpSender, type OutboxSender, recordingSender } from './outbox-senders.js';
import { deliverDueMessages, queueReminders } from './outbox.service.js';

type ReceivedMail = { from: string; to: string[]; data: string };

/**
 * Just enough of an SMTP server for nodemailer: the one thing that would leave the machine. A
 * recipient containing "reject" is refused as a real server would, quoting the address.
 */
async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let mail: ReceivedMail = { from: '', to: [], data: '' };
    socket.write('220 localhost ESMTP test\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(mail);
            mail = { from: '', to: [], data: '' };
            socket.write('250 2.0.0 Queued\r\n');
          } else {
            mail.data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
          }
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === 'EHLO') socket.write('250-localhost\r\n250 8BITMIME\r\n');
        else if (command === 'HELO' || command === 'RSET' || command === 'NOOP') socket.write('250 OK\r\n');
        else if (command === 'MAIL') {
          mail.from = line.slice(10);
          socket.write('250 OK\r\n');
        } else if (command === 'RCPT') {
          if (line.includes('reject')) socket.write(`550 5.1.1 ${line.slice(8)}: Recipient address rejected\r\n`);
          else {
            mail.to.push(line.slice(8));
            socket.write('250 OK\r\n');
          }
        } else if (command === 'DATA') {
          inData = true;
          socket.write('354 End data with <CR><LF>.<CR><LF>\r\n');
        } else if (command === 'QUIT') {
          socket.end('221 Bye\r\n');
        } else socket.write('502 Not implemented\r\n');
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The Ukrainian names of months as a date is written ("26 березня"). */
const ukrainianMonths = [
  'січня',
  'лютого',
  'березня',
  'квітня',
  'травня',
  'червня',
  'липня',
  'серпня',
  'вересня',
  'жовтня',
  'листопада',
  'грудня',
];
const hour = 3_600_000;

describe('reminders and the outbox', async () => {
  // A database of its own: the tests send every due message, which must be only this file's.
  const t = await createTestApp({}, { freshDatabase: true });
  const setup = await t.request({
    method: 'POST',
    url: '/api/setup',
    payload: {
      centreName: 'Integration Centre Ústí',
      regionCode: 'CZ-42',
      adminName: 'Admin',
      adminEmail: 'outbox.admin@example.org',
      adminPassword: testPassword,
    },
  });
  expect(setup.statusCode, setup.body).toBe(201);
  const coordinator = await staffOf(t, 'coordinator');
  const branch = await createBranchThroughApi(t, { name: 'Branch Teplice', address: 'Masarykova 12, Teplice' });
  const counsellor = await t.signInAs(['social_counsellor']);
  const record = { email: recordingSender, sms: recordingSender };

  const outboxOf = async (query: Record<string, string>) => {
    const response = await t.request({ method: 'GET', url: '/api/outbox', query: { limit: '100', ...query }, cookie: coordinator.cookie });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: OutboxMessageResponse[]; total: number };
  };
  const messagesOf = async (appointmentId: string) => (await outboxOf({ appointmentId })).items;
  const setStatus = (id: string, status: string) =>
    t.request({ method: 'POST', url: `/api/appointments/${id}/status`, cookie: counsellor.cookie, payload: { status } });

  let day = futureWorkday();
  /** A new time slot of the counsellor for each booking, so that bookings never clash. */
  let slot = 0;
  const nextSlot = () => {
    const times = ['08:00', '09:00', '10:00', '11:00', '13:00', '14:00', '15:00'];
    if (slot === times.length) {
      slot = 0;
      day = nextWorkday(day);
    }
    return { date: day, time: times[slot++] as string };
  };
  const book = async (party: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const { date, time } = nextSlot();
    return bookThroughApi(t, { staffId: counsellor.userId, startsAt: at(date, time), durationMinutes: 45, ...party, ...extra });
  };

  it('queues an e-mail and an SMS in the client’s language, with the date, time and place, the day before', async () => {
    const client = await createClientThroughApi(t, { email: 'olena@example.org', phone: '+420 603 111 222', preferredLanguage: 'uk' });
    const appointment = await book({ clientId: client.id }, { branchId: branch.id, place: 'Room 2' });
    const messages = await messagesOf(appointment.id);
    expect(messages.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    const email = messages.find((m) => m.channel === 'email') as OutboxMessageResponse;
    const sms = messages.find((m) => m.channel === 'sms') as OutboxMessageResponse;
    const startsAt = new Date(appointment.startsAt);
    const date = appointment.startsAt.slice(0, 10);
    const written = `${Number(date.slice(8))} ${ukrainianMonths[Number(date.slice(5, 7)) - 1]}`;
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Prague', hour: '2-digit', minute: '2-digit' }).format(startsAt);
    expect(email).toMatchObject({
      recipient: 'olena@example.org',
      client: { id: client.id, clientNumber: client.clientNumber },
      appointmentId: appointment.id,
      purposeKey: `reminder:${appointment.id}:email`,
      status: 'pending',
      attempts: 0,
      sender: null,
      sentAt: null,
      sendAfter: new Date(startsAt.getTime() - 24 * hour).toISOString(),
    });
    expect(email.subject).toContain('Нагадування про зустріч');
    expect(email.subject).toContain(written);
    expect(email.subject).toContain(`о ${time}`);
    for (const part of [
      'Добрий день',
      written,
      `о ${time}`,
      'Room 2',
      'Branch Teplice',
      'Masarykova 12, Teplice',
      'Integration Centre Ústí',
      'Test social_counsellor',
    ]) {
      expect(email.body, part).toContain(part);
    }
    expect(email.body).not.toContain('Dobrý den');
    expect(sms).toMatchObject({
      recipient: '+420603111222',
      subject: null,
      purposeKey: `reminder:${appointment.id}:sms`,
      sendAfter: email.sendAfter,
    });
    for (const part of ['нагадуємо', written, `о ${time}`, 'Room 2', 'Integration Centre Ústí']) expect(sms.body, part).toContain(part);
  });

  it('writes to a contact, and to a client in a language without texts, in Czech; to nobody without an address', async () => {
    const contact = await book({ contactName: 'Tran Thi Mai', contactPhone: '+420 777 222 333' });
    const [toContact, ...more] = await messagesOf(contact.id);
    expect(more).toEqual([]);
    expect(toContact).toMatchObject({ channel: 'sms', recipient: '+420777222333', client: null });
    expect(toContact?.body).toContain('připomínáme Vaši schůzku');

    const vietnamese = await createClientThroughApi(t, { email: 'mai@example.org', preferredLanguage: 'vi' });
    const [czech] = await messagesOf((await book({ clientId: vietnamese.id })).id);
    expect(czech?.subject).toMatch(/^Připomínka schůzky /);

    const english = await createClientThroughApi(t, { email: 'john@example.org', preferredLanguage: 'en' });
    const [inEnglish] = await messagesOf((await book({ clientId: english.id })).id);
    expect(inEnglish?.subject).toMatch(/^Reminder: your appointment on .* at \d\d:\d\d$/);

    const unreachable = await createClientThroughApi(t);
    expect(await messagesOf((await book({ clientId: unreachable.id })).id)).toEqual([]);
  });

  it('sends at once what is booked less than a day ahead', async () => {
    const client = await createClientThroughApi(t, { email: 'soon@example.org' });
    const appointment = await book({ clientId: client.id });
    const twoHoursBefore = new Date(new Date(appointment.startsAt).getTime() - 2 * hour);
    await t.database.db.transaction((tx) => queueReminders(tx, appointment.id, twoHoursBefore));
    const [message] = await messagesOf(appointment.id);
    expect(message?.sendAfter).toBe(twoHoursBefore.toISOString());
  });

  it('rewrites the reminder when the appointment moves, withdraws it when cancelled, and queues it again when rebooked', async () => {
    const client = await createClientThroughApi(t, { email: 'move@example.org', phone: '+420 603 333 444', preferredLanguage: 'en' });
    const appointment = await book({ clientId: client.id });
    const later = nextSlot();
    const moved = await t.request({
      method: 'PATCH',
      url: `/api/appointments/${appointment.id}`,
      cookie: counsellor.cookie,
      payload: { startsAt: at(later.date, later.time), place: 'Room 7' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const rewritten = await messagesOf(appointment.id);
    expect(rewritten).toHaveLength(2);
    for (const message of rewritten) {
      expect(message.body).toContain(`at ${later.time}`);
      expect(message.body).toContain('Room 7');
      expect(message.sendAfter).toBe(new Date(Date.parse(at(later.date, later.time)) - 24 * hour).toISOString());
    }
    // The client's new e-mail address is used from the next change on.
    const noEmail = await t.request({
      method: 'PATCH',
      url: `/api/clients/${client.id}`,
      cookie: counsellor.cookie,
      payload: { email: null },
    });
    expect(noEmail.statusCode, noEmail.body).toBe(200);
    const changed = await t.request({
      method: 'PATCH',
      url: `/api/appointments/${appointment.id}`,
      cookie: counsellor.cookie,
      payload: { place: 'Room 8' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await messagesOf(appointment.id)).map((m) => m.channel)).toEqual(['sms']);

    expect((await setStatus(appointment.id, 'cancelled')).statusCode).toBe(200);
    expect(await messagesOf(appointment.id)).toEqual([]);
    expect((await setStatus(appointment.id, 'booked')).statusCode).toBe(200);
    expect((await messagesOf(appointment.id)).map((m) => m.channel)).toEqual(['sms']);
    // Not begun yet: it cannot be marked attended, and its reminder stays.
    expect((await setStatus(appointment.id, 'attended')).statusCode).toBe(409);
    expect((await messagesOf(appointment.id)).map((m) => m.channel)).toEqual(['sms']);
  });

  it('sends due messages with the recording sender, leaves later ones waiting, and keeps what was sent when plans change', async () => {
    const client = await createClientThroughApi(t, { email: 'due@example.org', phone: '+420 603 555 666' });
    const appointment = await book({ clientId: client.id });
    const notYetDue = await book({ contactName: 'Later', contactEmail: 'later@example.org' }, {});
    const laterDay = nextWorkday(nextWorkday(day));
    const muchLater = await bookThroughApi(t, {
      staffId: counsellor.userId,
      contactName: 'Much later',
      contactEmail: 'much.later@example.org',
      startsAt: at(laterDay, '09:00'),
      durationMinutes: 30,
    });
    const now = new Date(Date.parse(appointment.startsAt) - 23 * hour);
    const result = await deliverDueMessages(t.database.db, record, now);
    expect(result.sent).toBeGreaterThanOrEqual(2);
    expect(result.failed).toBe(0);
    for (const message of await messagesOf(appointment.id)) {
      expect(message).toMatchObject({ status: 'sent', sender: 'record', attempts: 1, lastError: null, sentAt: expect.any(String) });
    }
    expect((await messagesOf(muchLater.id))[0]).toMatchObject({ status: 'pending', attempts: 0 });
    expect(notYetDue.id).toBeDefined();

    // Moved after the reminder went out: the sent one stays as history, a new one is queued.
    const moved = nextSlot();
    await t.request({
      method: 'PATCH',
      url: `/api/appointments/${appointment.id}`,
      cookie: counsellor.cookie,
      payload: { startsAt: at(moved.date, moved.time) },
    });
    const history = await messagesOf(appointment.id);
    expect(history).toHaveLength(4);
    expect(history.filter((m) => m.status === 'sent').every((m) => m.purposeKey === null)).toBe(true);
    expect(
      history
        .filter((m) => m.status === 'pending')
        .map((m) => m.purposeKey)
        .sort(),
    ).toEqual([`reminder:${appointment.id}:email`, `reminder:${appointment.id}:sms`]);
    await setStatus(appointment.id, 'cancelled');
    expect((await messagesOf(appointment.id)).map((m) => m.status)).toEqual(['sent', 'sent']);
  });

  it('leaves a message being sent alone: a reschedule meanwhile queues a new one, a cancellation keeps what went out', async () => {
    const moving = await book({ clientId: (await createClientThroughApi(t, { email: 'moved.in.flight@example.org' })).id });
    const cancelled = await book({ clientId: (await createClientThroughApi(t, { email: 'cancelled.in.flight@example.org' })).id });
    const moved = nextSlot();
    // A sender slow enough for staff to change the appointment while it sends.
    const changingWhileSending: OutboxSender = {
      name: 'record',
      send: async (message) => {
        if (message.recipient === 'moved.in.flight@example.org') {
          const response = await t.request({
            method: 'PATCH',
            url: `/api/appointments/${moving.id}`,
            cookie: counsellor.cookie,
            payload: { startsAt: at(moved.date, moved.time) },
          });
          expect(response.statusCode, response.body).toBe(200);
        }
        if (message.recipient === 'cancelled.in.flight@example.org')
          expect((await setStatus(cancelled.id, 'cancelled')).statusCode).toBe(200);
      },
    };
    const now = new Date(Math.max(Date.parse(moving.startsAt), Date.parse(cancelled.startsAt)) - 23 * hour);
    await deliverDueMessages(t.database.db, { email: changingWhileSending, sms: recordingSender }, now);
    // What went out is recorded as sent (with the old time); the new time has a reminder of its own, not yet sent.
    expect((await messagesOf(moving.id)).map((m) => [m.status, m.purposeKey]).sort()).toEqual([
      ['pending', `reminder:${moving.id}:email`],
      ['sent', null],
    ]);
    expect((await messagesOf(cancelled.id)).map((m) => m.status)).toEqual(['sent']);
  });

  it('marks a failed message with an error code only, and retries it a few times, later each time', async () => {
    const client = await createClientThroughApi(t, { email: 'fails@example.org', phone: '+420 603 777 888' });
    const appointment = await book({ clientId: client.id });
    let calls = 0;
    const failing: OutboxSender = {
      name: 'smtp',
      send: async (message) => {
        calls++;
        throw Object.assign(new Error(`550 5.1.1 <${message.recipient}>: Recipient address rejected`), {
          code: 'EENVELOPE',
          responseCode: 550,
        });
      },
    };
    const senders = { email: failing, sms: recordingSender };
    const start = Date.parse(appointment.startsAt) - 23 * hour;
    const deliverAt = (minutes: number) => deliverDueMessages(t.database.db, senders, new Date(start + minutes * 60_000));
    const emailOf = async () => (await messagesOf(appointment.id)).find((m) => m.channel === 'email') as OutboxMessageResponse;

    await deliverAt(0);
    expect(await emailOf()).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'EENVELOPE 550',
      sender: 'smtp',
      sentAt: null,
      sendAfter: new Date(start + 5 * 60_000).toISOString(),
    });
    expect((await messagesOf(appointment.id)).find((m) => m.channel === 'sms')?.status).toBe('sent');
    const callsAfterFirst = calls;
    await deliverAt(1);
    expect((await emailOf()).attempts).toBe(1);
    await deliverAt(6);
    expect(await emailOf()).toMatchObject({ attempts: 2, sendAfter: new Date(start + 16 * 60_000).toISOString() });
    await deliverAt(20);
    expect(await emailOf()).toMatchObject({ status: 'failed', attempts: 3 });
    await deliverDueMessages(t.database.db, record, new Date(start + 24 * hour));
    expect(await emailOf()).toMatchObject({ status: 'failed', attempts: 3, lastError: 'EENVELOPE 550' });
    expect(calls - callsAfterFirst).toBeGreaterThanOrEqual(2);
    const { rows } = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from outbox where last_error like '%@%'`);
    expect(rows[0]?.n).toBe(0);
  });

  describe('over SMTP', async () => {
    const smtp = await startSmtpServer();
    afterAll(() => smtp.close());
    const smtpSenders = {
      email: createSmtpSender(`smtp://127.0.0.1:${smtp.port}`, 'Integra <no-reply@example.org>'),
      sms: recordingSender,
    };

    it('sends the reminder e-mail through the configured server', async () => {
      const client = await createClientThroughApi(t, { email: 'smtp.client@example.org', preferredLanguage: 'en' });
      const appointment = await book({ clientId: client.id }, { place: 'Room 5' });
      await deliverDueMessages(t.database.db, smtpSenders, new Date(Date.parse(appointment.startsAt) - 23 * hour));
      const mail = smtp.received.find((m) => m.to.some((to) => to.includes('smtp.client@example.org')));
      expect(mail?.from).toBe('<no-reply@example.org>');
      // Headers unfolded, quoted-printable soft line breaks joined.
      const data = (mail?.data ?? '').replace(/\n[ \t]+/g, ' ').replace(/=\n/g, '');
      expect(data).toMatch(/^Subject: Reminder: your appointment on .* at \d\d:\d\d$/m);
      expect(data).toContain('this is a reminder of your appointment');
      expect(data).toContain('Room 5');
      expect((await messagesOf(appointment.id))[0]).toMatchObject({ status: 'sent', sender: 'smtp' });
    });

    it('records a refused recipient as failed without the address', async () => {
      const client = await createClientThroughApi(t, { email: 'reject.me@example.org' });
      const appointment = await book({ clientId: client.id });
      await deliverDueMessages(t.database.db, smtpSenders, new Date(Date.parse(appointment.startsAt) - 23 * hour));
      const [message] = await messagesOf(appointment.id);
      expect(message).toMatchObject({ status: 'failed', attempts: 1, sender: 'smtp', lastError: 'EENVELOPE 550' });
    });
  });

  it('uses SMTP for e-mail only when a server is configured', () => {
    expect(createSenders({ smtpUrl: undefined, from: 'x@example.org' }).email.name).toBe('record');
    expect(createSenders({ smtpUrl: 'smtp://127.0.0.1:2525', from: 'x@example.org' }).email.name).toBe('smtp');
    expect(createSenders({ smtpUrl: 'smtp://127.0.0.1:2525', from: 'x@example.org' }).sms.name).toBe('record');
  });

  describe('the outbox view', () => {
    it('pages and filters the messages, newest first, and audits the read', async () => {
      const client = await createClientThroughApi(t, { email: 'view@example.org', phone: '+420 603 999 000' });
      await book({ clientId: client.id });
      const all = await outboxOf({ limit: '2' });
      expect(all.items).toHaveLength(2);
      expect(all.total).toBeGreaterThan(2);
      expect(Date.parse(all.items[0]?.createdAt ?? '')).toBeGreaterThanOrEqual(Date.parse(all.items[1]?.createdAt ?? ''));
      const second = await outboxOf({ limit: '2', offset: '2' });
      expect(second.items.map((m) => m.id)).not.toContain(all.items[0]?.id);
      const ofClient = await outboxOf({ clientId: client.id, channel: 'sms' });
      expect(ofClient.items.map((m) => [m.channel, m.recipient])).toEqual([['sms', '+420603999000']]);
      expect((await outboxOf({ status: 'failed' })).items.every((m) => m.status === 'failed')).toBe(true);
      const [read] = await auditEventsThroughApi(t, { clientId: client.id, action: 'outbox.read' });
      expect(read).toMatchObject({
        actor: { id: coordinator.userId },
        details: { filters: { clientId: client.id, channel: 'sms' }, count: 1 },
      });
    });

    it('is shown to coordinators only, and refuses bad filters', async () => {
      for (const role of ['receptionist', 'social_counsellor', 'dpo', 'admin'] as const) {
        expect((await t.request({ method: 'GET', url: '/api/outbox', cookie: (await staffOf(t, role)).cookie })).statusCode, role).toBe(
          403,
        );
      }
      expect((await t.request({ method: 'GET', url: '/api/outbox', cookie: (await staffOf(t, 'coordinator')).cookie })).statusCode).toBe(
        200,
      );
      for (const [query, field] of [
        [{ status: 'queued' }, 'querystring.status'],
        [{ channel: 'fax' }, 'querystring.channel'],
        [{ clientId: 'x' }, 'querystring.clientId'],
        [{ limit: '101' }, 'querystring.limit'],
        [{ recipient: 'x' }, 'querystring'],
      ] as const) {
        const response = await t.request({ method: 'GET', url: '/api/outbox', query, cookie: coordinator.cookie });
        expect(response.statusCode, JSON.stringify(query)).toBe(400);
        expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
      }
    });
  });
});
