import { createHash } from 'node:crypto';
import type { Db } from '../../../db/open-database.js';
import type { Config } from '../../config.js';
import { AppError } from '../../http/app-error.js';
import { countAttempt, deleteAttemptsBefore, selectWindowStart, uncountAttempt } from './attempt-limits.repo.js';

/** At most `max` failed checks per `windowSeconds` for one address, account or user. */
export type AttemptRule = { scope: 'address' | 'account' | 'user'; value: string; max: number; windowSeconds: number };

/** An attempt counted against its rules until it is known to have succeeded. */
export type Attempt = { counted: { key: string; windowStartedAt: Date }[] };

/** An account's sign-in failures are counted over 15 minutes; so are a signed-in user's wrong passwords. */
export const accountWindowSeconds = 15 * 60;
/** Wrong current passwords a signed-in user may type in 15 minutes (changing the password, two-factor set-up). */
export const passwordChecksPerUser = 5;

/** The limits of config that apply to credential checks. */
export type AttemptLimits = Pick<Config, 'signInLimitPerMinute' | 'signInAccountLimit'>;

const addressRule = (limits: AttemptLimits, ip: string): AttemptRule => ({
  scope: 'address',
  value: ip,
  max: limits.signInLimitPerMinute,
  windowSeconds: 60,
});

/** A sign-in with e-mail and password: per client address and per account (known or not, alike). */
export const signInRules = (limits: AttemptLimits, ip: string, email: string): AttemptRule[] => [
  addressRule(limits, ip),
  { scope: 'account', value: email.toLowerCase(), max: limits.signInAccountLimit, windowSeconds: accountWindowSeconds },
];

/** The second step of a sign-in: per address here; per account by better-auth's own lockout (decision 019). */
export const secondFactorRules = (limits: AttemptLimits, ip: string): AttemptRule[] => [addressRule(limits, ip)];

/** A signed-in user typing their password again: per address and per user. */
export const passwordCheckRules = (limits: AttemptLimits, ip: string, userId: string): AttemptRule[] => [
  addressRule(limits, ip),
  { scope: 'user', value: userId, max: passwordChecksPerUser, windowSeconds: accountWindowSeconds },
];

/** Keys are hashes: an e-mail typed at sign-in (perhaps a password typed in the wrong box) is not kept. */
export const attemptKeyOf = (rule: Pick<AttemptRule, 'scope' | 'value'>) =>
  createHash('sha256').update(`${rule.scope}\u0000${rule.value}`).digest('base64url');

/**
 * Counts an attempt against every rule before the credential is checked, so parallel guesses cannot
 * overtake the count; a rule whose window is full refuses it with 429 RATE_LIMITED (nothing counted)
 * and `details.retryAfterSeconds`. Call `endAttempt` once the check is done: only failures stay counted.
 */
export async function beginAttempt(db: Db, rules: AttemptRule[], now = new Date()): Promise<Attempt> {
  if (rules.length === 0) return { counted: [] };
  return db.transaction(async (tx) => {
    const counted: Attempt['counted'] = [];
    for (const rule of rules) {
      const key = attemptKeyOf(rule);
      const window = await countAttempt(tx, key, rule.max, rule.windowSeconds, now);
      if (!window) {
        const startedAt = (await selectWindowStart(tx, key)) ?? now;
        const retryAfterSeconds = Math.max(1, Math.ceil((startedAt.getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000));
        // Thrown inside the transaction: the other rules' counts roll back with it.
        throw new AppError('RATE_LIMITED', 'Too many failed attempts, try again later', { retryAfterSeconds });
      }
      // A window began with this attempt: clear the windows that ended, at most once per key and window.
      if (window.windowStartedAt.getTime() === now.getTime()) {
        await deleteAttemptsBefore(tx, new Date(now.getTime() - accountWindowSeconds * 1000));
      }
      counted.push({ key, windowStartedAt: window.windowStartedAt });
    }
    return { counted };
  });
}

/** Ends an attempt: a success is taken back from every count; a failure stays counted. */
export async function endAttempt(db: Db, attempt: Attempt, succeeded: boolean): Promise<void> {
  if (!succeeded || attempt.counted.length === 0) return;
  await db.transaction(async (tx) => {
    for (const { key, windowStartedAt } of attempt.counted) await uncountAttempt(tx, key, windowStartedAt);
  });
}
