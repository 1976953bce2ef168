import { describe, expect, it } from 'vitest';
import { isoDate, isRealIsoDate, removeInvisibleMarks, visibleLength } from './common.js';
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
