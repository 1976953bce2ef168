/**
 * Cyrillic → Latin romanisation schemes that real documents use. A person may hold papers written in
 * several of them, so matching transliterates a Cyrillic name with every scheme rather than guessing
 * the language.
 */

/** Identifiers of the schemes, named after the standard that defines them. */
export type CyrillicScheme =
  | 'uk-kmu55-2010'
  | 'uk-1996'
  | 'uk-2007'
  | 'ru-icao9303'
  | 'ru-mvd310-1997'
  | 'cs-transcription-uk'
  | 'cs-transcription-ru'
  | 'mn-mns5217';

/** A letter's Latin form: one string, or `[word-initial, elsewhere]` for letters whose form depends on position. */
type LetterForm = string | readonly [string, string];

type SchemeTable = {
  letters: Readonly<Record<string, LetterForm>>;
  /** KMU 55 writes г after з as "gh" so that "zgh" is not read as "zh". */
  zgh?: boolean;
  /** Czech transcription of Russian writes ь before a vowel as j (Ильич → Iljič). */
  softSignBeforeVowel?: string;
};

/** Letters every scheme shares, so one table only lists where it differs. */
const common: Record<string, LetterForm> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: ['yi', 'i'],
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  є: ['ye', 'ie'],
  ю: ['yu', 'iu'],
  я: ['ya', 'ia'],
};

const ukrainian2010: Record<string, LetterForm> = {
  ...common,
  г: 'h',
  и: 'y',
  ї: ['yi', 'i'],
  й: ['y', 'i'],
  ё: ['yo', 'io'],
};

const czechCommon: Record<string, LetterForm> = {
  ...common,
  ё: 'jo',
  ж: 'ž',
  й: 'j',
  х: 'ch',
  ц: 'c',
  ч: 'č',
  ш: 'š',
  щ: 'šč',
  є: 'je',
  ї: 'ji',
  ю: 'ju',
  я: 'ja',
};

const schemeTables: Record<CyrillicScheme, SchemeTable> = {
  'uk-kmu55-2010': { letters: ukrainian2010, zgh: true },
  'uk-1996': { letters: { ...ukrainian2010, щ: 'sch' } },
  'uk-2007': { letters: ukrainian2010 },
  'ru-icao9303': { letters: { ...common, ъ: 'ie', ю: 'iu', я: 'ia', є: 'ie', ї: 'i' } },
  'ru-mvd310-1997': { letters: { ...common, е: ['ye', 'e'], ё: ['ye', 'e'], й: 'y', ю: 'yu', я: 'ya' } },
  'cs-transcription-uk': { letters: { ...czechCommon, г: 'h', и: 'y' } },
  'cs-transcription-ru': { letters: { ...czechCommon, е: ['je', 'e'] }, softSignBeforeVowel: 'j' },
  'mn-mns5217': {
    letters: { ...common, е: 'ye', ё: 'yo', ж: 'j', ө: 'ö', ү: 'ü', ъ: 'i', ь: 'i', ю: 'yu', я: 'ya' },
  },
};

/** Every scheme, in the order keys are generated. */
export const cyrillicSchemes = Object.keys(schemeTables) as CyrillicScheme[];

const apostrophes = new Set(["'", '’', 'ʼ', '`', '‘', 'ʹ', '′']);
const cyrillicVowels = new Set([...'аеёиіїоуыэєюяөү']);

/** True for any character of the Cyrillic block or its supplement. */
export function isCyrillic(char: string): boolean {
  return /[\u0400-\u052F]/u.test(char);
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && /\p{L}/u.test(char);
}

function isUpper(char: string): boolean {
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

function isApostrophe(char: string | undefined): boolean {
  return char !== undefined && apostrophes.has(char);
}

/**
 * Romanise text with one scheme. Capitalisation follows the source: a capital letter gives a
 * capitalised form ("Щ" → "Shch"), and a word written all in capitals stays all in capitals.
 * Characters that are not Cyrillic pass through; apostrophes inside a word are dropped.
 */
export function transliterateCyrillic(text: string, scheme: CyrillicScheme): string {
  const table = schemeTables[scheme];
  const chars = [...text];
  let out = '';
  let wordStart = 0;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    const prev = chars[i - 1];
    const atWordStart = !isLetter(prev) && !(isApostrophe(prev) && isLetter(chars[i - 2]));
    if (atWordStart) wordStart = i;
    if (isApostrophe(char) && isLetter(prev) && isLetter(chars[i + 1])) continue;
    const lower = char.toLowerCase();
    const form = table.letters[lower];
    if (form === undefined) {
      out += char;
      continue;
    }
    let latin = typeof form === 'string' ? form : atWordStart ? form[0] : form[1];
    if (table.zgh && lower === 'г' && prev?.toLowerCase() === 'з') latin = 'gh';
    if (table.softSignBeforeVowel && lower === 'ь' && cyrillicVowels.has(chars[i + 1]?.toLowerCase() ?? '')) {
      latin = table.softSignBeforeVowel;
    }
    if (isUpper(char)) latin = isAllCapsWord(chars, wordStart) ? latin.toUpperCase() : capitalise(latin);
    out += latin;
  }
  return out;
}

function capitalise(latin: string): string {
  return latin.charAt(0).toUpperCase() + latin.slice(1);
}

/** A word of two or more letters with no lower-case letter is written in capitals ("ШЕВЧЕНКО"). */
function isAllCapsWord(chars: string[], start: number): boolean {
  let letters = 0;
  for (let i = start; i < chars.length; i++) {
    const char = chars[i] as string;
    if (isApostrophe(char)) continue;
    if (!isLetter(char)) break;
    if (!isUpper(char)) return false;
    letters++;
  }
  return letters > 1;
}
