import { z } from 'zod';
import { toCentreDate } from './dates.js';
import { countryCodes, languageCodes } from './reference-codes.js';

/** True for a real calendar date written as YYYY-MM-DD (rejects 2026-02-30). */
export function isRealIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Invisible formatting characters (Unicode category Cf) that copy-paste brings along or an attacker
 * plants: bidirectional overrides, isolates and marks (U+202A–202E, U+2066–2069, U+200E/200F, U+061C),
 * zero-width characters (U+200B–200D, U+2060, U+FEFF), soft hyphens, tag characters.
 */
const invisibleMarks = /\p{Cf}/gu;

/** The text without invisible marks: the one way names, file names and search terms are cleaned. */
export function removeInvisibleMarks(value: string): string {
  return value.replace(invisibleMarks, '');
}

/**
 * A person's name (a client's in either script, a contact's, a staff member's): invisible marks
 * removed, trimmed, and refused when nothing visible is left.
 */
export function personName(max: number) {
  return z.string().overwrite(removeInvisibleMarks).trim().min(1, { message: 'Give a name with visible characters' }).max(max);
}

/** An optional person's name: an empty string or null clears it, but a name of only invisible marks is refused. */
export function optionalPersonName(max: number) {
  return z
    .string()
    .refine((value) => value.trim() === '' || removeInvisibleMarks(value).trim() !== '', {
      message: 'Give a name with visible characters',
    })
    .overwrite(removeInvisibleMarks)
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v ? v : null));
}

/**
 * Characters of a text that a person can see: invisible marks do not count, nor do combining marks
 * (a decomposed "á" is one character). The search's two-character minimum counts these.
 */
export function visibleLength(value: string): number {
  return [...removeInvisibleMarks(value.normalize('NFC').replace(/\p{M}/gu, '')).trim()].length;
}

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z
  .string()
  .refine(isRealIsoDate, { message: 'Must be a real date written as YYYY-MM-DD' })
  .meta({ format: 'date', example: '2026-03-15' });

/** A limit of a plausible date: a fixed day, or one counted from today (the centre's, read at each check). */
type DateLimit = string | { yearsFromToday: number };

function limitOn(limit: DateLimit, today: string): string {
  if (typeof limit === 'string') return limit;
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  // 29 February a whole number of years away is 28 February in a common year.
  const shifted = new Date(Date.UTC(year + limit.yearsFromToday, month - 1, day));
  if (shifted.getUTCDate() !== day) shifted.setUTCDate(0);
  return shifted.toISOString().slice(0, 10);
}

/**
 * Refuses a calendar date (YYYY-MM-DD, or the centre's day of an instant) outside [earliest, latest].
 * Limits relative to today are computed when a value is checked, not when the schema is built, so a
 * server running for weeks still knows what day it is; "today" is the day in Prague.
 */
export function withinDates(earliest: DateLimit, latest: DateLimit, what: string) {
  return (value: string, ctx: z.RefinementCtx) => {
    const isDay = /^\d{4}-\d{2}-\d{2}$/.test(value);
    // A malformed value is the format check's to report.
    if (isDay ? !isRealIsoDate(value) : Number.isNaN(Date.parse(value))) return;
    const date = isDay ? value : toCentreDate(new Date(value));
    if (!isRealIsoDate(date)) {
      ctx.addIssue({ code: 'custom', message: `${what} is not a plausible date` });
      return;
    }
    const today = toCentreDate(new Date());
    const [from, to] = [limitOn(earliest, today), limitOn(latest, today)];
    if (date < from) ctx.addIssue({ code: 'custom', message: `${what} must not be before ${from}`, params: { earliest: from } });
    if (date > to) ctx.addIssue({ code: 'custom', message: `${what} must not be after ${to}`, params: { latest: to } });
  };
}

export const uuid = z.uuid();
export const idParams = z.strictObject({ id: uuid });

/** Trimmed single-line text with a length limit; empty strings are rejected. */
export function text(max: number) {
  return z.string().trim().min(1).max(max);
}

/** Optional free text: an empty string or null clears it. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v ? v : null));
}

export const countryCode = z.enum(countryCodes, { message: 'Unknown country code (ISO 3166-1 alpha-2)' });
export const languageCode = z.enum(languageCodes, { message: 'Unknown language code (ISO 639-1)' });

/** UI languages of the staff application. */
export const uiLanguages = ['cs', 'en', 'uk'] as const;
export type UiLanguage = (typeof uiLanguages)[number];
export const uiLanguage = z.enum(uiLanguages);

export const pagingQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

/** A page of a list. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const errorResponse = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .meta({ id: 'Error' });

export const okResponse = z.object({ ok: z.literal(true) });
