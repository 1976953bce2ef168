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

/**
 * The keys one edit away from a typed key, in two tiers by how likely the typed key is a slip of
 * them: `likely` where the typed key lacks one of their letters or has two of them swapped (the slip
 * is fully determined, "Ha" typed "H" or "aH"); `other` where a letter was changed or one added (any
 * of the alphabet's letters could have been the slip, so each one is far less likely). The key itself
 * is in neither; a key longer than maxNearKeyLength, or empty, has none.
 */
export function nearKeys(key: string): { likely: string[]; other: string[] } {
  const letters = [...key];
  if (letters.length === 0 || letters.length > maxNearKeyLength) return { likely: [], other: [] };
  const likely = new Set<string>();
  const other = new Set<string>();
  for (let at = 0; at <= letters.length; at++) {
    for (const symbol of keyAlphabet) likely.add([...letters.slice(0, at), symbol, ...letters.slice(at)].join(''));
  }
  for (let at = 0; at + 1 < letters.length; at++) {
    if (letters[at] === letters[at + 1]) continue;
    const swapped = [...letters];
    [swapped[at], swapped[at + 1]] = [letters[at + 1] as string, letters[at] as string];
    likely.add(swapped.join(''));
  }
  for (let at = 0; at < letters.length; at++) {
    for (const symbol of keyAlphabet) {
      if (symbol !== letters[at]) other.add([...letters.slice(0, at), symbol, ...letters.slice(at + 1)].join(''));
    }
    if (letters.length > 1) other.add([...letters.slice(0, at), ...letters.slice(at + 1)].join(''));
  }
  // Keys never hold a letter twice in a row (the folding collapses doubles), so such forms find nobody.
  const keep = (k: string) => k !== key && !/(.)\1/u.test(k);
  const likelyKeys = [...likely].filter(keep);
  const taken = new Set(likelyKeys);
  return { likely: likelyKeys.sort(), other: [...other].filter((k) => keep(k) && !taken.has(k)).sort() };
}
