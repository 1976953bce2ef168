import { useMemo } from 'react';
import { countryCodes, languageCodes } from '../../../shared/index.js';
import { useFormat } from './use-format.js';

export type Option = { value: string; label: string };

/** Every country as a select option, named and sorted in the UI language. */
export function useCountryOptions(): Option[] {
  const { formatCountry, compareText } = useFormat();
  return useMemo(
    () => countryCodes.map((code) => ({ value: code, label: formatCountry(code) })).sort((a, b) => compareText(a.label, b.label)),
    [formatCountry, compareText],
  );
}

/** Every language as a select option, named and sorted in the UI language. */
export function useLanguageOptions(): Option[] {
  const { formatLanguage, compareText } = useFormat();
  return useMemo(
    () => languageCodes.map((code) => ({ value: code, label: formatLanguage(code) })).sort((a, b) => compareText(a.label, b.label)),
    [formatLanguage, compareText],
  );
}
