import type { TFunction } from 'i18next';
import { type NotBookableReason, notBookableReasons, toCentreTime } from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';

/**
 * Why a time could not be booked, in the UI language: the counsellor's clashing appointment, a
 * public holiday, the working hours or the past. Null for any other error.
 */
export function describeBookingError(error: unknown, t: TFunction): string | null {
  if (isApiError(error, 'APPOINTMENT_CONFLICT')) {
    const details = (error.details ?? {}) as { startsAt?: string; endsAt?: string };
    if (!details.startsAt || !details.endsAt) return t('errors.APPOINTMENT_CONFLICT');
    return t('appointments.conflict', { from: toCentreTime(new Date(details.startsAt)), to: toCentreTime(new Date(details.endsAt)) });
  }
  if (isApiError(error, 'NOT_BOOKABLE')) {
    const reason = (error.details as { reason?: string } | undefined)?.reason;
    return (notBookableReasons as readonly string[]).includes(reason ?? '')
      ? t(`appointments.notBookable.${reason as NotBookableReason}`)
      : t('errors.NOT_BOOKABLE');
  }
  return null;
}
