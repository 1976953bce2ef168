import Holidays from 'date-holidays';
import type { HolidayResponse, UiLanguage } from '../../../shared/index.js';

/** Czech public holidays (state holidays and other days off by law); observances such as Mother's Day are not days off. */
const czechHolidays = new Holidays('CZ');

/** date-holidays names Czech holidays in Czech (its code: `cz`) and English only (and one of them in Ukrainian). */
const nameLanguage: Record<UiLanguage, string> = { cs: 'cz', en: 'en', uk: 'en' };

function publicHolidaysOf(year: number, language: string): HolidayResponse[] {
  return czechHolidays
    .getHolidays(year, language)
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => ({ date: holiday.date.slice(0, 10), name: holiday.name }));
}

/** The public holiday on a calendar date (YYYY-MM-DD) in Czechia, or null on a working day. */
export function findPublicHoliday(date: string): HolidayResponse | null {
  return publicHolidaysOf(Number(date.slice(0, 4)), 'cz').find((holiday) => holiday.date === date) ?? null;
}

/** The public holidays from one date to another, both included, named in the UI language. */
export function findPublicHolidays(from: string, to: string, language: UiLanguage): HolidayResponse[] {
  const holidays: HolidayResponse[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    holidays.push(...publicHolidaysOf(year, nameLanguage[language]).filter((h) => h.date >= from && h.date <= to));
  }
  return holidays;
}
