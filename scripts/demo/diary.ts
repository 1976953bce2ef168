import { findPublicHoliday } from '../../src/server/features/appointments/holidays.service.js';
import { addDays, centreInstant, weekdayOf, type WorkingHours } from '../../src/shared/index.js';
import type { Random } from './random.js';

/** A day the centre is open: it has working hours and is no Czech public holiday (bookings refuse those). */
export function isWorkingDay(hours: WorkingHours, date: string): boolean {
  return hours[weekdayOf(date)].length > 0 && findPublicHoliday(date) === null;
}

/** The working days from `from` to `to`, both included, in order. */
export function findWorkingDays(hours: WorkingHours, from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (isWorkingDay(hours, day)) days.push(day);
  return days;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const slotMinutes = 30;

export type Diary = {
  /**
   * A free start on the half hour for `minutes` within the day's working hours, not before
   * `notBefore`; null when the day has no such time left. The time is taken at once.
   */
  takeTime: (random: Random, staffId: string, date: string, minutes: number, notBefore?: Date) => Date | null;
};

/**
 * The counsellors' days as the demo fills them: consultations and appointments of one counsellor
 * never overlap, as the appointments service insists and as a real day would have it.
 */
export function createDiary(hours: WorkingHours): Diary {
  const taken = new Map<string, { start: number; end: number }[]>();
  return {
    takeTime(random, staffId, date, minutes, notBefore) {
      const busy = taken.get(`${staffId}|${date}`) ?? [];
      const free: { start: number; startsAt: Date }[] = [];
      for (const interval of hours[weekdayOf(date)]) {
        for (let start = minutesOf(interval.from); start + minutes <= minutesOf(interval.to); start += slotMinutes) {
          const startsAt = centreInstant(date, timeOf(start));
          const clashes = busy.some((b) => start < b.end && b.start < start + minutes);
          if (!clashes && (!notBefore || startsAt > notBefore)) free.push({ start, startsAt });
        }
      }
      if (free.length === 0) return null;
      const { start, startsAt } = random.pick(free);
      taken.set(`${staffId}|${date}`, [...busy, { start, end: start + minutes }]);
      return startsAt;
    },
  };
}
