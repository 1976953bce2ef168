/**
 * Names with one typo. Trigram similarity cannot see a slip in a name of two to five letters ("Ha"
 * has three trigrams; "Nam" typed "Naa" shares one), and ranks a longer name with one slip
 * ("Shevcenko") no higher than names sharing only an ending. So a typed key is also compared by edit
 * distance: the keys one edit away from it are listed here, the database finds the clients holding one
 * of a short key's through the index of their keys, and ranks every match by them.
 */

/**
 * The symbols a key is made of (see name-keys.ts): the letters that survive the folding and the
 * upper-case class markers. A key one edit away from a typed key is made of these too.
 */
export const keyAlphabet = [...'abdefgiklmnoprstuvzSZCQHT'] as const;

/**
 * Keys up to this long are found by the keys one typo away: trigram similarity misses a slip in them
 * ("Naa" shares one trigram with Nam). Longer keys are found by trigram similarity, and the keys one
 * typo away only rank them (a one-letter slip above a name that shares only an ending).
 */
export const maxShortKeyLength = 5;

/** Keys longer than this are left to trigram similarity alone. */
export const maxNearKeyLength = 12;

/** Latin letters, for the spellings one edit away from a typed word. */
const latinLetters = [...'abcdefghijklmnopqrstuvwxyz'];

/** Latin words up to this long are also varied letter by letter as typed, before folding (see nearSpellings). */
export const maxShortWordLength = 5;

type Tiers = { likely: string[]; other: string[] };

/**
 * The strings one edit away from `letters` over an alphabet, in two tiers by how likely the given
 * string is a slip of them: `likely` where it lacks one of their letters or has two of them swapped
 * (the slip is fully determined: "Ha" typed "H" or "aH"); `other` where a letter was changed or one
 * added (any letter of the alphabet could have been the slip, so each one is far less likely).
 */
function oneEditAway(word: string, alphabet: readonly string[]): { likely: Set<string>; other: Set<string> } {
  // Keys and the Latin words varied here are ASCII, so string positions are letters.
  const likely = new Set<string>();
  const other = new Set<string>();
  for (let at = 0; at <= word.length; at++) {
    const before = word.slice(0, at);
    const after = word.slice(at);
    for (const symbol of alphabet) likely.add(before + symbol + after);
  }
  for (let at = 0; at + 1 < word.length; at++) {
    if (word[at] !== word[at + 1]) likely.add(word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2));
  }
  for (let at = 0; at < word.length; at++) {
    const before = word.slice(0, at);
    const after = word.slice(at + 1);
    for (const symbol of alphabet) if (symbol !== word[at]) other.add(before + symbol + after);
    if (word.length > 1) other.add(before + after);
  }
  return { likely, other };
}

/** The two tiers as sorted lists, each form once, in its likelier tier, without the excluded ones. */
function tiers(likely: Iterable<string>, other: Iterable<string>, excluded: ReadonlySet<string>): Tiers {
  const likelyForms = new Set([...likely].filter((k) => k !== '' && !excluded.has(k)));
  const otherForms = new Set([...other].filter((k) => k !== '' && !excluded.has(k) && !likelyForms.has(k)));
  return { likely: [...likelyForms].sort(), other: [...otherForms].sort() };
}

/**
 * The last steps of the key folding (name-keys.ts), which an edit can undo: a doubled letter is one,
 * "ie" is "e", and a leading "o" is "a". A neighbour is folded again so that it can equal a stored key.
 */
const refold = (key: string) =>
  !/(.)\1|ie|^o/.test(key)
    ? key
    : key
        .replace(/(.)\1+/gu, '$1')
        .replace(/ie/g, 'e')
        .replace(/(.)\1+/gu, '$1')
        .replace(/^o/, 'a');

/**
 * The keys one edit away from a typed key (see oneEditAway for the tiers), folded again as keys are.
 * The key itself is in neither tier; a key longer than maxNearKeyLength, or empty, has none.
 */
export function nearKeys(key: string): Tiers {
  if (key.length === 0 || key.length > maxNearKeyLength || !/^[a-zSZCQHT]+$/.test(key)) return { likely: [], other: [] };
  const { likely, other } = oneEditAway(key, keyAlphabet);
  return tiers([...likely].map(refold), [...other].map(refold), new Set([key]));
}

/**
 * The spellings one edit away from a short Latin word as typed (lower case, without diacritics), for
 * slips the folding hides: "Inan" is "Inna" with two letters swapped, though its key "inan" is the key
 * "ina" with a letter added; "Kyhoa" is Khoa with a letter added, though "kh" no longer reads as one
 * sound. The caller folds them to keys. A longer word, or one with other letters, has none.
 */
export function nearSpellings(word: string): Tiers {
  if (word.length === 0 || word.length > maxShortWordLength || !/^[a-z]+$/.test(word)) return { likely: [], other: [] };
  const { likely, other } = oneEditAway(word, latinLetters);
  return tiers(likely, other, new Set([word]));
}

/** The letters a Czech keyboard user may type without the háček, and the key symbol of the letter meant. */
const caronless: Record<string, string> = { s: 'S', T: 'C', z: 'Z' };

/** Most readings of a key with háčky put back, so a long name cannot make thousands. */
const maxCaronReadings = 16;

/**
 * The keys of a word typed without its háčky, as Czech colleagues often type a name read from a
 * Czech document: "Sevcenko" for Ševčenko, "Zukov" for Žukov. Each s, c (T in a key) and z may stand
 * for š, č and ž; the key itself is not among them.
 */
export function caronReadings(key: string): string[] {
  let readings = [''];
  for (const symbol of key) {
    const alternative = caronless[symbol];
    readings = readings.flatMap((r) => (alternative && readings.length < maxCaronReadings ? [r + symbol, r + alternative] : [r + symbol]));
  }
  return readings.filter((r) => r !== key);
}
