import { describe, expect, it } from 'vitest';
import { foldPassword, passwordWeakness } from './passwords.js';

const common = new Set(['password', 'iloveyou', 'qazwsxedcrfv', 'dragon']);
const isCommon = (word: string) => common.has(word);

describe('passwordWeakness', () => {
  it.each(['aaaaaaaaaaaa', 'AAAAAAAAAAAAAA', '111111111111', 'abcabcabcabc', 'xyxyxyxyxyxy', 'aaaaaaaaaa12', '!!!!!!!!!!!!'])(
    'refuses %s as a repeated character or group',
    (value) => {
      expect(passwordWeakness(value)).toBe('password_repeated');
    },
  );

  it.each([
    '123456789012',
    '1234 5678 9012',
    '098765432109',
    'abcdefghijkl',
    'ZYXWVUTSRQPO',
    'qwertyuiopasdf',
    'qwertzuiopasdf',
    'asdfghjkl;zxcv',
    '1qwertyuiop[]',
    'йцукенгшщзхї',
    'абвгґдеєжзиі',
    '!@#$%^&*()_+',
  ])('refuses %s as a sequence', (value) => {
    expect(passwordWeakness(value)).toBe('password_sequence');
  });

  it('refuses a password containing the e-mail address or its local part, however written', () => {
    const email = 'Marie.Svobodova@example.org';
    expect(passwordWeakness('marie.svobodova@example.org!', { email })).toBe('password_contains_email');
    expect(passwordWeakness('my name is marie.svobodova', { email })).toBe('password_contains_email');
    expect(passwordWeakness('Marie Svobodova 2026', { email })).toBe('password_contains_email');
    expect(passwordWeakness('MARIESVOBODOVA77', { email })).toBe('password_contains_email');
    // Another person's name is not the rule's business.
    expect(passwordWeakness('Petr Novak likes green tea', { email })).toBeNull();
  });

  it('refuses the password being replaced', () => {
    const current = 'a long and private passphrase';
    expect(passwordWeakness(current, { currentPassword: current })).toBe('password_same_as_current');
    expect(passwordWeakness(`${current}!`, { currentPassword: current })).toBeNull();
  });

  it('refuses a common password, also with digits or symbols around it', () => {
    expect(passwordWeakness('qazwsxedcrfv', { isCommon })).toBe('password_common');
    expect(passwordWeakness('Password2026!', { isCommon })).toBe('password_common');
    expect(passwordWeakness('2026 I love you', { isCommon })).toBe('password_common');
    expect(passwordWeakness('dragon123456', { isCommon })).toBe('password_common');
    // A common word inside a passphrase does not make it common.
    expect(passwordWeakness('dragon under the old bridge', { isCommon })).toBeNull();
    // Without a list, the list's rule does not apply.
    expect(passwordWeakness('Password2026!')).toBeNull();
  });

  it.each([
    'correct horse battery staple',
    'a much longer passphrase 2026',
    'first administrator passphrase',
    'Tr0ub4dor&3 zebra',
    'Холодний вітер над Дніпром',
    'Žluťoučký kůň úpěl 2026',
  ])('accepts %s', (value) => {
    expect(passwordWeakness(value, { email: 'olena.koval@example.org', currentPassword: 'something else entirely', isCommon })).toBeNull();
  });
});

describe('foldPassword', () => {
  it('lowercases and drops spaces, punctuation and symbols, keeping letters of every script and digits', () => {
    expect(foldPassword(' Pass-Word_2026! ')).toBe('password2026');
    expect(foldPassword('Žluťoučký Кінь')).toBe('žluťoučkýкінь');
  });
});
