import { type CountryCode, countryCodes, type DuplicateCheckInput, isRealIsoDate } from '../../../../shared/index.js';
import type { ClientFormValues } from './client-form-values.js';

const clip = (value: string, max: number) => value.trim().slice(0, max);
const orNull = (value: string) => value || null;
const isCountryCode = (code: string): code is CountryCode => (countryCodes as readonly string[]).includes(code);

/**
 * What the duplicate check is asked while the form is being filled: nothing until both Latin names
 * have a character, then the names, birth date, citizenships and contacts that are complete enough to
 * compare (a half-typed date or e-mail is left out rather than refused by the API).
 */
export function toDuplicateCheckInput(values: ClientFormValues, excludeId?: string): DuplicateCheckInput | null {
  const givenName = clip(values.givenName, 100);
  const familyName = clip(values.familyName, 100);
  if (!givenName || !familyName) return null;
  const phone = clip(values.phone, 40);
  const email = clip(values.email, 200);
  return {
    givenName,
    familyName,
    givenNameNative: orNull(clip(values.givenNameNative, 100)),
    familyNameNative: orNull(clip(values.familyNameNative, 100)),
    dateOfBirth: values.dateOfBirth && isRealIsoDate(values.dateOfBirth) ? values.dateOfBirth : null,
    citizenships: values.citizenships.filter(isCountryCode).slice(0, 5),
    phone: phone.replace(/\D/g, '').length >= 6 ? phone : null,
    email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null,
    ...(excludeId ? { excludeId } : {}),
  };
}
