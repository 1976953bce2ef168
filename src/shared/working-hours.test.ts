import { describe, expect, it } from 'vitest';
import {
  addDays,
  centreInstant,
  daysBetween,
  defaultWorkingHours,
  isWithinWorkingHours,
  toCentreTime,
  weekdayOf,
  type WorkingHours,
  workingHours,
} from './working-hours.js';

describe('centre time', () => {
  it('turns Prague wall-clock times into instants in winter and in summer', () => {
    expect(centreInstant('2027-01-04', '09:00').toISOString()).toBe('2027-01-04T08:00:00.000Z');
    expect(centreInstant('2027-07-01', '09:00').toISOString()).toBe('2027-07-01T07:00:00.000Z');
    expect(centreInstant('2027-01-01', '00:00').toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('gets the days the clocks change right', () => {
    // Summer time begins on 28 March 2027 at 02:00 and ends on 31 October 2027 at 03:00.
    expect(centreInstant('2027-03-28', '01:30').toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(centreInstant('2027-03-28', '09:00').toISOString()).toBe('2027-03-28T07:00:00.000Z');
    expect(centreInstant('2027-10-31', '09:00').toISOString()).toBe('2027-10-31T08:00:00.000Z');
    expect(centreInstant('2027-10-31', '00:00').toISOString()).toBe('2027-10-30T22:00:00.000Z');
    expect(centreInstant('2027-11-01', '00:00').toISOString()).toBe('2027-10-31T23:00:00.000Z');
  });

  it('reads the wall-clock time of an instant', () => {
    expect(toCentreTime(new Date('2027-01-04T08:00:00Z'))).toBe('09:00');
    expect(toCentreTime(new Date('2027-07-01T07:30:00Z'))).toBe('09:30');
    expect(toCentreTime(new Date('2027-07-01T22:00:00Z'))).toBe('00:00');
  });

  it('knows weekdays and counts days across months and years', () => {
    expect(weekdayOf('2027-03-29')).toBe('monday');
    expect(weekdayOf('2027-04-04')).toBe('sunday');
    expect(weekdayOf('2026-12-24')).toBe('thursday');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2027-03-01', '2027-04-11')).toBe(41);
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
  });
});

describe('working hours', () => {
  const hours: WorkingHours = {
    ...defaultWorkingHours,
    monday: [
      { from: '08:00', to: '12:00' },
      { from: '12:30', to: '16:30' },
    ],
    saturday: [{ from: '20:00', to: '24:00' }],
  };
  const at = (date: string, time: string) => centreInstant(date, time);

  it('accepts an appointment inside one stretch of its day, to the minute', () => {
    expect(isWithinWorkingHours(hours, at('2027-03-29', '08:00'), at('2027-03-29', '09:00'))).toBe(true);
    expect(isWithinWorkingHours(hours, at('2027-03-29', '15:30'), at('2027-03-29', '16:30'))).toBe(true);
    expect(isWithinWorkingHours(hours, at('2027-03-30', '08:00'), at('2027-03-30', '16:30'))).toBe(true);
  });

  it('refuses one that starts early, ends late, spans the lunch break or falls on a closed day', () => {
    expect(isWithinWorkingHours(hours, at('2027-03-29', '07:45'), at('2027-03-29', '08:30'))).toBe(false);
    expect(isWithinWorkingHours(hours, at('2027-03-29', '16:00'), at('2027-03-29', '16:45'))).toBe(false);
    expect(isWithinWorkingHours(hours, at('2027-03-29', '11:30'), at('2027-03-29', '13:00'))).toBe(false);
    expect(isWithinWorkingHours(hours, at('2027-04-04', '09:00'), at('2027-04-04', '10:00'))).toBe(false);
  });

  it('reads the times in Prague on both sides of the change to summer time', () => {
    // 08:00 in Prague is 07:00 UTC in winter and 06:00 UTC in summer.
    expect(isWithinWorkingHours(hours, new Date('2027-03-26T07:00:00Z'), new Date('2027-03-26T08:00:00Z'))).toBe(true);
    expect(isWithinWorkingHours(hours, new Date('2027-03-29T06:00:00Z'), new Date('2027-03-29T07:00:00Z'))).toBe(true);
    expect(isWithinWorkingHours(hours, new Date('2027-03-29T05:30:00Z'), new Date('2027-03-29T06:30:00Z'))).toBe(false);
  });

  it('lets a stretch end at midnight, but never lets an appointment run into the next day', () => {
    expect(isWithinWorkingHours(hours, at('2027-04-03', '23:00'), at('2027-04-04', '00:00'))).toBe(true);
    expect(isWithinWorkingHours(hours, at('2027-04-03', '23:00'), at('2027-04-04', '00:30'))).toBe(false);
  });

  it('validates the stored shape: every day, times in order, no overlaps', () => {
    expect(workingHours.safeParse(defaultWorkingHours).success).toBe(true);
    expect(workingHours.safeParse(hours).success).toBe(true);
    const { sunday: _sunday, ...missingSunday } = defaultWorkingHours;
    expect(workingHours.safeParse(missingSunday).success).toBe(false);
    expect(workingHours.safeParse({ ...defaultWorkingHours, monday: [{ from: '16:00', to: '08:00' }] }).success).toBe(false);
    expect(workingHours.safeParse({ ...defaultWorkingHours, monday: [{ from: '8:00', to: '16:00' }] }).success).toBe(false);
    expect(workingHours.safeParse({ ...defaultWorkingHours, monday: [{ from: '08:00', to: '24:30' }] }).success).toBe(false);
    const overlapping = [
      { from: '08:00', to: '12:00' },
      { from: '11:00', to: '16:00' },
    ];
    expect(workingHours.safeParse({ ...defaultWorkingHours, monday: overlapping }).success).toBe(false);
    expect(workingHours.safeParse({ ...defaultWorkingHours, funday: [] }).success).toBe(false);
  });
});
