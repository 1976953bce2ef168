import 'i18next';
import type cs from './locales/cs.json';

// Every t() key is checked against the Czech catalogue at compile time; locales.test.ts keeps the
// other catalogues' keys identical to it.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof cs };
    returnNull: false;
  }
}
