import 'i18next';
import type { Catalogue } from './catalogues.js';

// Every t() key is checked against the merged Czech catalogue at compile time; locales.test.ts keeps the
// other catalogues' keys identical to it.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Catalogue };
    returnNull: false;
  }
}
