import { type MatchReason, namePartKeys, splitNameParts } from '../../../shared/index.js';
import type { NameWord } from './search-query.js';

type Names = { givenName: string; familyName: string; givenNameNative: string | null; familyNameNative: string | null };

/** A name part as stored, with what it is compared by. */
type Part = { folded: string; keys: string[]; native: boolean };

/** Case and accents folded away, as the database's integra_fold does (đ does not decompose). */
export function foldText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

const latinOnly = /^[\p{Script=Latin}\p{M}]+$/u;

function partsOf(names: Names): Part[] {
  const part = (word: string, native: boolean): Part => ({
    folded: foldText(word),
    keys: namePartKeys(word),
    // A name typed in Cyrillic into the passport fields is still the native-script name.
    native: native || !latinOnly.test(word),
  });
  return [
    ...splitNameParts(`${names.givenName} ${names.familyName}`).map((w) => part(w, false)),
    ...splitNameParts(`${names.givenNameNative ?? ''} ${names.familyNameNative ?? ''}`).map((w) => part(w, true)),
  ];
}

/** Strongest first: the reason shown when only one fits. */
const strength: MatchReason[] = ['passport_name', 'native_name', 'other_spelling', 'name_start', 'similar_spelling'];

/** Why one typed word matched the client's names (the search already knows that it did). */
function wordReason(word: NameWord, parts: Part[]): MatchReason {
  const typed = splitNameParts(word.text).map(foldText).join(' ') || foldText(word.text);
  const whole = parts.find((p) => p.folded === typed);
  if (whole) return whole.native ? 'native_name' : 'passport_name';
  const sameKeys = parts.find((p) => p.keys.some((key) => word.keys.includes(key)));
  if (sameKeys) return sameKeys.native ? 'native_name' : 'other_spelling';
  const started = parts.some((p) => p.folded.startsWith(typed) || p.keys.some((key) => word.keys.some((k) => key.startsWith(k))));
  return started ? 'name_start' : 'similar_spelling';
}

/** Why the names matched the typed words, strongest first, each reason once. */
export function nameReasons(words: NameWord[], names: Names): MatchReason[] {
  const parts = partsOf(names);
  const found = new Set(words.map((word) => wordReason(word, parts)));
  return strength.filter((reason) => found.has(reason));
}
