import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { commonLanguageCodes, languageCodes } from '../../../shared/index.js';

export type Option = { value: string; label: string };

/** Lower case without accents, for comparing what is typed with names. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim();

/**
 * The language options of a picker: only languages that have a name in the UI language (a name that
 * is just the code is no name), each name once, the common languages of the centre's clients first
 * (in their order) and the others after them in the UI language's alphabetical order.
 */
export function toLanguageOptions(
  nameOf: (code: string) => string,
  compare: (a: string, b: string) => number,
  codes: readonly string[] = languageCodes,
): Option[] {
  const common: readonly string[] = commonLanguageCodes;
  const rank = (code: string) => (common.includes(code) ? common.indexOf(code) : common.length);
  const named = codes
    .map((code) => ({ value: code, label: nameOf(code).trim() }))
    .filter((option) => option.label !== '' && fold(option.label) !== fold(option.value))
    .sort((a, b) => rank(a.value) - rank(b.value) || compare(a.label, b.label));
  const seen = new Set<string>();
  return named.filter((option) => {
    const key = fold(option.label);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The options that match what is typed, best first: a name that starts with it, then a name with a
 * word that starts with it (or the code itself), then a name that contains it; within each, the
 * options keep their order (common languages first).
 */
export function rankLanguageOptions<T extends Option>(options: readonly T[], search: string): T[] {
  const query = fold(search);
  if (!query) return [...options];
  const scored = options.flatMap((option) => {
    const label = fold(option.label);
    if (label.startsWith(query)) return [{ option, score: 0 }];
    if (label.split(/[\s(),-]+/).some((word) => word.startsWith(query)) || option.value === query) return [{ option, score: 1 }];
    if (label.includes(query)) return [{ option, score: 2 }];
    return [];
  });
  return scored.sort((a, b) => a.score - b.score).map((entry) => entry.option);
}

const isItem = (item: ComboboxParsedItem): item is ComboboxItem => 'value' in item;

/** Mantine's search of a language picker: prefix matches first (see rankLanguageOptions). */
export const languageOptionsFilter: OptionsFilter = ({ options, search, limit }) =>
  rankLanguageOptions(options.filter(isItem), search).slice(0, limit);
