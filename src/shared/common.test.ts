import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { isoDate, isRealIsoDate, optionalPersonName, personName, removeInvisibleMarks, visibleLength, withinDates } from './common.js';
import { nextCentreMidnight, toCentreDate } from './dates.js';

describe('isRealIsoDate', () => {
  it.each(['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31', '1900-01-01'])('accepts %s', (value) => {
    expect(isRealIsoDate(value)).toBe(true);
  });
  it.each([
    '2026-02-30',
    '2026-02-29',
    '1900-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '15.3.1985',
    '2026-1-1',
    '',
    '2026-01-01T00:00:00Z',
  ])('refuses %s', (value) => {
    expect(isRealIsoDate(value)).toBe(false);
    expect(isoDate.safeParse(value).success).toBe(false);
  });
});

describe('toCentreDate', () => {
  it('uses the calendar day in Prague, not in UTC', () => {
    expect(toCentreDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(toCentreDate(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    expect(toCentreDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});

describe('nextCentreMidnight', () => {
  it('is the next 00:00 in Prague, in winter and in summer time', () => {
    expect(nextCentreMidnight(new Date('2026-01-15T10:00:00Z')).toISOString()).toBe('2026-01-15T23:00:00.000Z');
    expect(nextCentreMidnight(new Date('2026-07-15T10:00:00Z')).toISOString()).toBe('2026-07-15T22:00:00.000Z');
    // Already the next day in Prague, not yet in UTC.
    expect(nextCentreMidnight(new Date('2026-07-15T22:30:00Z')).toISOString()).toBe('2026-07-16T22:00:00.000Z');
    // Exactly midnight: the one after.
    expect(nextCentreMidnight(new Date('2026-01-15T23:00:00Z')).toISOString()).toBe('2026-01-16T23:00:00.000Z');
    // Across the changes of summer time (29 March and 25 October 2026).
    expect(nextCentreMidnight(new Date('2026-03-29T12:00:00Z')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(nextCentreMidnight(new Date('2026-10-25T12:00:00Z')).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });
});

describe('visible text', () => {
  it('counts what a person sees: no invisible marks, a decomposed letter once', () => {
    expect(removeInvisibleMarks('\u200BPetr\u202E\uFEFF')).toBe('Petr');
    expect(visibleLength('a\u0301')).toBe(1);
    expect(visibleLength('\u0301\u0301')).toBe(0);
    expect(visibleLength(' \u200B\u200Ba ')).toBe(1);
    expect(visibleLength('Že')).toBe(2);
  });
});

describe('invisible marks', () => {
  it('removes every bidirectional override, isolate and mark, and every zero-width character', () => {
    const marks = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
    const zeroWidth = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
    for (const mark of [...marks, ...zeroWidth])
      expect(removeInvisibleMarks(`Pe${mark}tr`), mark.codePointAt(0)?.toString(16)).toBe('Petr');
    // Letters, combining marks and emoji of every script stay.
    expect(removeInvisibleMarks('Nguyễn Шевченко محمد 😀')).toBe('Nguyễn Шевченко محمد 😀');
  });
});

describe('a person name', () => {
  const name = personName(10);
  const optional = optionalPersonName(10);
  it('is kept without invisible marks, trimmed', () => {
    expect(name.parse('\u202EIvan\u202C')).toBe('Ivan');
    expect(name.parse(' \u2066Олена\u2069 ')).toBe('Олена');
    expect(optional.parse('\uFEFFHà\u200B')).toBe('Hà');
    // The limit counts what is kept.
    expect(name.parse(`${'\u200B'.repeat(20)}Ivan`)).toBe('Ivan');
  });
  it('is refused when nothing visible is left', () => {
    for (const value of ['', '   ', '\u200B', '\u202E\u202C', ' \u200F\uFEFF '])
      expect(name.safeParse(value).success, JSON.stringify(value)).toBe(false);
    expect(optional.safeParse('\u200B\u200E').success).toBe(false);
    expect(optional.parse('')).toBeNull();
    expect(optional.parse(null)).toBeNull();
  });
});

describe('dates within limits', () => {
  afterEach(() => vi.useRealTimers());
  const birth = isoDate.superRefine(withinDates('1900-01-01', { yearsFromToday: 0 }, 'The date of birth'));
  const ahead = z.iso.datetime({ offset: true }).superRefine(withinDates('2000-01-01', { yearsFromToday: 1 }, 'The consultation'));

  it("reads today when a value is checked, as Prague's day", () => {
    vi.useFakeTimers();
    // 23:30 UTC on 31 December is already 1 January in Prague.
    vi.setSystemTime(new Date('2026-12-31T23:30:00Z'));
    expect(birth.safeParse('2027-01-01').success).toBe(true);
    expect(birth.safeParse('2027-01-02').success).toBe(false);
    // The same schema, a day later: no value was frozen when it was built.
    vi.setSystemTime(new Date('2027-01-01T23:30:00Z'));
    expect(birth.safeParse('2027-01-02').success).toBe(true);
  });

  it('refuses dates before the earliest and after the latest, naming the limit', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-06-15T10:00:00Z'));
    expect(birth.safeParse('1900-01-01').success).toBe(true);
    const early = birth.safeParse('1899-12-31');
    expect(early.error?.issues.map((i) => i.message)).toEqual(['The date of birth must not be before 1900-01-01']);
    expect(birth.safeParse('2026-06-16').error?.issues.map((i) => i.message)).toEqual(['The date of birth must not be after 2026-06-15']);
    expect(ahead.safeParse('2027-06-15T23:00:00+02:00').success).toBe(true);
    expect(ahead.safeParse('2027-06-16T00:30:00+02:00').success).toBe(false);
    expect(ahead.safeParse('1999-12-31T22:59:00Z').success).toBe(false);
    expect(ahead.safeParse('0000-01-01T00:00:00Z').success).toBe(false);
    // A malformed date is reported once, by the format check.
    expect(birth.safeParse('2026-02-30').error?.issues).toHaveLength(1);
  });

  it('counts years from 29 February to 28 February', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2028-02-29T10:00:00Z'));
    expect(ahead.safeParse('2029-02-28T10:00:00Z').success).toBe(true);
    expect(ahead.safeParse('2029-03-01T10:00:00Z').success).toBe(false);
  });
});
