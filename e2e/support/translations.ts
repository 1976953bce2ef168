import { catalogues } from '../../src/web/i18n/catalogues.js';

export type Language = 'cs' | 'en' | 'uk';
export const intlLocales: Record<Language, string> = { cs: 'cs-CZ', en: 'en-GB', uk: 'uk-UA' };

type Tree = { [key: string]: string | Tree };

/**
 * The web app's own translations (all areas merged, as the app merges them), so one journey runs in every language and finds controls by the
 * labels a user of that language sees.
 */
export function loadTranslations(language: Language): (key: string, params?: Record<string, string>) => string {
  const tree = catalogues[language] as unknown as Tree;
  return (key, params = {}) => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') throw new Error(`no translation for ${key} in ${language}`);
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');
  };
}

/** Dotted translation keys, to catch any that a page shows untranslated. */
export function translationKeys(language: Language): string[] {
  const tree = catalogues[language] as unknown as Tree;
  const keys: string[] = [];
  const walk = (node: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') keys.push(prefix + key);
      else walk(value, `${prefix}${key}.`);
    }
  };
  walk(tree, '');
  return keys;
}
