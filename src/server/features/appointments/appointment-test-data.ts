import { addDays, type AppointmentResponse, centreInstant, toCentreDate, weekdayOf } from '../../../shared/index.js';
import { type Caller, staffOf } from '../../testing/factories.js';
import type { TestApp } from '../../testing/harness.js';
import { type AppointmentRow, insertAppointment, updateAppointmentRow } from './appointments.repo.js';
import { findPublicHoliday } from './holidays.service.js';

/**
 * A working day (Monday to Friday, not a public holiday) at least `daysAhead` days from today, so that
 * bookings made by tests are always in the future and within the default working hours.
 */
export function futureWorkday(daysAhead = 30): string {
  return workdayFrom(addDays(toCentreDate(new Date()), daysAhead));
}

/** The first working day after a date. */
export function nextWorkday(date: string): string {
  return workdayFrom(addDays(date, 1));
}

function workdayFrom(date: string): string {
  let day = date;
  while (['saturday', 'sunday'].includes(weekdayOf(day)) || findPublicHoliday(day)) day = addDays(day, 1);
  return day;
}

/** The instant of a Prague wall-clock time, as the API takes it. */
export const at = (date: string, time: string) => centreInstant(date, time).toISOString();

/** Books through POST /api/appointments (as a receptionist unless a caller is given); throws unless 201. */
export async function bookThroughApi(t: TestApp, payload: Record<string, unknown>, caller?: Caller): Promise<AppointmentResponse> {
  const cookie = caller?.cookie ?? (await staffOf(t, 'receptionist')).cookie;
  const response = await t.request({ method: 'POST', url: '/api/appointments', cookie, payload });
  if (response.statusCode !== 201) throw new Error(`book appointment: expected 201, got ${response.statusCode} ${response.body}`);
  return response.json();
}

/**
 * An appointment that began `hoursAgo` hours ago (booking refuses the past, so it is written through
 * the repository, as a booking made earlier would have been).
 */
export async function insertPastAppointment(
  t: TestApp,
  values: { staffId: string; clientId: string; hoursAgo?: number },
): Promise<AppointmentRow> {
  const startsAt = new Date(Date.now() - (values.hoursAgo ?? 2) * 3_600_000);
  return insertAppointment(t.database.db, {
    staffId: values.staffId,
    clientId: values.clientId,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 30 * 60_000),
    createdBy: values.staffId,
  });
}

/** Moves the moment an appointment's status was set, as if it had been set then (e.g. yesterday). */
export async function backdateStatusChange(t: TestApp, id: string, at: Date): Promise<void> {
  await updateAppointmentRow(t.database.db, id, { statusChangedAt: at });
}
