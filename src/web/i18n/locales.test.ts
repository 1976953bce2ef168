import { describe, expect, it } from 'vitest';
import { catalogueParts, catalogues as merged } from './catalogues.js';

type Catalogue = { [key: string]: string | Catalogue };

/** Every leaf of a catalogue as `a.b.c` → text. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
    } else {
      entries.set(path, value);
    }
  }
  return entries;
}

/** The interpolation placeholders of a text, e.g. {{name}}. */
function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

const catalogues = {
  cs: flatten(merged.cs as Catalogue),
  en: flatten(merged.en as Catalogue),
  uk: flatten(merged.uk as Catalogue),
};
const czechKeys = [...catalogues.cs.keys()].sort();

describe('UI translations', () => {
  it('has a sizeable Czech catalogue', () => {
    expect(czechKeys.length).toBeGreaterThan(100);
  });

  for (const [language, catalogue] of Object.entries(catalogues)) {
    it(`${language} defines each text in one file only`, () => {
      const parts = catalogueParts[language as keyof typeof catalogueParts].map((part) => [...flatten(part as Catalogue).keys()]);
      const all = parts.flat();
      expect(all.filter((key, index) => all.indexOf(key) !== index)).toEqual([]);
    });

    it(`${language} has exactly the Czech keys`, () => {
      expect([...catalogue.keys()].sort()).toEqual(czechKeys);
    });

    it(`${language} has no empty or non-text values`, () => {
      const empty = [...catalogue].filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([key]) => key);
      expect(empty).toEqual([]);
    });

    it(`${language} uses the same placeholders as Czech`, () => {
      const mismatched = czechKeys.filter(
        (key) => placeholdersOf(String(catalogue.get(key) ?? '')).join() !== placeholdersOf(String(catalogues.cs.get(key))).join(),
      );
      expect(mismatched).toEqual([]);
    });
  }
});
