import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import cs from '../../i18n/locales/cs.json' with { type: 'json' };
import { passwordWeaknesses } from '../../../shared/index.js';
import { describeIssue } from './describe-issue.js';
import { parseTypedDate } from './parse-typed-date.js';

let t: TFunction;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'cs', resources: { cs: { translation: cs } }, interpolation: { escapeValue: false } });
  t = instance.t;
});

describe('describeIssue', () => {
  it('asks for a value whatever rule an empty field broke', () => {
    expect(describeIssue({ field: 'email', code: 'invalid_format', format: 'email', value: '' }, t)).toBe(cs.validation.required);
    expect(describeIssue({ field: 'sex', code: 'invalid_value', value: '' }, t)).toBe(cs.validation.required);
    expect(describeIssue({ field: 'roles', code: 'too_small', value: [], origin: 'array' }, t)).toBe(cs.validation.chooseAtLeastOne);
  });

  it('names the rule a filled field broke, by code and field, not by message', () => {
    expect(describeIssue({ field: 'email', code: 'invalid_format', format: 'email', value: 'x' }, t)).toBe(cs.validation.email);
    expect(describeIssue({ field: 'address.postcode', code: 'invalid_format', value: '12' }, t)).toBe(cs.validation.postcode);
    expect(describeIssue({ field: 'phone', code: 'invalid_format', value: 'ab' }, t)).toBe(cs.validation.phone);
    expect(describeIssue({ field: 'phone', code: 'custom', value: '123 456 789' }, t)).toBe(cs.validation.phone);
    expect(describeIssue({ field: 'contactPhone', code: 'custom', value: '603 12' }, t)).toBe(cs.validation.phone);
    expect(describeIssue({ field: 'adminPassword', code: 'too_small', minimum: 12, value: 'short' }, t)).toContain('12');
  });

  it('tells a date out of order from a date that does not exist', () => {
    expect(describeIssue({ field: 'residence.validUntil', code: 'custom', value: '2025-01-01' }, t)).toBe(cs.validation.dateOrder);
    expect(describeIssue({ field: 'dateOfBirth', code: 'custom', value: '2025-02-30' }, t)).toBe(cs.validation.date);
    expect(describeIssue({ field: 'withdrawnOn', code: 'too_small', value: '2020-01-01' }, t)).toBe(cs.validation.dateTooEarly);
  });

  it('reports a wrong current password from the API', () => {
    expect(describeIssue({ field: 'currentPassword', code: 'wrong_password', value: 'x' }, t)).toBe(cs.validation.wrongPassword);
  });

  it('explains each reason the API gives for refusing a new password', () => {
    const expected = {
      password_repeated: cs.validation.passwordRepeated,
      password_sequence: cs.validation.passwordSequence,
      password_contains_email: cs.validation.passwordContainsEmail,
      password_same_as_current: cs.validation.passwordSameAsCurrent,
      password_common: cs.validation.passwordCommon,
    };
    for (const code of passwordWeaknesses) {
      for (const field of ['newPassword', 'password', 'adminPassword']) {
        expect(describeIssue({ field, code, value: 'aaaaaaaaaaaa' }, t)).toBe(expected[code]);
      }
    }
    expect(new Set(Object.values(expected)).size).toBe(passwordWeaknesses.length);
  });
});

describe('parseTypedDate', () => {
  it('reads Czech, Ukrainian, British and ISO spellings of a date', () => {
    expect(parseTypedDate('31. 12. 2026')).toBe('2026-12-31');
    expect(parseTypedDate('1.2.1990')).toBe('1990-02-01');
    expect(parseTypedDate('01/02/1990')).toBe('1990-02-01');
    expect(parseTypedDate('1990-02-01')).toBe('1990-02-01');
  });

  it('refuses what is not a real date', () => {
    expect(parseTypedDate('30. 2. 2026')).toBeNull();
    expect(parseTypedDate('2026')).toBeNull();
    expect(parseTypedDate('tomorrow')).toBeNull();
  });
});
