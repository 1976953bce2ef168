import { isRealIsoDate } from '../../../shared/index.js';

/** Reads 31. 12. 2026, 31.12.2026, 31/12/2026 or 2026-12-31 as a calendar date. */
export function parseTypedDate(input: string): string | null {
  const value = input.trim();
  let year: string | undefined;
  let month: string | undefined;
  let day: string | undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const local = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})$/.exec(value);
  if (iso) [, year, month, day] = iso;
  else if (local) [, day, month, year] = local;
  if (!year || !month || !day) return null;
  const candidate = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isRealIsoDate(candidate) ? candidate : null;
}
