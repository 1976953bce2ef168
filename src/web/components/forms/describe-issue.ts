import type { TFunction } from 'i18next';
import { type PasswordWeakness, passwordWeaknesses } from '../../../shared/index.js';

/** A validation problem, from zod on this side or from the API's `details`. */
export type Issue = {
  /** Form path, e.g. `address.postcode`. */
  field: string;
  /** zod's issue code: too_small, too_big, invalid_format, invalid_value, invalid_type, custom … */
  code: string;
  /** The offending value, when known: it tells "required" from "wrong". */
  value?: unknown;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  origin?: string;
};

/** The API's reasons for refusing a new password (decision 019), each explained in the UI language. */
const passwordWeaknessKeys = {
  password_repeated: 'validation.passwordRepeated',
  password_sequence: 'validation.passwordSequence',
  password_contains_email: 'validation.passwordContainsEmail',
  password_same_as_current: 'validation.passwordSameAsCurrent',
  password_common: 'validation.passwordCommon',
} as const satisfies Record<PasswordWeakness, string>;
const isPasswordWeakness = (code: string): code is PasswordWeakness => (passwordWeaknesses as readonly string[]).includes(code);

const dateFields = new Set(['dateOfBirth', 'validFrom', 'validUntil', 'startsOn', 'endsOn', 'givenOn', 'withdrawnOn', 'from', 'to']);
/** Fields whose schema refuses them when they end before another date field. */
const orderedEndFields = new Set(['validUntil', 'endsOn', 'to']);
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Turns a validation issue into a sentence in the UI language, by its code and field, never by its English message. */
export function describeIssue(issue: Issue, t: TFunction): string {
  const name = issue.field.split('.').at(-1) ?? issue.field;
  const isArray = issue.origin === 'array' || Array.isArray(issue.value);

  if (dateFields.has(name) && (issue.code === 'custom' || issue.code === 'invalid_format' || issue.code === 'invalid_type')) {
    if (isEmpty(issue.value)) return t('validation.required');
    if (orderedEndFields.has(name) && typeof issue.value === 'string' && isoDatePattern.test(issue.value)) return t('validation.dateOrder');
    return t('validation.date');
  }

  if (dateFields.has(name) && issue.code === 'too_small') return t('validation.dateTooEarly');
  // Whatever rule an empty field broke, what it needs is a value (an empty list: a choice).
  if (isEmpty(issue.value) && issue.code !== 'custom' && issue.code !== 'wrong_password' && !isPasswordWeakness(issue.code)) {
    return isArray ? t('validation.chooseAtLeastOne') : t('validation.required');
  }
  if (issue.code === 'wrong_password') return t('validation.wrongPassword');
  if (isPasswordWeakness(issue.code)) return t(passwordWeaknessKeys[issue.code]);
  // Phone numbers are checked by the shared schema's parser (decision 023).
  if (issue.code === 'custom' && (name === 'phone' || name === 'contactPhone')) return t('validation.phone');

  switch (issue.code) {
    case 'too_small':
      if (isArray) return t('validation.chooseAtLeastOne');
      if (name === 'password' || name === 'newPassword' || name === 'adminPassword') return t('validation.passwordTooShort', { min: 12 });
      if (isEmpty(issue.value) || issue.minimum === undefined || Number(issue.minimum) <= 1) return t('validation.required');
      return t('validation.tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      if (isArray) return t('validation.tooMany', { max: Number(issue.maximum ?? 0) });
      return issue.maximum === undefined ? t('validation.tooLongGeneric') : t('validation.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email' || name === 'email' || name === 'adminEmail') return t('validation.email');
      if (name === 'phone') return t('validation.phone');
      if (name === 'postcode') return t('validation.postcode');
      if (name === 'code') return t('validation.totpCode');
      if (issue.format === 'uuid' || name.endsWith('Id')) return t('validation.identifier');
      return t('validation.invalid');
    case 'invalid_value':
    case 'invalid_type':
      return isEmpty(issue.value) ? t('validation.required') : t('validation.choose');
    default:
      return isEmpty(issue.value) ? t('validation.required') : t('validation.invalid');
  }
}
