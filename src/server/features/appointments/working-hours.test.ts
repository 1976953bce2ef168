import { describe, expect, it } from 'vitest';
import { addDays, defaultWorkingHours, type WorkingHours, weekdayOf } from '../../../shared/index.js';
import { auditEventsThroughApi, staffOf } from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';
import { at, futureWorkday, nextWorkday } from './appointment-test-data.js';
import { findPublicHoliday } from './holidays.service.js';

describe('working hours', async () => {
  // A database of its own: the working hours are the whole centre's, and other files book in the default ones.
  const t = await createTestApp({}, { freshDatabase: true });
  const coordinator = await staffOf(t, 'coordinator');
  const receptionist = await staffOf(t, 'receptionist');
  const url = '/api/settings/working-hours';
  const put = (payload: unknown, cookie = coordinator.cookie) => t.request({ method: 'PUT', url, cookie, payload: payload as object });

  it('starts with Monday to Friday 8:00–16:30', async () => {
    const response = await t.request({ method: 'GET', url, cookie: receptionist.cookie });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(defaultWorkingHours);
  });

  it('is changed by a coordinator, audited with the days that changed, and applies to new bookings', async () => {
    const hours: WorkingHours = {
      ...defaultWorkingHours,
      monday: [
        { from: '10:00', to: '12:00' },
        { from: '13:00', to: '18:00' },
      ],
      saturday: [{ from: '09:00', to: '12:00' }],
    };
    const response = await put(hours);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual(hours);
    expect((await t.request({ method: 'GET', url, cookie: receptionist.cookie })).json()).toEqual(hours);
    const [entry] = await auditEventsThroughApi(t, { actorId: coordinator.userId, action: 'settings.updated' });
    expect(entry).toMatchObject({ entityType: 'working_hours' });
    expect(entry?.changes).toEqual([
      { field: 'monday', before: defaultWorkingHours.monday, after: hours.monday },
      { field: 'saturday', before: [], after: hours.saturday },
    ]);

    const counsellor = await t.signInAs(['social_counsellor']);
    let monday = futureWorkday();
    while (weekdayOf(monday) !== 'monday') monday = nextWorkday(monday);
    const book = (date: string, time: string, minutes: number) =>
      t.request({
        method: 'POST',
        url: '/api/appointments',
        cookie: receptionist.cookie,
        payload: {
          staffId: counsellor.userId,
          contactName: 'M',
          contactPhone: '777000111',
          startsAt: at(date, time),
          durationMinutes: minutes,
        },
      });
    const refused = await book(monday, '09:00', 30);
    expect(refused.json().error).toMatchObject({ code: 'NOT_BOOKABLE', details: { reason: 'outside_hours' } });
    expect((await book(monday, '11:30', 60)).json().error.details.reason).toBe('outside_hours');
    expect((await book(monday, '10:00', 60)).statusCode).toBe(201);
    expect((await book(monday, '17:00', 60)).statusCode).toBe(201);
    let saturday = addDays(monday, 5);
    while (findPublicHoliday(saturday)) saturday = addDays(saturday, 7);
    expect((await book(saturday, '09:00', 60)).statusCode).toBe(201);
  });

  it('refuses malformed hours, naming the field, and changes nothing', async () => {
    const before = (await t.request({ method: 'GET', url, cookie: receptionist.cookie })).json();
    const cases: [unknown, string][] = [
      [{ ...defaultWorkingHours, monday: [{ from: '16:00', to: '08:00' }] }, 'body.monday.0.to'],
      [{ ...defaultWorkingHours, monday: [{ from: '8:00', to: '16:00' }] }, 'body.monday.0.from'],
      [{ ...defaultWorkingHours, monday: [{ from: '08:00', to: '25:00' }] }, 'body.monday.0.to'],
      [
        {
          ...defaultWorkingHours,
          tuesday: [
            { from: '08:00', to: '12:00' },
            { from: '11:00', to: '16:00' },
          ],
        },
        'body.tuesday.1.from',
      ],
      [{ ...defaultWorkingHours, friday: [{ from: '08:00' }] }, 'body.friday.0.to'],
      [{ ...defaultWorkingHours, friday: 'closed' }, 'body.friday'],
      [{ ...defaultWorkingHours, sunday: undefined }, 'body.sunday'],
      [{ ...defaultWorkingHours, wednesday: Array(5).fill({ from: '08:00', to: '09:00' }) }, 'body.wednesday'],
    ];
    for (const [payload, field] of cases) {
      const response = await put(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const unknown = await put({ ...defaultWorkingHours, holidays: [] });
    expect(unknown.json().error.details.flatMap((d: { keys?: string[] }) => d.keys ?? [])).toEqual(['holidays']);
    const unknownInInterval = await put({ ...defaultWorkingHours, monday: [{ from: '08:00', to: '16:00', room: 'A' }] });
    expect(unknownInInterval.statusCode).toBe(400);
    expect((await t.request({ method: 'GET', url, cookie: receptionist.cookie })).json()).toEqual(before);
  });

  it('may be read by all staff, and changed only by coordinators and admins', async () => {
    expect((await put(defaultWorkingHours, receptionist.cookie)).statusCode).toBe(403);
    expect((await put(defaultWorkingHours, (await staffOf(t, 'social_counsellor')).cookie)).statusCode).toBe(403);
    expect((await put(defaultWorkingHours, (await staffOf(t, 'admin')).cookie)).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url, cookie: (await staffOf(t, 'lecturer')).cookie })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url })).statusCode).toBe(401);
  });
});
