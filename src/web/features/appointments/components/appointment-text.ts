import type { TFunction } from 'i18next';
import { type AppointmentResponse, toCentreTime } from '../../../../shared/index.js';
import { formatClientName } from '../../clients/index.js';

/** "09:00–09:45" in the centre's time. */
export function formatTimeRange(appointment: Pick<AppointmentResponse, 'startsAt' | 'endsAt'>): string {
  return `${toCentreTime(new Date(appointment.startsAt))}–${toCentreTime(new Date(appointment.endsAt))}`;
}

/** Who the appointment is with: "SHEVCHENKO Olena (2026-00042)", or a new contact's name marked as such. */
export function describeParty(appointment: Pick<AppointmentResponse, 'client' | 'contactName'>, t: TFunction): string {
  if (appointment.client) return `${formatClientName(appointment.client)} (${appointment.client.clientNumber})`;
  return t('appointments.newContactNamed', { name: appointment.contactName ?? '' });
}
