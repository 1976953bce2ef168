/**
 * Just enough transliteration to give demo clients the Latin spelling their passports carry: one way,
 * by the scheme each country's passports use (DOMAIN.md section 6). Ukrainian, Russian and Mongolian
 * come from the search normaliser's schemes (src/shared/names); Kazakh and Bulgarian are written here.
 */

import { type CyrillicScheme, transliterateCyrillic } from '../../src/shared/names/cyrillic-schemes.js';

type Table = Record<string, string>;

/** Russian, ICAO Doc 9303 (Russian passports since 2015). */
const russian: Table = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/** Kazakh Cyrillic: the Russian ICAO letters plus Kazakh ones, written plainly as Kazakh passports do. */
const kazakh: Table = { ...russian, ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i' };

/** Bulgarian, the official streamlined system (Transliteration Act 2009). */
const bulgarian: Table = {
  ...russian,
  х: 'h',
  щ: 'sht',
  ъ: 'a',
  ь: 'y',
  ю: 'yu',
  я: 'ya',
  й: 'y',
};

export type Scheme = 'uk' | 'ru' | 'kk' | 'mn' | 'bg';

/** Schemes the search normaliser knows: the demo uses the same code to write passport spellings. */
const sharedSchemes: Partial<Record<Scheme, CyrillicScheme>> = { uk: 'uk-kmu55-2010', ru: 'ru-icao9303', mn: 'mn-mns5217' };
/** Kazakh and Bulgarian spellings, which only the demo needs. */
const localTables: Partial<Record<Scheme, Table>> = { kk: kazakh, bg: bulgarian };

/** Writes a Cyrillic name in Latin letters by the given passport scheme, keeping capitals. */
export function transliterate(value: string, scheme: Scheme): string {
  const shared = sharedSchemes[scheme];
  // Mongolian machine-readable lines write ö and ü as o and u.
  if (shared) return stripDiacritics(transliterateCyrillic(value, shared));
  const table = localTables[scheme] ?? russian;
  let out = '';
  for (const char of value) {
    const lower = char.toLowerCase();
    const latin = table[lower] ?? lower;
    out += char !== lower && latin.length > 0 ? (latin[0] as string).toUpperCase() + latin.slice(1) : latin;
  }
  return out;
}

/** Drops diacritics, as passports' Latin lines do (Nguyễn → Nguyen); đ does not decompose, so it is mapped. */
export function stripDiacritics(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'));
}
