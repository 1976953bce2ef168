import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { centreTimeZone, type UiLanguage } from '../../../shared/index.js';
import { intlLocales, isUiLanguage } from '../../i18n/i18n.js';

export type Formatters = {
  locale: string;
  /** A calendar date (YYYY-MM-DD) as the reader writes it, e.g. 31. 12. 2026. */
  formatDate: (isoDate: string | null | undefined) => string;
  /** An instant in the centre's time zone, with date and time. */
  formatDateTime: (instant: string | null | undefined) => string;
  formatNumber: (value: number) => string;
  /** A share from 0 to 1 as a whole percentage, e.g. 0.92 → 92 %. */
  formatPercent: (share: number) => string;
  /** A country's name in the reader's language, from its ISO 3166-1 code. */
  formatCountry: (code: string) => string;
  /** A language's name in the reader's language, from its ISO 639-1 code. */
  formatLanguage: (code: string) => string;
  /** Compares two strings as the reader's alphabet orders them. */
  compareText: (a: string, b: string) => number;
};

/** Builds the formatters for a UI language; all formatting goes through Intl. */
export function createFormatters(language: UiLanguage): Formatters {
  const locale = intlLocales[language];
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: centreTimeZone,
  });
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const languages = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });

  return {
    locale,
    formatDate: (isoDate) => {
      if (!isoDate) return '';
      const instant = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(instant.getTime()) ? isoDate : date.format(instant);
    },
    formatDateTime: (value) => {
      if (!value) return '';
      const instant = new Date(value);
      return Number.isNaN(instant.getTime()) ? value : dateTime.format(instant);
    },
    formatNumber: (value) => number.format(value),
    formatPercent: (share) => percent.format(share),
    formatCountry: (code) => {
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    },
    formatLanguage: (code) => {
      try {
        const name = languages.of(code) ?? code;
        return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
      } catch {
        return code;
      }
    },
    compareText: (a, b) => collator.compare(a, b),
  };
}

/** The formatters of the current UI language; they change when the language does. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = isUiLanguage(i18n.language) ? i18n.language : 'cs';
  return useMemo(() => createFormatters(language), [language]);
}
