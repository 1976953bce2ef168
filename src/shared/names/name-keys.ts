import { removeInvisibleMarks } from '../common.js';
import { type CyrillicScheme, cyrillicSchemes, isCyrillic, transliterateCyrillic } from './cyrillic-schemes.js';

/**
 * Comparison keys for names written in any script or romanisation scheme.
 *
 * A key is a "skeleton": lower-case ASCII in which spellings that schemes use for the same sound are
 * folded to one symbol (upper-case letters mark folded classes: S ш, Z ж, C ч, Q щ, H х/h, T ц).
 * A Cyrillic part is romanised with every scheme; a Latin part is read in the few ways its letters
 * are ambiguous ("ch" is ч in English and х in Czech; "j" is й in Czech and ж in Mongolian).
 * Two names a person would call the same then share at least one key.
 */

/** How an ambiguous Latin spelling is read when folding. */
type Reading = { ch: 'C' | 'H'; j: 'i' | 'Z' };

const latinReadings: readonly Reading[] = [
  { ch: 'C', j: 'i' },
  { ch: 'H', j: 'i' },
  { ch: 'C', j: 'Z' },
  { ch: 'H', j: 'Z' },
];

/** The reading each scheme's own output is written in, so Cyrillic gets no spurious keys. */
const schemeReadings: Record<CyrillicScheme, Reading> = {
  'uk-kmu55-2010': { ch: 'C', j: 'i' },
  'uk-1996': { ch: 'C', j: 'i' },
  'uk-2007': { ch: 'C', j: 'i' },
  'ru-icao9303': { ch: 'C', j: 'i' },
  'ru-mvd310-1997': { ch: 'C', j: 'i' },
  'cs-transcription-uk': { ch: 'H', j: 'i' },
  'cs-transcription-ru': { ch: 'H', j: 'i' },
  'mn-mns5217': { ch: 'C', j: 'Z' },
};

/** Upper bound on whole-name keys, so a long name cannot blow up the product of part keys. */
const maxFullNameKeys = 256;

/** Letters NFD does not decompose, or that stand for a sound the skeleton folds. */
const letterFolds: Record<string, string> = {
  đ: 'd',
  ð: 'd',
  ß: 'ss',
  ł: 'l',
  ø: 'o',
  æ: 'a',
  œ: 'o',
  ı: 'i',
  ä: 'a',
  ö: 'o',
  ü: 'u',
  š: 'S',
  ž: 'Z',
  č: 'C',
  ć: 'C',
};

const apostrophePattern = /['’ʼ`‘ʹ′]/gu;

/**
 * Split a name into its parts: lower-case words with apostrophes and invisible marks removed, hyphens
 * and runs of spaces treated alike, so "Anna-Maria", "Anna Maria" and "anna  maria" give the same parts.
 */
export function splitNameParts(name: string): string[] {
  return removeInvisibleMarks(name.normalize('NFC'))
    .replace(apostrophePattern, '')
    .toLowerCase()
    .split(/[^\p{L}\p{M}]+/u)
    .filter((part) => part.length > 0);
}

/** Keys of one name part (a single word); what the search indexes per given or family name. */
export function namePartKeys(part: string): string[] {
  const keys = new Set<string>();
  const word = removeInvisibleMarks(part.normalize('NFC')).replace(apostrophePattern, '').toLowerCase();
  if ([...word].some(isCyrillic)) {
    for (const scheme of cyrillicSchemes) {
      const key = foldSkeleton(transliterateCyrillic(word, scheme), schemeReadings[scheme]);
      if (key) keys.add(key);
    }
  } else {
    for (const key of latinKeys(word)) keys.add(key);
  }
  return [...keys].sort();
}

/**
 * Keys of a Latin word already split, lower-cased and without apostrophes or invisible marks (as
 * namePartKeys leaves it, or a plain a-z spelling), in each reading of its ambiguous letters.
 */
export function latinKeys(word: string): string[] {
  // The readings differ only in "ch" and "j": a word with neither has one key (and is folded once).
  const ambiguous = /[cj]/.test(word.normalize('NFD'));
  const keys = new Set<string>();
  for (const reading of ambiguous ? latinReadings : latinReadings.slice(0, 1)) {
    const key = foldSkeleton(word, reading);
    if (key) keys.add(key);
  }
  return [...keys];
}

/**
 * Keys of a whole name in any order of its parts: each key is the sorted keys of the parts joined by a
 * space, so "Nguyễn Thị Hương" and "Huong Nguyen Thi" share one.
 */
export function nameKeys(name: string): string[] {
  const partKeys = splitNameParts(name).map(namePartKeys);
  if (partKeys.length === 0) return [];
  let combos: string[][] = [[]];
  for (const keys of partKeys) {
    const next: string[][] = [];
    for (const combo of combos) {
      for (const key of keys) {
        if (next.length < maxFullNameKeys) next.push([...combo, key]);
      }
    }
    combos = next;
  }
  return [...new Set(combos.map((combo) => [...combo].sort().join(' ')))].sort();
}

/** Order-insensitive keys of given and family names together, for documents that swap the order. */
export function fullNameKeys(given: string, family: string): string[] {
  return nameKeys(`${given} ${family}`);
}

/** True when two names share a key; the search adds trigram similarity on top for typos. */
export function namesMatch(a: string, b: string): boolean {
  const keysOfA = new Set(nameKeys(a));
  return keysOfA.size > 0 && nameKeys(b).some((key) => keysOfA.has(key));
}

/** Fold a Latin spelling to its skeleton. The order of the steps matters: longer spellings go first. */
function foldSkeleton(latin: string, reading: Reading): string {
  let s = [...latin.toLowerCase()].map((char) => letterFolds[char] ?? char).join('');
  s = s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-zSZCQHT]/g, '');
  s = s.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u').replace(/SC/g, 'Q').replace(/shch/g, 'Q');
  if (reading.ch === 'C') s = s.replace(/sch/g, 'Q');
  s = s
    .replace(/zh/g, 'Z')
    .replace(/sh/g, 'S')
    .replace(/ph/g, 'f')
    .replace(/kh/g, 'H')
    .replace(/ch/g, reading.ch)
    .replace(/h/g, 'H')
    .replace(/ts/g, 'T')
    .replace(/c/g, 'T')
    .replace(/x/g, 'ks')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/j/g, reading.j)
    .replace(/(.)\1+/g, '$1')
    .replace(/ie/g, 'e')
    .replace(/(.)\1+/g, '$1')
    .replace(/^o/, 'a');
  return s;
}
