import otherText from './testdata/transliteration-other.tsv?raw';
import kmu55Text from './testdata/transliteration-uk-kmu55.tsv?raw';
import { describe, expect, it } from 'vitest';
import { fullNameKeys, nameKeys, namePartKeys, namesMatch, splitNameParts } from './name-keys.js';

/**
 * Rows of a TSV example table, without the comment line and the header. The tables are imported as
 * text (Vite's ?raw) so the tests need no file system access and shared keeps its import rule.
 */
function readTable(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .slice(1)
    .map((line) => line.split('\t'));
}

const otherSchemes = readTable(otherText);
const kmu55 = readTable(kmu55Text);

describe('namesMatch: every pair of the other-schemes table', () => {
  it('reads the whole table', () => {
    expect(otherSchemes.length).toBe(18);
  });

  it.each(otherSchemes)('%s: %s ≈ %s', (_scheme, native, latin) => {
    expect(namesMatch(native as string, latin as string)).toBe(true);
  });
});

describe('namesMatch: every KMU 55 example matches its Cyrillic', () => {
  it.each(kmu55)('%s ≈ %s', (cyrillic, latin) => {
    expect(namesMatch(cyrillic as string, latin as string)).toBe(true);
  });
});

/** Groups whose members must all match one another. */
const sameName: Record<string, string[]> = {
  'Олександр, Ukrainian and Russian forms': ['Олександр', 'Oleksandr', 'OLEKSANDR', 'Aleksandr', 'Alexandr', 'Olexandr', 'Александр'],
  'Шевченко in every scheme': ['Шевченко', 'Shevchenko', 'SHEVCHENKO', 'Ševčenko', 'ŠEVČENKO'],
  'Юлия Щеглова, ICAO, MVD and Czech': ['Юлия Щеглова', 'Iuliia Shcheglova', 'Yuliya Shcheglova', 'Julija Ščeglova', 'Yulia Shcheglova'],
  'Юлія, Ukrainian 2010, 2007 and 1996 passports': ['Юлія', 'Yuliia', 'Yulia', 'Iuliia', 'Julija'],
  'Щербак, щ as shch, sch and šč': ['Щербак', 'Shcherbak', 'Scherbak', 'Ščerbak'],
  'Харків, kh and Czech ch': ['Харків', 'Kharkiv', 'Charkiv'],
  'Юрій, Ukrainian and Czech': ['Юрій', 'Yurii', 'Yuriy', 'Jurij', 'Iurii'],
  'Пятницкий, ICAO, MVD and Czech': ['Пятницкий', 'Piatnitskii', 'Pyatnitskiy', 'Pjatnickij'],
  'Ильич, with and without the Czech j': ['Ильич', 'Ilich', 'Il’ich', 'Iljič'],
  'Mongolian Өдөр with ö, o and oe': ['Өдөр', 'Ödör', 'Odor', 'Oedoer'],
  'Mongolian Үнэн with ü, u and ue': ['Үнэн', 'Ünen', 'Unen', 'Uenen'],
  'Mongolian Жуулчин with j and zh': ['Жуулчин', 'Juulchin', 'Zhuulchin'],
  'Vietnamese with and without diacritics': ['Nguyễn Thị Hương', 'NGUYEN THI HUONG', 'nguyen thi huong'],
  'Vietnamese đ': ['Đặng Văn Đức', 'Dang Van Duc', 'ĐẶNG VĂN ĐỨC'],
  'Vietnamese in swapped order': ['Nguyễn Thị Hương', 'Huong Nguyen Thi', 'Hương Nguyễn Thị'],
  'German umlauts': ['Müller', 'Mueller', 'Muller', 'MÜLLER'],
  'other Latin diacritics': ['Dvořák', 'Dvorak'],
  'Polish ł and ß': ['Łukasz Straße', 'Lukasz Strasse'],
  apostrophes: ['Мар’яна', "Мар'яна", 'Марʼяна', "Mar'iana", 'Mariana', 'Maryana', 'Mar`yana'],
  'hyphenated double names': ['Анна-Марія', 'Anna-Mariia', 'Anna Maria', 'anna  maria', 'Anna - Mariya'],
  'zero-width and right-to-left marks are ignored': ['Shevchenko', 'Shev\u200Bchenko', '\u200FShevchenko\u202C'],
};

describe('namesMatch: the same name in different spellings', () => {
  for (const [title, names] of Object.entries(sameName)) {
    it(title, () => {
      for (const a of names) {
        for (const b of names) {
          expect(namesMatch(a, b), `${a} ≈ ${b}`).toBe(true);
        }
      }
    });
  }
});

/**
 * Different names must not match. Ivanov and Ivanova are the masculine and feminine forms of one
 * family name, usually different people (siblings, spouses), so they do not share a key; the search
 * still ranks them close through trigram similarity.
 */
const differentNames: [string, string][] = [
  ['Petrov', 'Petrenko'],
  ['Петров', 'Петренко'],
  ['Ivanov', 'Ivanova'],
  ['Иванов', 'Иванова'],
  ['Shevchenko', 'Shevchuk'],
  ['Oleksandr', 'Oleksandra'],
  ['Nguyen Thi Huong', 'Nguyen Thi Hoa'],
  ['Nguyen Thi Huong', 'Nguyen Huong'],
  ['Tran Thi Thu Ha', 'Tran Thi Thu'],
  ['Юлия Щеглова', 'Юлия Шеглова'],
  ['Müller', 'Miller'],
  ['Marie', 'Mario'],
  ['', ''],
  ['Shevchenko', ''],
];

describe('namesMatch: different names do not match', () => {
  it.each(differentNames)('%s ≠ %s', (a, b) => {
    expect(namesMatch(a, b)).toBe(false);
  });
});

describe('keys', () => {
  it('splits parts on spaces, hyphens and punctuation, dropping apostrophes', () => {
    expect(splitNameParts('  Anna-Maria  O’Neil ')).toEqual(['anna', 'maria', 'oneil']);
  });

  it('gives a Cyrillic part a few keys, not one per scheme', () => {
    expect(namePartKeys('Шевченко')).toEqual(['SevCenko']);
    expect(namePartKeys('Олег')).toEqual(['aleH', 'aleg']);
  });

  it('reads a Latin part in both senses of ch', () => {
    expect(namePartKeys('Charkiv')).toEqual(['Carkiv', 'Harkiv']);
  });

  it('has order-insensitive whole-name keys', () => {
    expect(fullNameKeys('Huong', 'Nguyen Thi')).toEqual(fullNameKeys('Nguyễn Thị', 'Hương'));
    expect(fullNameKeys('Oleksandr', 'Shevchenko')).toEqual(nameKeys('Shevchenko Oleksandr'));
  });

  it('returns no keys for a name without letters', () => {
    expect(nameKeys('  -- 123 🙂 ')).toEqual([]);
    expect(namePartKeys('')).toEqual([]);
  });

  it('keeps a long name to a bounded number of keys', () => {
    const long = Array.from({ length: 60 }, () => 'Charkiv Juulchin').join(' ');
    expect(nameKeys(long).length).toBeLessThanOrEqual(256);
  });

  it('does not treat SQL or LIKE wildcards as letters', () => {
    expect(nameKeys('%_\\')).toEqual([]);
    expect(namesMatch('Shev%', 'Shevchenko')).toBe(false);
  });
});
