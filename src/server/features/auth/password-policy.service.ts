import { foldPassword, type PasswordContext, type PasswordWeakness, passwordWeakness } from '../../../shared/index.js';
import { fieldError } from '../../http/app-error.js';

/** What each refusal says in the API's message; the web app explains the code in the UI language. */
const weaknessMessages: Record<PasswordWeakness, string> = {
  password_repeated: 'The password repeats one character or a short group of characters',
  password_sequence: 'The password is a run along the alphabet, the digits or a keyboard row',
  password_contains_email: 'The password contains the e-mail address',
  password_same_as_current: 'The new password is the same as the current one',
  password_common: 'The password is on a list of common passwords',
};

let commonPasswords: Promise<Set<string>> | undefined;

/**
 * The common passwords of zxcvbn-ts's maintained list (about 49,000, from leaks), folded as the rule
 * compares them. Loaded on first use: decompressing it takes about 0.1 s.
 */
function loadCommonPasswords(): Promise<Set<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common'].map(foldPassword)),
  );
  return commonPasswords;
}

/** The first reason a new password is too weak (the shared rule with the common-passwords list), or null. */
export async function findPasswordWeakness(
  password: string,
  context: Omit<PasswordContext, 'isCommon'>,
): Promise<{ code: PasswordWeakness; message: string } | null> {
  const common = await loadCommonPasswords();
  const code = passwordWeakness(password, { ...context, isCommon: (word) => common.has(word) });
  return code ? { code, message: weaknessMessages[code] } : null;
}

/**
 * Refuses a trivially weak new password with 400 VALIDATION_FAILED naming the field and the reason.
 * Every place that sets a password calls it before hashing (decision 019).
 */
export async function requireStrongPassword(field: string, password: string, context: Omit<PasswordContext, 'isCommon'>): Promise<void> {
  const weakness = await findPasswordWeakness(password, context);
  if (weakness) throw fieldError(field, weakness.code, weakness.message);
}
