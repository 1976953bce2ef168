import { describe, expect, it } from 'vitest';
import { nameReasons } from './match-reasons.js';
import { isEmptyQuery, parseSearchQuery, phoneDigitsOf } from './search-query.js';

describe('reading a search', () => {
  it('recognises client numbers, dates, years, e-mail and names', () => {
    expect(parseSearchQuery('2026-42')).toMatchObject({ clientNumbers: ['2026-00042'], nameWords: [] });
    expect(parseSearchQuery('shevchenko 1985')).toMatchObject({ yearOfBirth: 1985, nameWords: [{ text: 'shevchenko' }] });
    for (const date of ['15.3.1985', '15. 3. 1985', '15/03/1985', '1985-03-15']) {
      expect(parseSearchQuery(date), date).toMatchObject({ dateOfBirth: '1985-03-15', nameWords: [] });
    }
    expect(parseSearchQuery('31.2.1985').dateOfBirth).toBeNull();
    expect(parseSearchQuery('1985-3-15').dateOfBirth).toBe('1985-03-15');
    expect(parseSearchQuery('2026-00042 2026-00043').clientNumbers).toEqual(['2026-00042', '2026-00043']);
    expect(parseSearchQuery('Shevchenko, Oleksandr.').nameWords.map((w) => w.text)).toEqual(['Shevchenko', 'Oleksandr']);
    expect(parseSearchQuery('Olena@Example.org')).toMatchObject({ email: 'olena@example.org', nameWords: [] });
  });

  it('reads a phone number in any format, without the Czech country code', () => {
    for (const phone of ['+420 777 123 456', '00420777123456', '777 123 456', '(777) 123-456', '777.123.456']) {
      expect(phoneDigitsOf(phone), phone).toBe('777123456');
    }
    expect(phoneDigitsOf('+380 67 123 4567')).toBe('380671234567');
    expect(phoneDigitsOf('12345')).toBeNull();
    expect(phoneDigitsOf('15.3.1985')).toBeNull();
    expect(phoneDigitsOf('Petr 777123456')).toBeNull();
    expect(phoneDigitsOf('00421 905 123 456')).toBe('421905123456');
    for (const notPhone of ['31.2.1985', '1985-3-15', '2026-00042 2026-00043']) expect(phoneDigitsOf(notPhone), notPhone).toBeNull();
  });

  it('gives a name word its keys, and matches words with symbols only as written', () => {
    const [word] = parseSearchQuery('Шевченко').nameWords;
    expect(word?.keys).toContain('SevCenko');
    expect(parseSearchQuery('a%b').nameWords).toEqual([{ text: 'a%b', keys: [], near: { likely: [], other: [], finds: false } }]);
    expect(parseSearchQuery("O'Neil").nameWords[0]?.keys).toEqual(['aneil']);
  });

  it('drops emoji and invisible marks, and finds nothing in text that names nothing', () => {
    expect(parseSearchQuery('\u200BPetr\u200D 😀').nameWords.map((w) => w.text)).toEqual(['Petr']);
    for (const q of ['😀😀', '\u202E\u202C', '!!', '…']) expect(isEmptyQuery(parseSearchQuery(q)), q).toBe(true);
  });

  it('compares a word longer than any name only as written', () => {
    expect(parseSearchQuery('x'.repeat(41)).nameWords).toEqual([
      { text: 'x'.repeat(41), keys: [], near: { likely: [], other: [], finds: false } },
    ]);
    expect(parseSearchQuery('x'.repeat(40)).nameWords[0]?.keys).not.toEqual([]);
  });

  it('reads at most six name words', () => {
    expect(parseSearchQuery('a b c d e f g h').nameWords).toHaveLength(6);
  });
});

describe('match reasons', () => {
  const names = { givenName: 'Oleksandr', familyName: 'Shevchenko', givenNameNative: 'Олександр', familyNameNative: 'Шевченко' };
  const reasons = (q: string, n: Parameters<typeof nameReasons>[1] = names) => nameReasons(parseSearchQuery(q).nameWords, n);

  it('says which spelling matched', () => {
    expect(reasons('shevchenko')).toEqual(['passport_name']);
    expect(reasons('Шевченко')).toEqual(['native_name']);
    expect(reasons('Ševčenko')).toEqual(['other_spelling']);
    expect(reasons('shevch')).toEqual(['name_start']);
    expect(reasons('shevchanko')).toEqual(['similar_spelling']);
    expect(
      reasons('Shevchenko', { givenName: 'Олександр', familyName: 'Шевченко', givenNameNative: null, familyNameNative: null }),
    ).toEqual(['native_name']);
  });
});
