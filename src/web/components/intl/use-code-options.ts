import { useMemo } from 'react';
import { countryCodes } from '../../../shared/index.js';
import { type Option, toLanguageOptions } from './language-options.js';
import { useFormat } from './use-format.js';

export type { Option };

/** Every country as a select option, named and sorted in the UI language. */
export function useCountryOptions(): Option[] {
  const { formatCountry, compareText } = useFormat();
  return useMemo(
    () => countryCodes.map((code) => ({ value: code, label: formatCountry(code) })).sort((a, b) => compareText(a.label, b.label)),
    [formatCountry, compareText],
  );
}

/**
 * The languages of every language picker: those named in the UI language, each once, the clients'
 * common languages first (see toLanguageOptions). Use with `languageOptionsFilter`, which ranks
 * names starting with what is typed first.
 */
export function useLanguageOptions(): Option[] {
  const { formatLanguage, compareText } = useFormat();
  return useMemo(() => toLanguageOptions(formatLanguage, compareText), [formatLanguage, compareText]);
}
