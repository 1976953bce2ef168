import {
  caronReadings,
  isRealIsoDate,
  latinKeys,
  maxShortKeyLength,
  namePartKeys,
  nearKeys,
  nearSpellings,
  removeInvisibleMarks,
  splitNameParts,
} from '../../../shared/index.js';
import { foldText } from './match-reasons.js';

/** What a search for clients asks, read from the text a person typed. */
export type SearchQuery = {
  /** Client numbers, normalised to 2026-00042. */
  clientNumbers: string[];
  /** Digits of a phone number without the Czech country code. */
  phoneDigits: string | null;
  email: string | null;
  dateOfBirth: string | null;
  yearOfBirth: number | null;
  /** Words of a name, each with its comparison keys (empty for a word matched only as written). */
  nameWords: NameWord[];
};

export type NameWord = {
  /** The word as typed, for the literal (accent-folded) comparison. */
  text: string;
  /** Comparison keys of the word in every scheme; empty when the word holds more than letters. */
  keys: string[];
  /**
   * Keys one typo away from the word's keys (see nearKeys), in two tiers: a letter missing or two
   * swapped (`likely`), a letter changed or added (`other`); none of them a key of the word. `finds`:
   * a key is short enough that only these find its typos (trigram similarity finds longer ones).
   */
  near: { likely: string[]; other: string[]; finds: boolean };
};

/** More words than a name has are ignored, so a pasted paragraph cannot make a huge query. */
const maxNameWords = 6;
/** Longer words are no part of a name: "xxxx…" would be similar to many names by its few trigrams. */
const maxNameWordLength = 40;
/** Fewest digits that are read as a phone number rather than part of a name or a year. */
const minPhoneDigits = 6;

/** A word of a name: letters (with combining marks), with apostrophes and hyphens inside. */
const nameWordPattern = /^\p{L}[\p{L}\p{M}]*(?:['’ʼ`‘-]\p{L}[\p{L}\p{M}]*)*$/u;
/** Punctuation around a word ("Shevchenko," "T." "(Anna)"); LIKE's wildcards stay, to be matched as written. */
const edgePunctuation = /^[^\p{L}\p{M}\p{N}%_\\]+|[^\p{L}\p{M}\p{N}%_\\]+$/gu;
/** A client number, or several separated by spaces. */
const clientNumbersPattern = /^\d{4}[-/]\d{1,5}(?:\s+\d{4}[-/]\d{1,5})*$/;

/**
 * Reads a search. Client numbers, dates ("15.3.1985", "15. 3. 1985", "1985-03-15"), years, phone
 * numbers in any format and e-mail addresses are recognised; every other word is part of a name.
 * Text that names nothing (only emoji or punctuation) gives an empty query, which finds nobody.
 */
export function parseSearchQuery(raw: string): SearchQuery {
  const query: SearchQuery = { clientNumbers: [], phoneDigits: null, email: null, dateOfBirth: null, yearOfBirth: null, nameWords: [] };
  const text = removeInvisibleMarks(raw.normalize('NFC'))
    .replace(/(\d{1,2})\.\s+(\d{1,2})\.\s*(\d{4})/g, '$1.$2.$3')
    .trim();
  const phone = phoneDigitsOf(text);
  if (phone) return { ...query, phoneDigits: phone };
  for (const word of text.split(/[\s,;]+/).filter(Boolean)) {
    const date = dateOf(word);
    const number = date ? null : /^(\d{4})[-/](\d{1,5})$/.exec(word);
    if (number) query.clientNumbers.push(`${number[1]}-${(number[2] as string).padStart(5, '0')}`);
    else if (date) query.dateOfBirth = date;
    else if (/^(19|20)\d{2}$/.test(word)) query.yearOfBirth = Number(word);
    else if (word.includes('@')) query.email = word.toLowerCase();
    else if (query.nameWords.length < maxNameWords) query.nameWords.push(nameWordOf(word));
  }
  query.nameWords = withoutOtherWordsKeys(query.nameWords.filter((word) => word.text.length > 0));
  return query;
}

/**
 * A word typed as another word of the query is no typo of it: in "Nguyen Van Nan" the client's Van is
 * matched by "Van", so "Nan" must not match it again as one letter away (which would put every Nguyen
 * Van before Nguyen Van Nam).
 */
function withoutOtherWordsKeys(words: NameWord[]): NameWord[] {
  return words.map((word) => {
    const others = new Set(words.filter((w) => w !== word).flatMap((w) => w.keys));
    if (others.size === 0) return word;
    const near = word.near;
    return {
      ...word,
      near: { ...near, likely: near.likely.filter((k) => !others.has(k)), other: near.other.filter((k) => !others.has(k)) },
    };
  });
}

/** True when the query can match nobody: nothing in it was a name, number, date or contact. */
export function isEmptyQuery(query: SearchQuery): boolean {
  return (
    query.clientNumbers.length === 0 &&
    !query.phoneDigits &&
    !query.email &&
    !query.dateOfBirth &&
    query.yearOfBirth === null &&
    query.nameWords.length === 0
  );
}

function nameWordOf(typed: string): NameWord {
  // Emoji, pictographs and control characters name nobody; they are dropped, not matched.
  const word = typed.replace(/[\p{Extended_Pictographic}\p{So}\p{Sk}\p{C}]/gu, '').replace(edgePunctuation, '');
  if (nameWordPattern.test(word) && [...word].length <= maxNameWordLength) {
    const keys = [...new Set(splitNameParts(word).flatMap(namePartKeys))];
    return { text: word, keys, near: nearKeysOf(word, keys) };
  }
  // Digits, wildcards or other symbols: compared only as written, so "a%b" never matches "axxb".
  return { text: /[\p{L}\p{N}%_\\]/u.test(word) ? word : '', keys: [], near: noNearKeys };
}

const noNearKeys: NameWord['near'] = { likely: [], other: [], finds: false };

/**
 * Most keys one typo away that a word is compared with: a Cyrillic word has up to four distinct keys
 * of some 600 neighbours each at the longest; the first keys' neighbours are kept when there are more.
 */
const maxNearKeys = 3_000;

/**
 * The keys one typo away from the word: the neighbours of each of its keys, and for a short Latin word
 * the keys of its spellings one edit away as typed (see nearSpellings); each once, in its likelier
 * tier, none a key of the word.
 */
function nearKeysOf(word: string, keys: string[]): NameWord['near'] {
  const own = new Set(keys);
  const likely = new Set<string>();
  const other = new Set<string>();
  const spellings = nearSpellings(foldText(word));
  for (const spelling of spellings.likely) for (const k of latinKeys(spelling)) likely.add(k);
  for (const spelling of spellings.other) for (const k of latinKeys(spelling)) other.add(k);
  // Typed without háčky ("Sevcenko"): as likely a slip as a missing letter.
  for (const key of keys) for (const k of caronReadings(key)) likely.add(k);
  for (const key of keys) {
    const near = nearKeys(key);
    if (likely.size + other.size + near.likely.length + near.other.length > maxNearKeys) break;
    for (const k of near.likely) likely.add(k);
    for (const k of near.other) other.add(k);
  }
  const keep = (k: string) => !own.has(k);
  return {
    likely: [...likely].filter(keep),
    other: [...other].filter((k) => keep(k) && !likely.has(k)),
    finds: keys.some((key) => key.length <= maxShortKeyLength),
  };
}

/**
 * The words of a name field ("Thi Thu Huong" has three) for the duplicate check, each compared on its
 * own; a field with nothing to compare (a single-name person's "-") gives none.
 */
export function nameFieldWords(value: string): NameWord[] {
  return value
    .split(/[\s,;]+/)
    .slice(0, maxNameWords)
    .map(nameWordOf)
    .filter((word) => word.text.length > 0);
}

/**
 * The digits of a phone number when the whole text is one ("+420 777 123 456", "(777) 123-456",
 * "00380 67 123 4567"), without the Czech country code; otherwise null.
 */
export function phoneDigitsOf(text: string): string | null {
  if (!/^\+?[\d\s()./-]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  // Shaped like a date (even an impossible one) or like client numbers: not a phone number.
  if (digits.length < minPhoneDigits || /^\d{1,2}[./]\s*\d{1,2}[./]\s*\d{4}$/.test(text) || /^\d{4}-\d{1,2}-\d{1,2}$/.test(text))
    return null;
  if (clientNumbersPattern.test(text)) return null;
  return digits.replace(/^00/, '').replace(/^420(?=\d{9}$)/, '');
}

/** A date of birth written the Czech way (15.3.1985, 15/3/1985) or as ISO (1985-03-15). */
function dateOf(word: string): string | null {
  const czech = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(word);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(word);
  const [year, month, day] = czech ? [czech[3], czech[2], czech[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!year || !month || !day) return null;
  const value = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isRealIsoDate(value) ? value : null;
}
