import { isRealIsoDate, namePartKeys, removeInvisibleMarks, splitNameParts } from '../../../shared/index.js';

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
  query.nameWords = query.nameWords.filter((word) => word.text.length > 0);
  return query;
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
  if (nameWordPattern.test(word) && [...word].length <= maxNameWordLength)
    return { text: word, keys: [...new Set(splitNameParts(word).flatMap(namePartKeys))] };
  // Digits, wildcards or other symbols: compared only as written, so "a%b" never matches "axxb".
  return { text: /[\p{L}\p{N}%_\\]/u.test(word) ? word : '', keys: [] };
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
