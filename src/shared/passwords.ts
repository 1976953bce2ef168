/**
 * Why a new password is refused although long enough (decision 019). The codes appear as the `code`
 * of the 400 answer's detail for the password field, and the web app explains each.
 */
export const passwordWeaknesses = [
  /** One character, or a short group of them, over and over: `aaaaaaaaaaaa`, `abcabcabcabc`. */
  'password_repeated',
  /** A run along the alphabet, the digits or a keyboard row: `123456789012`, `abcdefghijkl`, `qwertyuiop…`. */
  'password_sequence',
  /** Contains the account's e-mail address or the part before the @. */
  'password_contains_email',
  /** The same as the password it replaces. */
  'password_same_as_current',
  /** A well-known password (from a list of passwords seen in leaks), perhaps with digits or symbols around it. */
  'password_common',
] as const;
export type PasswordWeakness = (typeof passwordWeaknesses)[number];

export type PasswordContext = {
  /** The e-mail address of the account the password is for. */
  email?: string | undefined;
  /** The password being replaced, when the person typed it (never looked up). */
  currentPassword?: string | undefined;
  /**
   * Whether a word is in a list of common passwords; given lowercased, without spaces and
   * punctuation. The list is the server's to supply, so this module stays free of it.
   */
  isCommon?: ((word: string) => boolean) | undefined;
};

/**
 * Runs along which typing is no effort: alphabets, digits (also wrapping from 9 to 0) and the rows of
 * the keyboards used in the centre (English QWERTY, Czech QWERTZ, Ukrainian ЙЦУКЕН).
 */
const sequences = [
  '01234567890',
  'abcdefghijklmnopqrstuvwxyz',
  'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя',
  'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
  '1234567890-=',
  '!@#$%^&*()_+',
  '+ěščřžýáíé=',
  'qwertyuiop[]',
  'qwertzuiopú)',
  "asdfghjkl;'",
  'asdfghjklů§',
  'zxcvbnm,./',
  'yxcvbnm,.-',
  'йцукенгшщзхї',
  'фівапролджє',
  'ячсмитьбю.',
];

/** Each pair of neighbouring characters in some sequence, in both directions. */
const steps = new Set(
  sequences.flatMap((s) => {
    const chars = [...s];
    return chars.slice(1).flatMap((c, i) => [`${chars[i]}${c}`, `${c}${chars[i]}`]);
  }),
);

/** Lowercased, without spaces, punctuation and symbols: how the rules compare what was typed. */
export function foldPassword(value: string): string {
  return value.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** A password made of one short group of characters repeated, or of three different characters or fewer. */
function isRepeated(value: string): boolean {
  return new Set(value).size <= 3 || /^(.{1,4})\1+$/su.test(value);
}

/**
 * A password in which at least four of every five neighbouring pairs are steps along a sequence or
 * the same character twice: `123456789012`, `qwertyuiopasdf`, `abcdefghijkl`.
 */
function isSequence(value: string): boolean {
  const chars = [...value];
  if (chars.length < 2) return false;
  let weak = 0;
  for (let i = 1; i < chars.length; i++) {
    const pair = `${chars[i - 1]}${chars[i]}`;
    if (chars[i - 1] === chars[i] || steps.has(pair)) weak++;
  }
  return weak * 5 >= (chars.length - 1) * 4;
}

function containsEmail(value: string, email: string | undefined): boolean {
  if (!email) return false;
  const lower = value.toLowerCase();
  const address = email.toLowerCase();
  const local = address.split('@')[0] ?? '';
  if (lower.includes(address)) return true;
  if (local.length >= 3 && lower.includes(local)) return true;
  // "Marie Svobodova 2026" for marie.svobodova@…: compare without the separators too.
  const foldedLocal = foldPassword(local);
  return foldedLocal.length >= 3 && foldPassword(value).includes(foldedLocal);
}

function isCommonPassword(value: string, isCommon: PasswordContext['isCommon']): boolean {
  if (!isCommon) return false;
  const folded = foldPassword(value);
  if (isCommon(folded)) return true;
  // A common password with digits or symbols around it: "Password2026!", "2026iloveyou".
  const core = folded.replace(/^\d+|\d+$/gu, '');
  return core.length >= 4 && core !== folded && isCommon(core);
}

/**
 * The first reason a new password is trivially weak, or null when none applies. Length is the
 * schema's rule (`password` in users.ts); this judges what a length check cannot.
 */
export function passwordWeakness(value: string, context: PasswordContext = {}): PasswordWeakness | null {
  if (context.currentPassword !== undefined && value === context.currentPassword) return 'password_same_as_current';
  // Judged as typed and without its separators ("1234 5678 9012" is still a sequence).
  const forms = [value.toLowerCase(), foldPassword(value)].filter((form) => form.length > 0);
  if (forms.some(isRepeated)) return 'password_repeated';
  if (forms.some(isSequence)) return 'password_sequence';
  if (containsEmail(value, context.email)) return 'password_contains_email';
  if (isCommonPassword(value, context.isCommon)) return 'password_common';
  return null;
}
