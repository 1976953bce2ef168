import kmu55Text from './testdata/transliteration-uk-kmu55.tsv?raw';
import { describe, expect, it } from 'vitest';
import { transliterateUkrainian } from './transliterate-ukrainian.js';

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

const kmu55 = readTable(kmu55Text);

describe('transliterateUkrainian: every example of KMU Resolution No. 55', () => {
  it('reads the whole table', () => {
    expect(kmu55.length).toBe(76);
  });

  it.each(kmu55)('%s → %s', (cyrillic, latin) => {
    expect(transliterateUkrainian(cyrillic as string)).toBe(latin);
  });
});

describe('transliterateUkrainian: capitalisation and positions', () => {
  it.each([
    ['ШЕВЧЕНКО', 'SHEVCHENKO'],
    ['ЮЛІЯ', 'YULIIA'],
    ['Щ', 'Shch'],
    ['шевченко', 'shevchenko'],
    ['Олександр ШЕВЧЕНКО', 'Oleksandr SHEVCHENKO'],
    ['Ганна-Єлизавета', 'Hanna-Yelyzaveta'],
    ['Мар’яна', 'Mariana'],
    ['Мар\u02BCяна', 'Mariana'],
    ['Згурський', 'Zghurskyi'],
    ['ЗГУРСЬКИЙ', 'ZGHURSKYI'],
    ['Їжакевич Ярослава', 'Yizhakevych Yaroslava'],
    ['Smith', 'Smith'],
    ['', ''],
  ])('%s → %s', (cyrillic, latin) => {
    expect(transliterateUkrainian(cyrillic)).toBe(latin);
  });
});
