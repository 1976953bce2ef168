/** The centre's time zone: "today" for permits and eligibility is the calendar day in Czechia. */
export const centreTimeZone = 'Europe/Prague';

/** The calendar date (YYYY-MM-DD) of an instant in the centre's time zone. */
export function toCentreDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: centreTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/**
 * The instant the next calendar day begins in the centre's time zone (00:00 in Prague, 22:00 or
 * 23:00 UTC the day before). Summer time changes at 02:00/03:00, so midnight always exists.
 */
export function nextCentreMidnight(instant: Date): Date {
  const [year, month, day] = toCentreDate(instant).split('-').map(Number) as [number, number, number];
  const nextUtcMidnight = Date.UTC(year, month - 1, day + 1);
  const nextDate = toCentreDate(new Date(nextUtcMidnight + 12 * 3_600_000));
  for (const hours of [2, 1, 0, 3]) {
    const candidate = nextUtcMidnight - hours * 3_600_000;
    if (toCentreDate(new Date(candidate)) === nextDate && toCentreDate(new Date(candidate - 1)) !== nextDate) return new Date(candidate);
  }
  throw new Error('No midnight found in the centre time zone');
}
