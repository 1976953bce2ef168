import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addDays, type AppointmentResponse, toCentreDate } from '../../../shared/index.js';
import {
  auditEventsThroughApi,
  createBranchThroughApi,
  createClientThroughApi,
  createUserThroughApi,
  staffOf,
  uniqueWord,
} from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';
import { at, backdateStatusChange, bookThroughApi, futureWorkday, insertPastAppointment, nextWorkday } from './appointment-test-data.js';
import { recordConsultationOfAppointment } from './appointments.service.js';
import { findPublicHoliday, findPublicHolidays } from './holidays.service.js';

/** Easter Monday, a public holiday that moves: the first one still ahead is used. */
const easterMondays = ['2027-03-29', '2028-04-17', '2029-04-02', '2030-04-22', '2031-04-14', '2032-03-29', '2033-04-18'];

describe('appointments', async () => {
  const t = await createTestApp();
  const receptionist = await staffOf(t, 'receptionist');
  const branch = await createBranchThroughApi(t);
  /** A counsellor of one's own, so that no other test's bookings can clash. */
  const newCounsellor = async (role: 'social_counsellor' | 'legal_counsellor' = 'social_counsellor') => t.signInAs([role]);

  const post = (payload: object, cookie = receptionist.cookie) => t.request({ method: 'POST', url: '/api/appointments', cookie, payload });
  const get = (id: string, cookie = receptionist.cookie) => t.request({ method: 'GET', url: `/api/appointments/${id}`, cookie });
  const patch = (id: string, payload: object) =>
    t.request({ method: 'PATCH', url: `/api/appointments/${id}`, cookie: receptionist.cookie, payload });
  const setStatus = (id: string, payload: object, cookie = receptionist.cookie) =>
    t.request({ method: 'POST', url: `/api/appointments/${id}/status`, cookie, payload });
  const calendar = (query: Record<string, string>, cookie = receptionist.cookie) =>
    t.request({ method: 'GET', url: '/api/appointments', query, cookie });

  /** Appointments of a counsellor and appointment audit entries of an actor: what a refused request must not have written. */
  async function written(staffId: string, actorId = receptionist.userId) {
    const { rows } = await t.database.db.execute<{ appointments: number; audits: number }>(sql`select
      (select count(*)::int from appointments where staff_id = ${staffId}) as appointments,
      (select count(*)::int from audit_events where actor_id = ${actorId} and action like 'appointment.%' and action <> 'appointment.read') as audits`);
    return rows[0];
  }

  describe('booking', () => {
    it('books a client with a counsellor, and the answer names the client, counsellor and branch', async () => {
      const counsellor = await newCounsellor();
      const client = await createClientThroughApi(t);
      const day = futureWorkday();
      const response = await post({
        staffId: counsellor.userId,
        clientId: client.id,
        startsAt: at(day, '09:00'),
        durationMinutes: 45,
        branchId: branch.id,
        place: 'Room 2',
        purpose: 'Residence permit renewal',
        interpreterLanguage: 'uk',
      });
      expect(response.statusCode, response.body).toBe(201);
      const appointment = response.json() as AppointmentResponse;
      expect(appointment).toMatchObject({
        staff: { id: counsellor.userId, name: expect.any(String) },
        branch: { id: branch.id, name: branch.name },
        client: { id: client.id, clientNumber: client.clientNumber, givenName: client.givenName, familyName: client.familyName },
        contactName: null,
        startsAt: at(day, '09:00'),
        endsAt: at(day, '09:45'),
        place: 'Room 2',
        purpose: 'Residence permit renewal',
        interpreterLanguage: 'uk',
        status: 'booked',
        serviceId: null,
      });
      const [created] = await auditEventsThroughApi(t, { clientId: client.id, action: 'appointment.created' });
      expect(created).toMatchObject({ actor: { id: receptionist.userId }, entityType: 'appointment', entityId: appointment.id });
      const changes = Object.fromEntries((created?.changes ?? []).map((c) => [c.field, c]));
      expect(changes.startsAt).toEqual({ field: 'startsAt', before: null, after: expect.any(String) });
      expect(changes.staffId).toMatchObject({ after: counsellor.userId });
      // Free text is named, never copied into the trail.
      expect(changes.purpose).toEqual({ field: 'purpose' });
      expect(changes.place).toEqual({ field: 'place' });
      expect(JSON.stringify(created)).not.toContain('Residence permit renewal');
    });

    it('books a new contact by name and phone, and takes the branch of the counsellor when none is given', async () => {
      const branchOfCounsellor = await createBranchThroughApi(t);
      const counsellor = await createUserThroughApi(t, { roles: ['legal_counsellor'], branchId: branchOfCounsellor.id });
      const appointment = await bookThroughApi(t, {
        staffId: counsellor.id,
        contactName: 'Nguyen Van An',
        contactPhone: '+420 777 000 111',
        startsAt: at(futureWorkday(), '10:00'),
        endsAt: at(futureWorkday(), '11:00'),
      });
      expect(appointment).toMatchObject({ client: null, contactName: 'Nguyen Van An', contactPhone: '+420777000111' });
      expect(appointment.branch).toEqual({ id: branchOfCounsellor.id, name: branchOfCounsellor.name });
      const [created] = await auditEventsThroughApi(t, { action: 'appointment.created', actorId: receptionist.userId });
      expect(created?.entityId).toBe(appointment.id);
      expect(created?.clientId).toBeNull();
      expect(JSON.stringify(created)).not.toContain('Nguyen');
    });

    it('refuses an incomplete party, a missing end, an end before the start, and writes nothing', async () => {
      const counsellor = await newCounsellor();
      const client = await createClientThroughApi(t);
      const day = futureWorkday();
      const base = { staffId: counsellor.userId, startsAt: at(day, '09:00'), durationMinutes: 30 };
      const cases: [object, string][] = [
        [base, 'body.clientId'],
        [{ ...base, contactName: 'Ali Rezaei' }, 'body.contactPhone'],
        [{ ...base, clientId: client.id, contactName: 'Ali Rezaei', contactPhone: '777000111' }, 'body.contactName'],
        [{ ...base, clientId: client.id, contactEmail: 'ali@example.org' }, 'body.contactName'],
        [{ staffId: counsellor.userId, clientId: client.id, startsAt: at(day, '09:00') }, 'body.durationMinutes'],
        [{ ...base, clientId: client.id, endsAt: at(day, '10:00') }, 'body.durationMinutes'],
        [{ staffId: counsellor.userId, clientId: client.id, startsAt: at(day, '09:00'), endsAt: at(day, '08:30') }, 'body.endsAt'],
        [{ staffId: counsellor.userId, clientId: client.id, startsAt: at(day, '09:00'), endsAt: at(day, '09:00') }, 'body.endsAt'],
        [{ ...base, clientId: client.id, durationMinutes: 601 }, 'body.durationMinutes'],
        [{ ...base, clientId: client.id, durationMinutes: 4 }, 'body.durationMinutes'],
        [{ ...base, clientId: client.id, durationMinutes: 30.5 }, 'body.durationMinutes'],
        [{ ...base, clientId: client.id, startsAt: `${day}T09:00:00` }, 'body.startsAt'],
        [{ ...base, clientId: client.id, startsAt: '2027-02-30T09:00:00+01:00' }, 'body.startsAt'],
        [{ ...base, clientId: client.id, startsAt: '24.3.2027 9:00' }, 'body.startsAt'],
        [{ ...base, clientId: 'client-42' }, 'body.clientId'],
        [{ ...base, clientId: client.id, branchId: 'main' }, 'body.branchId'],
        [{ ...base, clientId: client.id, interpreterLanguage: 'ukr' }, 'body.interpreterLanguage'],
        [{ ...base, contactName: 'Ali Rezaei', contactEmail: 'not-an-address' }, 'body.contactEmail'],
        [{ ...base, contactName: 'Ali Rezaei', contactPhone: 'call me' }, 'body.contactPhone'],
        [{ ...base, clientId: client.id, purpose: 'p'.repeat(1001) }, 'body.purpose'],
        [{ ...base, clientId: client.id, status: 'attended' }, 'body'],
        // More than two years ahead, or before 2000, is a typo, not a booking.
        [{ ...base, clientId: client.id, startsAt: at(futureWorkday(2 * 366 + 7), '09:00') }, 'body.startsAt'],
        [{ ...base, clientId: client.id, startsAt: '9999-12-31T09:00:00+01:00' }, 'body.startsAt'],
        [{ ...base, clientId: client.id, startsAt: '1999-12-31T09:00:00+01:00' }, 'body.startsAt'],
        [{ ...base, clientId: client.id, startsAt: '0000-01-01T09:00:00Z' }, 'body.startsAt'],
        [{ ...base, contactName: '\u200B\u202E', contactPhone: '777000111' }, 'body.contactName'],
      ];
      const before = await written(counsellor.userId);
      for (const [payload, field] of cases) {
        const response = await post(payload);
        expect(response.statusCode, `${JSON.stringify(payload)}: ${response.body}`).toBe(400);
        const { error } = response.json();
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      const unknown = await post({ ...base, clientId: client.id, room: 'A', colour: 'red' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.details.flatMap((d: { keys?: string[] }) => d.keys ?? [])).toEqual(['room', 'colour']);
      expect(await written(counsellor.userId)).toEqual(before);
    });

    it('books only counsellors, known clients and branches', async () => {
      const counsellor = await newCounsellor();
      const client = await createClientThroughApi(t);
      const slot = { startsAt: at(futureWorkday(), '09:00'), durationMinutes: 30 };
      const inactive = await createUserThroughApi(t, { roles: ['social_counsellor'] });
      await t.request({
        method: 'PATCH',
        url: `/api/users/${inactive.id}`,
        cookie: (await staffOf(t, 'admin')).cookie,
        payload: { active: false },
      });
      for (const staffId of [receptionist.userId, (await staffOf(t, 'coordinator')).userId, inactive.id, 'nobody']) {
        const response = await post({ ...slot, staffId, clientId: client.id });
        expect(response.statusCode, staffId).toBe(400);
        expect(response.json().error.details).toEqual([expect.objectContaining({ field: 'body.staffId', code: 'not_a_counsellor' })]);
      }
      const unknownClient = await post({ ...slot, staffId: counsellor.userId, clientId: randomUUID() });
      expect(unknownClient.json().error.details).toEqual([expect.objectContaining({ field: 'body.clientId', code: 'unknown_client' })]);
      const unknownBranch = await post({ ...slot, staffId: counsellor.userId, clientId: client.id, branchId: randomUUID() });
      expect(unknownBranch.json().error.details).toEqual([expect.objectContaining({ field: 'body.branchId' })]);
      expect((await written(counsellor.userId))?.appointments).toBe(0);
    });

    it('refuses to book an archived client (409)', async () => {
      const counsellor = await newCounsellor();
      const client = await createClientThroughApi(t);
      const archived = await t.request({
        method: 'POST',
        url: `/api/clients/${client.id}/archive`,
        cookie: counsellor.cookie,
        payload: { reason: 'Moved away' },
      });
      expect(archived.statusCode).toBe(200);
      const response = await post({
        staffId: counsellor.userId,
        clientId: client.id,
        startsAt: at(futureWorkday(), '09:00'),
        durationMinutes: 30,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('CONFLICT');
    });
  });

  describe('no double booking', () => {
    it('refuses an overlapping appointment of the same counsellor, naming the one in the way', async () => {
      const counsellor = await newCounsellor();
      const day = futureWorkday();
      const first = await bookThroughApi(t, {
        staffId: counsellor.userId,
        contactName: 'A',
        contactPhone: '777000111',
        startsAt: at(day, '10:00'),
        durationMinutes: 60,
      });
      for (const [start, minutes] of [
        ['10:00', 60],
        ['09:30', 45],
        ['10:59', 30],
        ['10:15', 15],
        ['09:00', 180],
      ] as const) {
        const response = await post({
          staffId: counsellor.userId,
          contactName: 'B',
          contactPhone: '777000222',
          startsAt: at(day, start),
          durationMinutes: minutes,
        });
        expect(response.statusCode, `${start} +${minutes}`).toBe(409);
        expect(response.json().error).toMatchObject({
          code: 'APPOINTMENT_CONFLICT',
          details: { appointmentId: first.id, startsAt: at(day, '10:00'), endsAt: at(day, '11:00') },
        });
      }
      expect((await written(counsellor.userId))?.appointments).toBe(1);
    });

    it('allows back-to-back appointments, another counsellor at the same time, and the time of a cancelled one', async () => {
      const counsellor = await newCounsellor();
      const other = await newCounsellor('legal_counsellor');
      const day = futureWorkday();
      const book = (staffId: string, start: string) =>
        bookThroughApi(t, { staffId, contactName: 'C', contactEmail: 'c@example.org', startsAt: at(day, start), durationMinutes: 60 });
      const first = await book(counsellor.userId, '10:00');
      await book(counsellor.userId, '11:00');
      await book(counsellor.userId, '09:00');
      await book(other.userId, '10:00');
      expect((await setStatus(first.id, { status: 'cancelled' })).statusCode).toBe(200);
      await book(counsellor.userId, '10:00');
    });

    it('lets only one of two simultaneous bookings of the same slot through', async () => {
      const counsellor = await newCounsellor();
      const payload = {
        staffId: counsellor.userId,
        contactName: 'D',
        contactPhone: '777000333',
        startsAt: at(futureWorkday(), '13:00'),
        durationMinutes: 30,
      };
      const [one, two] = await Promise.all([post(payload), post(payload)]);
      expect([one?.statusCode, two?.statusCode].sort()).toEqual([201, 409]);
      expect([one, two].find((r) => r?.statusCode === 409)?.json().error.code).toBe('APPOINTMENT_CONFLICT');
      expect((await written(counsellor.userId))?.appointments).toBe(1);
    });
  });

  describe('working hours, holidays and the past', () => {
    const nextYear = Number(toCentreDate(new Date()).slice(0, 4)) + 1;
    const easterMonday = easterMondays.find((date) => date > toCentreDate(new Date())) as string;

    it('knows the Czech public holidays', () => {
      for (const date of ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01', '2027-03-29', '2026-05-08', '2026-11-17']) {
        expect(findPublicHoliday(date), date).not.toBeNull();
      }
      // Working days, and observances that are not days off (Maundy Thursday, Mother's Day).
      for (const date of ['2026-12-23', '2026-12-28', '2027-03-25', '2026-05-10', '2027-03-30'])
        expect(findPublicHoliday(date), date).toBeNull();
      expect(findPublicHolidays('2026-12-20', '2027-01-02', 'en').map((h) => h.date)).toEqual([
        '2026-12-24',
        '2026-12-25',
        '2026-12-26',
        '2027-01-01',
      ]);
    });

    it('refuses public holidays, times outside the working hours and the past, saying why', async () => {
      const counsellor = await newCounsellor();
      const book = (date: string, time: string, minutes = 60) =>
        post({
          staffId: counsellor.userId,
          contactName: 'E',
          contactPhone: '777000444',
          startsAt: at(date, time),
          durationMinutes: minutes,
        });
      const expectRefusal = async (date: string, time: string, reason: string, minutes = 60) => {
        const response = await book(date, time, minutes);
        expect(response.statusCode, `${date} ${time}: ${response.body}`).toBe(409);
        expect(response.json().error).toMatchObject({ code: 'NOT_BOOKABLE', details: { reason } });
        return response.json().error;
      };
      for (const date of [`${nextYear}-12-24`, `${nextYear}-12-25`, `${nextYear}-12-26`, `${nextYear + 1}-01-01`, easterMonday]) {
        const error = await expectRefusal(date, '10:00', 'holiday');
        expect(error.details).toMatchObject({ date, holiday: expect.any(String) });
      }
      const day = futureWorkday();
      await expectRefusal(day, '07:00', 'outside_hours');
      await expectRefusal(day, '16:00', 'outside_hours');
      await expectRefusal(day, '17:00', 'outside_hours');
      let saturday = day;
      while (new Date(`${saturday}T12:00:00Z`).getUTCDay() !== 6) saturday = addDays(saturday, 1);
      await expectRefusal(saturday, '10:00', 'outside_hours');
      await expectRefusal(addDays(toCentreDate(new Date()), -1), '10:00', 'past');
      expect((await written(counsellor.userId))?.appointments).toBe(0);
      // The edges of the default hours are bookable.
      expect((await book(day, '08:00', 30)).statusCode).toBe(201);
      expect((await book(day, '16:00', 30)).statusCode).toBe(201);
    });
  });

  describe('the calendar', () => {
    it('lists a counsellor’s days in order, with client, contact, counsellor and branch', async () => {
      const counsellor = await newCounsellor();
      const client = await createClientThroughApi(t);
      const day = futureWorkday();
      const nextDay = nextWorkday(day);
      const late = await bookThroughApi(t, {
        staffId: counsellor.userId,
        clientId: client.id,
        startsAt: at(day, '14:00'),
        durationMinutes: 60,
        branchId: branch.id,
      });
      const early = await bookThroughApi(t, {
        staffId: counsellor.userId,
        contactName: 'Fatima',
        contactPhone: '777000555',
        startsAt: at(day, '08:30'),
        durationMinutes: 30,
      });
      const following = await bookThroughApi(t, {
        staffId: counsellor.userId,
        clientId: client.id,
        startsAt: at(nextDay, '09:00'),
        durationMinutes: 30,
      });
      const oneDay = await calendar({ from: day, to: day, staffId: counsellor.userId });
      expect(oneDay.statusCode, oneDay.body).toBe(200);
      expect(oneDay.json().items.map((a: AppointmentResponse) => a.id)).toEqual([early.id, late.id]);
      expect(oneDay.json().total).toBe(2);
      expect(oneDay.json().items[1]).toMatchObject({
        client: { clientNumber: client.clientNumber, familyName: client.familyName },
        staff: { id: counsellor.userId, name: expect.any(String) },
        branch: { id: branch.id, name: branch.name },
      });
      expect(oneDay.json().items[0]).toMatchObject({ client: null, contactName: 'Fatima', branch: null });

      const week = await calendar({ from: day, to: addDays(nextDay, 6), staffId: counsellor.userId });
      expect(week.json().items.map((a: AppointmentResponse) => a.id)).toEqual([early.id, late.id, following.id]);
      const ofClient = await calendar({ from: day, to: nextDay, clientId: client.id });
      expect(ofClient.json().items.map((a: AppointmentResponse) => a.id)).toEqual([late.id, following.id]);
      const ofBranch = await calendar({ from: day, to: nextDay, branchId: branch.id, staffId: counsellor.userId });
      expect(ofBranch.json().items.map((a: AppointmentResponse) => a.id)).toEqual([late.id]);
      await setStatus(early.id, { status: 'cancelled' });
      const cancelled = await calendar({ from: day, to: day, staffId: counsellor.userId, status: 'cancelled' });
      expect(cancelled.json().items.map((a: AppointmentResponse) => a.id)).toEqual([early.id]);
    });

    it('reads days in Prague time: an appointment at 00:30 in summer belongs to its own day', async () => {
      const counsellor = await newCounsellor();
      const day = futureWorkday();
      const appointment = await bookThroughApi(t, {
        staffId: counsellor.userId,
        contactName: 'G',
        contactPhone: '777000666',
        startsAt: at(day, '08:00'),
        durationMinutes: 30,
      });
      const { rows } = await t.database.db.execute<{ id: string }>(
        sql`update appointments set starts_at = ${at(day, '00:30')}, ends_at = ${at(day, '01:00')} where id = ${appointment.id} returning id`,
      );
      expect(rows).toHaveLength(1);
      const sameDay = await calendar({ from: day, to: day, staffId: counsellor.userId });
      expect(sameDay.json().items.map((a: AppointmentResponse) => a.id)).toEqual([appointment.id]);
      const dayBefore = await calendar({ from: addDays(day, -1), to: addDays(day, -1), staffId: counsellor.userId });
      expect(dayBefore.json().items).toEqual([]);
    });

    it('audits a calendar read once, and a read of one client with the client', async () => {
      const client = await createClientThroughApi(t);
      const day = futureWorkday();
      const counsellor = await newCounsellor();
      await calendar({ from: day, to: addDays(day, 6), staffId: counsellor.userId }, counsellor.cookie);
      const [calendarRead] = await auditEventsThroughApi(t, { actorId: counsellor.userId, action: 'appointment.read' });
      expect(calendarRead).toMatchObject({
        clientId: null,
        details: { filters: { from: day, to: addDays(day, 6), staffId: counsellor.userId }, count: 0 },
      });
      await calendar({ from: day, to: day, clientId: client.id });
      const reads = await auditEventsThroughApi(t, { clientId: client.id, action: 'appointment.read' });
      expect(reads).toHaveLength(1);
      expect(reads[0]).toMatchObject({ actor: { id: receptionist.userId }, details: { filters: { clientId: client.id } } });
    });

    it('refuses a range that is too long, reversed or not made of dates', async () => {
      const day = futureWorkday();
      const cases: [Record<string, string>, string][] = [
        [{ from: day, to: addDays(day, 42) }, 'querystring.to'],
        [{ from: day, to: addDays(day, -1) }, 'querystring.to'],
        [{ from: day }, 'querystring.to'],
        [{ to: day }, 'querystring.from'],
        [{ from: '2027-02-30', to: '2027-03-01' }, 'querystring.from'],
        [{ from: '24.3.2027', to: day }, 'querystring.from'],
        [{ from: day, to: day, clientId: 'someone' }, 'querystring.clientId'],
        [{ from: day, to: day, branchId: '42' }, 'querystring.branchId'],
        [{ from: day, to: day, status: 'done' }, 'querystring.status'],
        [{ from: day, to: day, staffId: 'x'.repeat(101) }, 'querystring.staffId'],
      ];
      for (const [query, field] of cases) {
        const response = await calendar(query);
        expect(response.statusCode, JSON.stringify(query)).toBe(400);
        expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      const unknown = await calendar({ from: day, to: day, view: 'week' });
      expect(unknown.json().error.details.flatMap((d: { keys?: string[] }) => d.keys ?? [])).toEqual(['view']);
      // 42 days of one counsellor or branch; of the whole centre, a week at most.
      const staffId = (await newCounsellor()).userId;
      expect((await calendar({ from: day, to: addDays(day, 41), staffId })).statusCode).toBe(200);
      expect((await calendar({ from: day, to: addDays(day, 6) })).statusCode).toBe(200);
      const centreMonth = await calendar({ from: day, to: addDays(day, 7) });
      expect(centreMonth.statusCode).toBe(400);
      expect(centreMonth.json().error.details.map((d: { field: string }) => d.field)).toContain('querystring.to');
    });

    it('lists the counsellors to book and the public holidays', async () => {
      const social = await newCounsellor();
      const legal = await newCounsellor('legal_counsellor');
      const response = await t.request({ method: 'GET', url: '/api/counsellors', cookie: receptionist.cookie });
      expect(response.statusCode).toBe(200);
      const ids = response.json().map((c: { id: string }) => c.id);
      expect(ids).toEqual(expect.arrayContaining([social.userId, legal.userId]));
      expect(ids).not.toContain(receptionist.userId);
      const holidays = await t.request({
        method: 'GET',
        url: '/api/holidays',
        query: { from: '2026-12-01', to: '2026-12-31', lang: 'cs' },
        cookie: receptionist.cookie,
      });
      expect(holidays.json()).toEqual([
        { date: '2026-12-24', name: 'Štědrý den' },
        { date: '2026-12-25', name: '1. svátek vánoční' },
        { date: '2026-12-26', name: '2. svátek vánoční' },
      ]);
      const english = await t.request({
        method: 'GET',
        url: '/api/holidays',
        query: { from: '2026-12-24', to: '2026-12-24', lang: 'uk' },
        cookie: receptionist.cookie,
      });
      expect(english.json()).toEqual([{ date: '2026-12-24', name: 'Christmas Eve' }]);
      const tooLong = await t.request({
        method: 'GET',
        url: '/api/holidays',
        query: { from: '2026-01-01', to: '2027-01-02' },
        cookie: receptionist.cookie,
      });
      expect(tooLong.statusCode).toBe(400);
    });
  });

  describe('one appointment', () => {
    it('shows one appointment with its reminders, audits the read, and answers 404 for an unknown one', async () => {
      const counsellor = await newCounsellor();
      const client = await createClientThroughApi(t, { email: 'reader@example.org' });
      const appointment = await bookThroughApi(t, {
        staffId: counsellor.userId,
        clientId: client.id,
        startsAt: at(futureWorkday(), '09:00'),
        durationMinutes: 30,
      });
      const response = await get(appointment.id, counsellor.cookie);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: appointment.id, reminders: [{ channel: 'email', status: 'pending', sentAt: null }] });
      const reads = await auditEventsThroughApi(t, { clientId: client.id, action: 'appointment.read' });
      expect(reads).toEqual([
        expect.objectContaining({ actor: expect.objectContaining({ id: counsellor.userId }), entityId: appointment.id }),
      ]);
      expect((await get(randomUUID())).statusCode).toBe(404);
      expect((await get('not-an-id')).statusCode).toBe(400);
    });

    it('reschedules with the same checks, keeping the duration, and audits the change by field', async () => {
      const counsellor = await newCounsellor();
      const client = await createClientThroughApi(t);
      const day = futureWorkday();
      const appointment = await bookThroughApi(t, {
        staffId: counsellor.userId,
        clientId: client.id,
        startsAt: at(day, '09:00'),
        durationMinutes: 60,
        purpose: 'Housing',
      });
      const other = await bookThroughApi(t, {
        staffId: counsellor.userId,
        contactName: 'H',
        contactPhone: '777000777',
        startsAt: at(day, '12:00'),
        durationMinutes: 60,
      });
      // Moving within its own old slot does not clash with itself.
      const moved = await patch(appointment.id, { startsAt: at(day, '09:30'), purpose: 'Housing and work' });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toMatchObject({ startsAt: at(day, '09:30'), endsAt: at(day, '10:30'), purpose: 'Housing and work' });
      const clash = await patch(appointment.id, { startsAt: at(day, '11:30') });
      expect(clash.json().error).toMatchObject({ code: 'APPOINTMENT_CONFLICT', details: { appointmentId: other.id } });
      const holiday = await patch(appointment.id, { startsAt: at(addDays(day, -60), '09:00') });
      expect(holiday.json().error).toMatchObject({ code: 'NOT_BOOKABLE', details: { reason: 'past' } });
      const late = await patch(appointment.id, { durationMinutes: 480 });
      expect(late.json().error).toMatchObject({ code: 'NOT_BOOKABLE', details: { reason: 'outside_hours' } });
      const reversed = await patch(appointment.id, { endsAt: at(day, '09:00') });
      expect(reversed.json().error.details).toEqual([expect.objectContaining({ field: 'body.endsAt' })]);

      const [updated] = await auditEventsThroughApi(t, { clientId: client.id, action: 'appointment.updated' });
      expect(updated?.changes).toEqual(
        expect.arrayContaining([
          { field: 'startsAt', before: at(day, '09:00'), after: at(day, '09:30') },
          { field: 'endsAt', before: at(day, '10:00'), after: at(day, '10:30') },
          { field: 'purpose' },
        ]),
      );
      expect(JSON.stringify(updated)).not.toContain('Housing');
      const stored = await get(appointment.id);
      expect(stored.json()).toMatchObject({ startsAt: at(day, '09:30'), endsAt: at(day, '10:30') });
    });

    it('moves to another counsellor only if they are a free counsellor, and a client can replace the contact', async () => {
      const counsellor = await newCounsellor();
      const busy = await newCounsellor();
      const client = await createClientThroughApi(t);
      const day = futureWorkday();
      const appointment = await bookThroughApi(t, {
        staffId: counsellor.userId,
        contactName: 'Walk-in',
        contactPhone: '777000888',
        startsAt: at(day, '10:00'),
        durationMinutes: 30,
      });
      await bookThroughApi(t, {
        staffId: busy.userId,
        contactName: 'I',
        contactPhone: '777000999',
        startsAt: at(day, '10:00'),
        durationMinutes: 30,
      });
      expect((await patch(appointment.id, { staffId: busy.userId })).json().error.code).toBe('APPOINTMENT_CONFLICT');
      expect((await patch(appointment.id, { staffId: receptionist.userId })).json().error.details[0].field).toBe('body.staffId');
      const bothParties = await patch(appointment.id, { clientId: client.id, contactName: 'Walk-in' });
      expect(bothParties.json().error.details[0].field).toBe('body.contactName');
      const registered = await patch(appointment.id, { clientId: client.id });
      expect(registered.statusCode, registered.body).toBe(200);
      expect(registered.json()).toMatchObject({ client: { id: client.id }, contactName: null, contactPhone: null });
      const noParty = await patch(appointment.id, { clientId: null });
      expect(noParty.json().error.details[0].field).toBe('body.clientId');
      const [updated] = await auditEventsThroughApi(t, { clientId: client.id, action: 'appointment.updated' });
      expect(updated?.changes).toEqual(
        expect.arrayContaining([
          { field: 'clientId', before: null, after: client.id },
          { field: 'contactName' },
          { field: 'contactPhone' },
        ]),
      );
    });

    it('refuses bad changes with nothing written', async () => {
      const counsellor = await newCounsellor();
      const appointment = await bookThroughApi(t, {
        staffId: counsellor.userId,
        contactName: 'J',
        contactPhone: '777001000',
        startsAt: at(futureWorkday(), '10:00'),
        durationMinutes: 30,
      });
      const before = await written(counsellor.userId);
      const cases: [object, string][] = [
        [{ startsAt: 'tomorrow' }, 'body.startsAt'],
        [{ endsAt: at(futureWorkday(), '11:00'), durationMinutes: 30 }, 'body.durationMinutes'],
        [{ staffId: '' }, 'body.staffId'],
        [{ clientId: 'x' }, 'body.clientId'],
        [{ status: 'cancelled' }, 'body'],
        [{ serviceId: randomUUID() }, 'body'],
      ];
      for (const [payload, field] of cases) {
        const response = await patch(appointment.id, payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
        expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      expect((await patch(randomUUID(), { place: 'Room 1' })).statusCode).toBe(404);
      expect((await patch('42', { place: 'Room 1' })).statusCode).toBe(400);
      expect(await written(counsellor.userId)).toEqual(before);
    });
  });

  describe('status', () => {
    const book = async () => {
      const counsellor = await newCounsellor();
      const client = await createClientThroughApi(t);
      const appointment = await bookThroughApi(t, {
        staffId: counsellor.userId,
        clientId: client.id,
        startsAt: at(futureWorkday(), '11:00'),
        durationMinutes: 30,
      });
      return { counsellor, client, appointment };
    };

    it('refuses attended and no-show before the appointment begins, and allows cancelling it', async () => {
      const { counsellor, client, appointment } = await book();
      const before = await written(counsellor.userId, counsellor.userId);
      for (const status of ['attended', 'no_show']) {
        const response = await setStatus(appointment.id, { status }, counsellor.cookie);
        expect(response.statusCode, `→ ${status}: ${response.body}`).toBe(409);
        expect(response.json().error).toMatchObject({ code: 'APPOINTMENT_NOT_STARTED', details: { startsAt: appointment.startsAt } });
      }
      expect(await written(counsellor.userId, counsellor.userId)).toEqual(before);
      expect((await get(appointment.id)).json().status).toBe('booked');
      const cancelled = await setStatus(appointment.id, { status: 'cancelled' }, counsellor.cookie);
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect((await setStatus(appointment.id, { status: 'booked' }, counsellor.cookie)).statusCode).toBe(200);
      const changes = await auditEventsThroughApi(t, { clientId: client.id, action: 'appointment.status_changed' });
      expect(changes).toHaveLength(2);
    });

    it('marks a begun appointment attended or no-show, and lets only who set it undo it that day, audited as an undo', async () => {
      const counsellor = await newCounsellor();
      const client = await createClientThroughApi(t);
      const { id } = await insertPastAppointment(t, { staffId: counsellor.userId, clientId: client.id });
      const attended = await setStatus(id, { status: 'attended' }, counsellor.cookie);
      expect(attended.statusCode, attended.body).toBe(200);
      expect(attended.json()).toMatchObject({ status: 'attended', statusChangedBy: counsellor.userId });
      expect(attended.json().statusChangedAt).toEqual(expect.any(String));

      // Someone else cannot undo it, and a correction goes through booked (undo, then mark again).
      const byOther = await setStatus(id, { status: 'booked' }, receptionist.cookie);
      expect(byOther.statusCode).toBe(409);
      expect(byOther.json().error).toMatchObject({ code: 'STATUS_UNDO_REFUSED', details: { reason: 'not_author' } });
      const sideways = await setStatus(id, { status: 'no_show' }, counsellor.cookie);
      expect(sideways.json().error.code).toBe('CONFLICT');

      const undone = await setStatus(id, { status: 'booked' }, counsellor.cookie);
      expect(undone.statusCode, undone.body).toBe(200);
      expect(undone.json().status).toBe('booked');
      const undos = await auditEventsThroughApi(t, { clientId: client.id, action: 'appointment.status_undone' });
      expect(undos).toHaveLength(1);
      expect(undos[0]).toMatchObject({
        actor: { id: counsellor.userId },
        changes: [{ field: 'status', before: 'attended', after: 'booked' }],
      });

      // The receptionist marks it no-show; the next day not even they can undo it.
      expect((await setStatus(id, { status: 'no_show' }, receptionist.cookie)).statusCode).toBe(200);
      await backdateStatusChange(t, id, new Date(Date.now() - 26 * 3_600_000));
      const late = await setStatus(id, { status: 'booked' }, receptionist.cookie);
      expect(late.statusCode).toBe(409);
      expect(late.json().error).toMatchObject({ code: 'STATUS_UNDO_REFUSED', details: { reason: 'day_passed' } });
      expect((await get(id)).json().status).toBe('no_show');
      expect(await auditEventsThroughApi(t, { clientId: client.id, action: 'appointment.status_undone' })).toHaveLength(1);
    });

    it('keeps the reason of a cancellation out of the trail, and changes nothing on a repeated click', async () => {
      const { client, appointment } = await book();
      const cancelled = await setStatus(appointment.id, { status: 'cancelled', reason: 'The client is ill' });
      expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'The client is ill' });
      const again = await setStatus(appointment.id, { status: 'cancelled' });
      expect(again.json()).toMatchObject({ status: 'cancelled', cancelReason: 'The client is ill' });
      const changes = await auditEventsThroughApi(t, { clientId: client.id, action: 'appointment.status_changed' });
      expect(changes).toHaveLength(1);
      expect(changes[0]?.changes).toEqual([{ field: 'status', before: 'booked', after: 'cancelled' }, { field: 'cancelReason' }]);
      const rebooked = await setStatus(appointment.id, { status: 'booked' });
      expect(rebooked.json()).toMatchObject({ status: 'booked', cancelReason: null });
      // Changing a cancelled appointment is refused; booking it again is the way back.
      await setStatus(appointment.id, { status: 'cancelled' });
      expect((await patch(appointment.id, { place: 'Room 3' })).json().error.code).toBe('CONFLICT');
    });

    it('checks a cancelled appointment booked again like a new booking', async () => {
      const { counsellor, appointment } = await book();
      await setStatus(appointment.id, { status: 'cancelled' });
      await bookThroughApi(t, {
        staffId: counsellor.userId,
        contactName: 'K',
        contactPhone: '777001100',
        startsAt: appointment.startsAt,
        durationMinutes: 30,
      });
      const response = await setStatus(appointment.id, { status: 'booked' });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('APPOINTMENT_CONFLICT');
    });

    it('refuses bad status input', async () => {
      const { appointment } = await book();
      for (const [payload, field] of [
        [{}, 'body.status'],
        [{ status: 'done' }, 'body.status'],
        [{ status: 'attended', reason: 'Came late' }, 'body.reason'],
        [{ status: 'cancelled', reason: 'r'.repeat(501) }, 'body.reason'],
        [{ status: 'cancelled', note: 'x' }, 'body'],
      ] as const) {
        const response = await setStatus(appointment.id, payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
        expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      expect((await setStatus(randomUUID(), { status: 'attended' })).statusCode).toBe(404);
      expect((await get(appointment.id)).json().status).toBe('booked');
    });
  });

  describe('a consultation recorded from an appointment', () => {
    it('marks it attended, links the service, withdraws its reminders, and freezes its status', async () => {
      const counsellor = await newCounsellor();
      const client = await createClientThroughApi(t, { email: 'recorded@example.org' });
      const other = await createClientThroughApi(t);
      const appointment = await bookThroughApi(t, {
        staffId: counsellor.userId,
        clientId: client.id,
        startsAt: at(futureWorkday(), '10:00'),
        durationMinutes: 30,
      });
      const { rows } = await t.database.db.execute<{ id: string }>(
        sql`insert into services (kind, occurred_on, client_id, staff_id) values ('consultation', ${appointment.startsAt.slice(0, 10)}, ${client.id}, ${counsellor.userId}) returning id`,
      );
      const serviceId = rows[0]?.id as string;
      const ctx = {
        db: t.database.db,
        actor: { id: counsellor.userId, name: 'Counsellor', roles: ['social_counsellor' as const], branchId: null },
        now: new Date(),
        requestId: randomUUID(),
        ip: '127.0.0.1',
      };
      const record = (link: { appointmentId: string; clientId: string; serviceId: string }) =>
        t.database.db.transaction((tx) => recordConsultationOfAppointment(tx, ctx, link));

      await expect(record({ appointmentId: appointment.id, clientId: other.id, serviceId })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      await record({ appointmentId: appointment.id, clientId: client.id, serviceId });
      const stored = (await get(appointment.id)).json();
      expect(stored).toMatchObject({ status: 'attended', serviceId, reminders: [] });
      const [changed] = await auditEventsThroughApi(t, { clientId: client.id, action: 'appointment.status_changed' });
      expect(changed?.changes).toEqual([
        { field: 'status', before: 'booked', after: 'attended' },
        { field: 'serviceId', before: null, after: serviceId },
      ]);
      await expect(record({ appointmentId: appointment.id, clientId: client.id, serviceId })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await setStatus(appointment.id, { status: 'no_show' })).json().error.code).toBe('CONFLICT');
      expect((await patch(appointment.id, { place: 'Room 9' })).json().error.code).toBe('CONFLICT');
    });
  });

  describe("a client's appointments", () => {
    it('pages them newest first, audits the read with the client, and answers 404 for an unknown client', async () => {
      const counsellor = await newCounsellor();
      const client = await createClientThroughApi(t);
      const firstDay = futureWorkday();
      const days = [firstDay, nextWorkday(firstDay), nextWorkday(nextWorkday(firstDay))];
      const booked = [];
      for (const day of days) {
        booked.push(
          await bookThroughApi(t, { staffId: counsellor.userId, clientId: client.id, startsAt: at(day, '09:00'), durationMinutes: 30 }),
        );
      }
      const url = `/api/clients/${client.id}/appointments`;
      const first = await t.request({ method: 'GET', url, query: { limit: '2' }, cookie: counsellor.cookie });
      expect(first.statusCode).toBe(200);
      expect(first.json().total).toBe(3);
      expect(first.json().items.map((a: AppointmentResponse) => a.id)).toEqual([booked[2]?.id, booked[1]?.id]);
      const second = await t.request({ method: 'GET', url, query: { limit: '2', offset: '2' }, cookie: counsellor.cookie });
      expect(second.json().items.map((a: AppointmentResponse) => a.id)).toEqual([booked[0]?.id]);
      await setStatus(booked[0]?.id as string, { status: 'cancelled' });
      const cancelled = await t.request({ method: 'GET', url, query: { status: 'cancelled' }, cookie: counsellor.cookie });
      expect(cancelled.json()).toMatchObject({ total: 1, items: [{ id: booked[0]?.id }] });
      const reads = await auditEventsThroughApi(t, { clientId: client.id, action: 'appointment.read' });
      expect(reads).toHaveLength(3);
      expect(reads[0]).toMatchObject({ entityType: 'client', entityId: client.id });

      const unknown = await t.request({ method: 'GET', url: `/api/clients/${randomUUID()}/appointments`, cookie: counsellor.cookie });
      expect(unknown.statusCode).toBe(404);
      for (const query of [{ limit: '0' }, { limit: '101' }, { offset: '-1' }, { status: 'done' }, { from: '2027-01-01' }] as Record<
        string,
        string
      >[]) {
        expect((await t.request({ method: 'GET', url, query, cookie: counsellor.cookie })).statusCode, JSON.stringify(query)).toBe(400);
      }
    });
  });

  describe('who may', () => {
    it('lets receptionists and counsellors book and read, and nobody else', async () => {
      const day = futureWorkday();
      const counsellor = await newCounsellor();
      const payload = {
        staffId: counsellor.userId,
        contactName: uniqueWord('L'),
        contactPhone: '777001200',
        startsAt: at(day, '15:00'),
        durationMinutes: 30,
      };
      for (const role of ['lecturer', 'dpo', 'admin'] as const) {
        const { cookie } = await staffOf(t, role);
        expect((await post(payload, cookie)).statusCode, role).toBe(403);
        expect((await calendar({ from: day, to: day }, cookie)).statusCode, role).toBe(403);
      }
      expect((await post(payload, counsellor.cookie)).statusCode).toBe(201);
      expect((await calendar({ from: day, to: day })).statusCode).toBe(200);
      expect((await t.request({ method: 'GET', url: '/api/appointments', query: { from: day, to: day } })).statusCode).toBe(401);
    });
  });
});
