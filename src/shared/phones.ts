import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';

/**
 * Phone numbers (decision 023): parsed and validated by libphonenumber-js with its full metadata,
 * stored in E.164 (`+420603123456`; an extension as `;ext=12`), a number without a country code
 * taken as Czech. Shown as people write them: Czech numbers nationally (`603 123 456`), others in
 * the international format (`+380 67 123 4567`).
 */
export const defaultPhoneCountry = 'CZ';

/** The longest phone input accepted, as typed. */
export const maxPhoneLength = 40;

const parse = (input: string) => parsePhoneNumberFromString(input.trim(), { defaultCountry: defaultPhoneCountry });

/** The stored form of a phone number as typed, or null when it is not a valid number. */
export function toStoredPhone(input: string): string | null {
  const number = parse(input);
  if (!number?.isValid()) return null;
  return number.ext ? `${number.number};ext=${number.ext}` : number.number;
}

/** The number in E.164 without an extension (where an SMS goes), or null when it is not a valid number. */
export function toE164(phone: string): string | null {
  const number = parse(phone);
  return number?.isValid() ? number.number : null;
}

/** A stored phone number as shown: Czech nationally, others internationally; what cannot be parsed (older data) as it is. */
export function formatPhone(stored: string): string {
  const number = parse(stored);
  if (!number?.isValid()) return stored;
  return number.country === defaultPhoneCountry ? number.formatNational() : number.formatInternational();
}

/** A phone number field: any common way of writing a valid number; the value is its stored (E.164) form. */
export const phoneNumber = z
  .string()
  .trim()
  .min(1)
  .max(maxPhoneLength)
  .refine((input) => toStoredPhone(input) !== null, { message: 'Not a valid phone number', params: { code: 'invalid_phone' } })
  .transform((input) => toStoredPhone(input) as string)
  .meta({ example: '+420 603 123 456' });
