import type { TFunction } from 'i18next';
import { errorCodes } from '../../../shared/index.js';
import { ApiError, type ClientErrorCode, isApiError } from '../api/api-error.js';

type KnownCode = (typeof errorCodes)[number] | ClientErrorCode;
const knownCodes: readonly string[] = [...errorCodes, 'NETWORK', 'UNREADABLE_RESPONSE'];

/** A sentence in the UI language for any failure, chosen by the API's error code. */
export function describeError(error: unknown, t: TFunction): string {
  // A limit of failed attempts says when it ends: a minute for an address, up to a quarter of an hour for an account.
  const retryAfter = (error instanceof ApiError ? (error.details as { retryAfterSeconds?: unknown } | undefined) : undefined)
    ?.retryAfterSeconds;
  if (isApiError(error, 'RATE_LIMITED') && typeof retryAfter === 'number') {
    return t('errors.RATE_LIMITED_FOR', { minutes: Math.max(1, Math.ceil(retryAfter / 60)) });
  }
  if (error instanceof ApiError && knownCodes.includes(error.code)) return t(`errors.${error.code as KnownCode}`);
  return t('errors.UNKNOWN');
}
