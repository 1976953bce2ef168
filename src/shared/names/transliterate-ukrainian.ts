import { transliterateCyrillic } from './cyrillic-schemes.js';

/**
 * Ukrainian Cyrillic → Latin by the official rules of Cabinet of Ministers Resolution No. 55 (2010),
 * the spelling printed in Ukrainian passports, so the Latin we show or store is the one on the document.
 */
export function transliterateUkrainian(text: string): string {
  return transliterateCyrillic(text, 'uk-kmu55-2010');
}
