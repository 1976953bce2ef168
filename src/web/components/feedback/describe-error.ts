import type { TFunction } from 'i18next';
import { errorCodes } from '../../../shared/index.js';
import { ApiError, type ClientErrorCode } from '../api/api-error.js';

type KnownCode = (typeof errorCodes)[number] | ClientErrorCode;
const knownCodes: readonly string[] = [...errorCodes, 'NETWORK', 'UNREADABLE_RESPONSE'];

/** A sentence in the UI language for any failure, chosen by the API's error code. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && knownCodes.includes(error.code)) return t(`errors.${error.code as KnownCode}`);
  return t('errors.UNKNOWN');
}
