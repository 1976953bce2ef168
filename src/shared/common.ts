import { z } from 'zod';
import { countryCodes, languageCodes } from './reference-codes.js';

/** True for a real calendar date written as YYYY-MM-DD (rejects 2026-02-30). */
export function isRealIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Zero-width and bidirectional marks (and soft hyphens) that copy-paste brings along invisibly. */
const invisibleMarks = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/gu;

/** The text without invisible marks. */
export function removeInvisibleMarks(value: string): string {
  return value.replace(invisibleMarks, '');
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
