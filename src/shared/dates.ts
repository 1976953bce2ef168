/** The centre's time zone: "today" for permits and eligibility is the calendar day in Czechia. */
export const centreTimeZone = 'Europe/Prague';

/** The calendar date (YYYY-MM-DD) of an instant in the centre's time zone. */
export function toCentreDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: centreTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
