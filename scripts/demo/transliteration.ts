/**
 * Just enough transliteration to give demo clients the Latin spelling their passports carry. This is
 * not the search normaliser (that one must also know older and Czech spellings); it writes names one
 * way, by the scheme each country's passports use (DOMAIN.md section 6).
 */

type Table = Record<string, string>;

/** Ukrainian, Cabinet of Ministers Resolution No. 55 of 2010 (passports since 2010). */
const ukrainian: Table = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
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
  ь: '',
  ю: 'iu',
  я: 'ia',
  "'": '',
  '’': '',
  ʼ: '',
};
/** Letters written differently at the start of a word. */
const ukrainianInitial: Table = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

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

/** Mongolian, MNS 5217:2012, with ö and ü folded to o and u as machine-readable documents write them. */
const mongolian: Table = {
  ...russian,
  е: 'ye',
  ё: 'yo',
  ж: 'j',
  й: 'i',
  ө: 'o',
  ү: 'u',
  щ: 'sh',
  ъ: 'i',
  ь: 'i',
  ю: 'yu',
  я: 'ya',
};

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
const schemes: Record<Scheme, { table: Table; initial?: Table; pairs?: Table }> = {
  uk: { table: ukrainian, initial: ukrainianInitial, pairs: { зг: 'zgh' } },
  ru: { table: russian },
  kk: { table: kazakh },
  mn: { table: mongolian },
  bg: { table: bulgarian },
};

const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);

/** Writes a Cyrillic name in Latin letters by the given passport scheme, keeping capitals. */
export function transliterate(value: string, scheme: Scheme): string {
  const { table, initial, pairs } = schemes[scheme];
  const chars = [...value];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    const lower = char.toLowerCase();
    const upper = char !== lower;
    const pair = pairs?.[(lower + (chars[i + 1] ?? '')).toLowerCase()];
    // "Start of a word" ignores apostrophes: in Короп'є the є is inside the word.
    const atStart = !isLetter(chars[i - 1]) && chars[i - 1] !== "'" && chars[i - 1] !== '’';
    let latin = pair ?? (atStart ? initial?.[lower] : undefined) ?? table[lower];
    if (pair) i++;
    if (latin === undefined) latin = lower;
    out += upper && latin.length > 0 ? (latin[0] as string).toUpperCase() + latin.slice(1) : latin;
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
