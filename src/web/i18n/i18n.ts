import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type UiLanguage, uiLanguages } from '../../shared/index.js';
import { catalogues } from './catalogues.js';

const storageKey = 'integra.language';

/** The BCP 47 locale used for dates, numbers and display names in each UI language. */
export const intlLocales: Record<UiLanguage, string> = { cs: 'cs-CZ', en: 'en-GB', uk: 'uk-UA' };

/** True for one of the staff application's UI languages. */
export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (uiLanguages as readonly string[]).includes(value);
}

/**
 * The language before anyone signs in: the last one chosen on this device, else the browser's if
 * it is a UI language, else Czech, the centre's working language. After sign-in the user's own
 * saved language applies.
 */
function detectInitialLanguage(): UiLanguage {
  try {
    const stored = window.localStorage.getItem(storageKey);
    if (isUiLanguage(stored)) return stored;
  } catch {
    // Storage may be disabled; the browser's language is the next best guess.
  }
  const preferred = (navigator.languages ?? [navigator.language]).map((tag) => tag.slice(0, 2).toLowerCase());
  return preferred.find(isUiLanguage) ?? 'cs';
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { cs: { translation: catalogues.cs }, en: { translation: catalogues.en }, uk: { translation: catalogues.uk } },
  lng: detectInitialLanguage(),
  supportedLngs: [...uiLanguages],
  // No fallback: a key missing in one language must show up in testing, not hide behind Czech.
  fallbackLng: false,
  initAsync: false,
  returnNull: false,
  returnEmptyString: false,
  interpolation: { escapeValue: false },
  saveMissing: true,
  missingKeyHandler: (_languages, _namespace, key) => {
    console.error('i18n missing key', key);
  },
});

/** Keeps `<html lang>` and the remembered choice in step with the UI language. */
function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not remembering the choice on this device is harmless.
  }
}
applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

/** The current UI language. */
export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18n.language) ? i18n.language : 'cs';
}
