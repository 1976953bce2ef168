import { z } from 'zod';
import { centreTimeZone, toCentreDate } from './dates.js';

/** The days of the week, Monday first as in Czechia. */
export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdays)[number];

/** A local time of day in the centre's time zone, HH:MM; 24:00 ends a day. */
export const timeOfDay = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'Time must be written as HH:MM' })
  .meta({ example: '08:00' });

/** One stretch of working time on a day. */
export const workingInterval = z
  .strictObject({ from: timeOfDay, to: timeOfDay })
  .refine((interval) => interval.from < interval.to, { message: 'The end must be after the start', path: ['to'] });

/** A day's working time: stretches in order that do not overlap (a lunch break is the gap between two). */
const workingDay = z
  .array(workingInterval)
  .max(4)
  .superRefine((intervals, ctx) => {
    intervals.forEach((interval, index) => {
      const previous = intervals[index - 1];
      if (previous && interval.from < previous.to) {
        ctx.addIssue({ code: 'custom', message: 'Times must be in order and must not overlap', path: [index, 'from'] });
      }
    });
  });

/** The centre's working hours per weekday, in Europe/Prague local time; a day without stretches is closed. */
export const workingHours = z
  .strictObject(Object.fromEntries(weekdays.map((day) => [day, workingDay])) as Record<Weekday, typeof workingDay>)
  .meta({ id: 'WorkingHours' });
export type WorkingHours = z.infer<typeof workingHours>;

/** Until a coordinator sets them: Monday to Friday 8:00–16:30, weekends closed. */
export const defaultWorkingHours: WorkingHours = {
  monday: [{ from: '08:00', to: '16:30' }],
  tuesday: [{ from: '08:00', to: '16:30' }],
  wednesday: [{ from: '08:00', to: '16:30' }],
  thursday: [{ from: '08:00', to: '16:30' }],
  friday: [{ from: '08:00', to: '16:30' }],
  saturday: [],
  sunday: [],
};

/** The weekday of a calendar date (YYYY-MM-DD). */
export function weekdayOf(date: string): Weekday {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // getUTCDay counts from Sunday.
  return weekdays[(new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7] as Weekday;
}

/** The calendar date `days` after (or before, when negative) a date. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** How many days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const centreClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: centreTimeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far the centre's clock is ahead of UTC at an instant, in milliseconds (1 or 2 hours in Prague). */
function centreOffsetAt(instant: number): number {
  const part = (parts: Intl.DateTimeFormatPart[], type: string) => Number(parts.find((p) => p.type === type)?.value);
  const parts = centreClock.formatToParts(new Date(instant));
  const asUtc = Date.UTC(
    part(parts, 'year'),
    part(parts, 'month') - 1,
    part(parts, 'day'),
    part(parts, 'hour'),
    part(parts, 'minute'),
    part(parts, 'second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time on a date has in the centre (09:00 on 2027-07-01 is 07:00 UTC, on
 * 2027-01-04 08:00 UTC). The offset is looked up twice, so times next to a change of summer time come
 * out right; a time the spring change skips (02:30) comes out an hour later.
 */
export function centreInstant(date: string, time: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - centreOffsetAt(wall);
  return new Date(wall - centreOffsetAt(first));
}

/** The wall-clock time (HH:MM) of an instant in the centre's time zone. */
export function toCentreTime(instant: Date): string {
  const parts = centreClock.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}

/**
 * True when the whole of an appointment lies in one stretch of working time of its day. Times are
 * the centre's (Europe/Prague); an appointment over midnight never fits.
 */
export function isWithinWorkingHours(hours: WorkingHours, startsAt: Date, endsAt: Date): boolean {
  const date = toCentreDate(startsAt);
  const from = toCentreTime(startsAt);
  const endDate = toCentreDate(endsAt);
  const to = endDate === date ? toCentreTime(endsAt) : endDate === addDays(date, 1) && toCentreTime(endsAt) === '00:00' ? '24:00' : null;
  if (to === null) return false;
  return hours[weekdayOf(date)].some((interval) => interval.from <= from && to <= interval.to);
}
