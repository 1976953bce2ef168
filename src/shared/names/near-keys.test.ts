import { describe, expect, it } from 'vitest';
import { namePartKeys } from './name-keys.js';
import { caronReadings, keyAlphabet, maxNearKeyLength, maxShortWordLength, nearKeys, nearSpellings } from './near-keys.js';

/** Edit distance with a swap of neighbours as one edit (optimal string alignment), written plainly as the oracle. */
function osaDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** Every key of the given length over a small alphabet, to compare nearKeys with the oracle exhaustively. */
function allKeys(alphabet: string, length: number): string[] {
  let keys = [''];
  for (let i = 0; i < length; i++) keys = keys.flatMap((k) => [...alphabet].map((c) => k + c));
  return keys;
}

describe('nearKeys: the keys one typo away from a short typed key', () => {
  it('finds the short names of the spelling test from their typos', () => {
    const near = (typed: string) => {
      const { likely, other } = nearKeys(typed);
      return [...likely, ...other];
    };
    // "Le Thi H", "Nguyen Van Naa", "Ivna", "Bodl", "Pham Van Hanf" for Hà, Nam, Ivan, Bold, Hằng.
    expect(nearKeys('H').likely).toContain('Ha');
    expect(near('na')).toContain('nam');
    expect(nearKeys('ivna').likely).toContain('ivan');
    expect(nearKeys('bodl').likely).toContain('bold');
    expect(nearKeys('Hanf').other).toContain('Hang');
    expect(near('nan')).toContain('nam');
  });

  it('puts a missing or swapped letter in the likely tier, a changed or added one in the other', () => {
    const { likely, other } = nearKeys('Hao');
    // Hoa with two letters swapped, Thao with the first left out: the typed key is fully explained.
    expect(likely).toEqual(expect.arrayContaining(['Hoa', 'tHao', 'Haol']));
    // Ha with a letter added, Hai with one changed: any letter could have been the slip.
    expect(other).toEqual(expect.arrayContaining(['Ha', 'Hai', 'Hav']));
    expect(likely).not.toContain('Ha');
    expect(other).not.toContain('Hoa');
  });

  it('lists every key at distance one, folded again as keys are, and nothing further', () => {
    const alphabet = 'abH';
    // An empty key is no name: a one-letter key has no form one letter shorter.
    for (const typed of ['a', 'ab', 'aHb', 'baba']) {
      const { likely, other } = nearKeys(typed);
      const listed = new Set([...likely, ...other]);
      expect(listed.size, typed).toBe(likely.length + other.length);
      for (let length = Math.max(1, typed.length - 1); length <= typed.length + 1; length++) {
        for (const key of allKeys(alphabet, length)) {
          // Forms a folded key never has: a doubled letter.
          if (/(.)\1/.test(key)) continue;
          expect(listed.has(key), `${typed} → ${key}`).toBe(osaDistance(typed, key) === 1);
        }
      }
      for (const key of listed) {
        expect(
          [...key].every((c) => (keyAlphabet as readonly string[]).includes(c)),
          key,
        ).toBe(true);
        // Folded as keys are: no doubled letter (but for a leading "oa", which folds to "aa"), no "ie", no leading "o".
        expect(key.replace(/^aa/, 'a'), typed).not.toMatch(/(.)\1|ie|^o/);
        // One edit, or one edit and the folding of a doubled letter (b·ab → bb·ab → bab).
        expect(osaDistance(typed, key), `${typed} → ${key}`).toBeLessThanOrEqual(2);
      }
    }
    // A neighbour beginning with o is folded as a key is: the key of "Olha" is "alHa".
    expect(nearKeys('loHa').likely).toContain('alHa');
  });

  it('varies a short Latin word as typed, for slips that the folding hides', () => {
    expect(nearSpellings('inan').likely).toContain('inna');
    expect(nearSpellings('kyhoa').other).toContain('khoa');
    expect(nearSpellings('obld').likely).toContain('bold');
    expect(nearSpellings('h').likely).toContain('ha');
    expect(nearSpellings('naa').other).toContain('nam');
    expect(nearSpellings('naa').likely).not.toContain('naa');
    expect(nearSpellings('shevcenko')).toEqual({ likely: [], other: [] });
    expect(nearSpellings('іван')).toEqual({ likely: [], other: [] });
    expect(nearSpellings('')).toEqual({ likely: [], other: [] });
    expect(nearSpellings('a'.repeat(maxShortWordLength)).other.length).toBeGreaterThan(0);
  });

  it('gives nothing for an empty key or one too long to list its neighbours', () => {
    expect(nearKeys('')).toEqual({ likely: [], other: [] });
    const long = 'a'.repeat(maxNearKeyLength + 1);
    expect(nearKeys(long)).toEqual({ likely: [], other: [] });
    expect(nearKeys('abdefgiklmnoprs'.slice(0, maxNearKeyLength)).likely.length).toBeGreaterThan(0);
  });

  it('uses only symbols that keys are made of', () => {
    const symbols = new Set<string>();
    for (const name of ['Шевченко', 'Щербак', 'Nguyễn', 'Cường', 'Xuân', 'Joachim', 'Wojtek', 'Quý', 'Chrystyna', 'Žofie', 'Ćosić']) {
      for (const key of namePartKeys(name)) for (const c of key) symbols.add(c);
    }
    for (const c of symbols) expect(keyAlphabet, c).toContain(c);
  });
});

describe('caronReadings: a name typed without its háčky', () => {
  it('puts š, č and ž back in every combination, without the key as typed', () => {
    expect(caronReadings('sevTenko').sort()).toEqual(['SevCenko', 'SevTenko', 'sevCenko'].sort());
    expect(caronReadings('zukov')).toEqual(['Zukov']);
    expect(caronReadings('ivan')).toEqual([]);
  });

  it('stays bounded for a name full of such letters', () => {
    expect(caronReadings('sTzsTzsTzsTz').length).toBeLessThanOrEqual(16);
  });
});
