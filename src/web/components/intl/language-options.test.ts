import { describe, expect, it } from 'vitest';
import { rankLanguageOptions, toLanguageOptions } from './language-options.js';

const names: Record<string, string> = {
  uk: 'Ukrajinština',
  ru: 'Ruština',
  vi: 'Vietnamština',
  en: 'Angličtina',
  mn: 'Mongolština',
  ar: 'Arabština',
  cs: 'Čeština',
  de: 'Němčina',
  ak: 'Akanština',
  tw: 'Akanština',
  io: 'io',
  ii: 'Ii',
  sk: 'Slovenština',
  sl: 'Slovinština',
  ro: 'Rumunština',
  rm: 'Rétorománština',
};
const nameOf = (code: string) => names[code] ?? code;
const compare = (a: string, b: string) => a.localeCompare(b, 'cs');
const options = toLanguageOptions(nameOf, compare, Object.keys(names));

describe('the language options', () => {
  it('puts the common languages of the clients first, in their order, then the others alphabetically', () => {
    expect(options.map((o) => o.value)).toEqual(['uk', 'ru', 'vi', 'en', 'mn', 'ar', 'cs', 'ak', 'de', 'rm', 'ro', 'sk', 'sl']);
  });

  it('leaves out languages without a name in the UI language, and shows each name once', () => {
    expect(options.map((o) => o.value)).not.toContain('io');
    expect(options.map((o) => o.value)).not.toContain('ii');
    expect(options.filter((o) => o.label === 'Akanština')).toHaveLength(1);
  });

  it('ranks names that start with what is typed first, then words that do, then names that contain it', () => {
    expect(rankLanguageOptions(options, 'ru').map((o) => o.value)).toEqual(['ru', 'ro']);
    expect(rankLanguageOptions(options, 'roman').map((o) => o.value)).toEqual(['rm']);
    expect(rankLanguageOptions(options, 'ang').map((o) => o.value)).toEqual(['en']);
    // Ending alike is a match too, after the names that begin so.
    expect(rankLanguageOptions(options, 'cina').map((o) => o.value)).toEqual(['de']);
    expect(rankLanguageOptions(options, 'sl').map((o) => o.value)).toEqual(['sk', 'sl']);
    expect(rankLanguageOptions(options, 'cest').map((o) => o.value)).toEqual(['cs']);
    expect(rankLanguageOptions(options, 'vi')[0]?.value).toBe('vi');
    expect(rankLanguageOptions(options, '').map((o) => o.value)).toEqual(options.map((o) => o.value));
  });
});
