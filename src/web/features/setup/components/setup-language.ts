import { type UiLanguage, uiLanguages } from '../../../../shared/index.js';

const storageKey = 'integra.setupLanguage';

/**
 * The first administrator sets Integra up in some language; their account should start in it. The
 * setup API takes no language, so it is remembered for this browser session and saved to the account
 * at the administrator's first sign-in.
 */
export function rememberSetupLanguage(email: string, language: UiLanguage): void {
  try {
    window.sessionStorage.setItem(storageKey, JSON.stringify({ email: email.toLowerCase(), language }));
  } catch {
    // Without storage the account simply starts in the default language.
  }
}

/** The language the given user chose while setting Integra up, once; null for anyone else. */
export function takeSetupLanguage(email: string): UiLanguage | null {
  try {
    const stored = window.sessionStorage.getItem(storageKey);
    if (!stored) return null;
    const { email: setupEmail, language } = JSON.parse(stored) as { email?: unknown; language?: unknown };
    if (setupEmail !== email.toLowerCase()) return null;
    window.sessionStorage.removeItem(storageKey);
    return (uiLanguages as readonly unknown[]).includes(language) ? (language as UiLanguage) : null;
  } catch {
    return null;
  }
}
