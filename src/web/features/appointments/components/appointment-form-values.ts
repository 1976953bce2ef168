import {
  type AppointmentResponse,
  centreInstant,
  type CreateAppointmentInput,
  formatPhone,
  toCentreDate,
  toCentreTime,
} from '../../../../shared/index.js';

export type PartyKind = 'client' | 'contact';

export type AppointmentFormValues = {
  staffId: string | null;
  partyKind: PartyKind;
  clientId: string | null;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  date: string | null;
  time: string;
  durationMinutes: string;
  branchId: string | null;
  place: string;
  purpose: string;
  interpreterLanguage: string | null;
};

/** Durations offered, in minutes. */
export const durationChoices = [15, 30, 45, 60, 90, 120, 180] as const;

/** What a new booking starts with: given by the page (a client's record, a day of the calendar) or empty. */
export type AppointmentPrefill = { staffId?: string | null; clientId?: string | null; date?: string | null; branchId?: string | null };

export function toAppointmentFormValues(appointment: AppointmentResponse | null, prefill: AppointmentPrefill = {}): AppointmentFormValues {
  if (!appointment) {
    return {
      staffId: prefill.staffId ?? null,
      partyKind: 'client',
      clientId: prefill.clientId ?? null,
      contactName: '',
      contactPhone: '',
      contactEmail: '',
      date: prefill.date ?? null,
      time: '',
      durationMinutes: '60',
      branchId: prefill.branchId ?? null,
      place: '',
      purpose: '',
      interpreterLanguage: null,
    };
  }
  const startsAt = new Date(appointment.startsAt);
  const minutes = Math.round((Date.parse(appointment.endsAt) - startsAt.getTime()) / 60_000);
  return {
    staffId: appointment.staff.id,
    partyKind: appointment.client ? 'client' : 'contact',
    clientId: appointment.client?.id ?? null,
    contactName: appointment.contactName ?? '',
    contactPhone: appointment.contactPhone ? formatPhone(appointment.contactPhone) : '',
    contactEmail: appointment.contactEmail ?? '',
    date: toCentreDate(startsAt),
    time: toCentreTime(startsAt),
    durationMinutes: String(minutes),
    branchId: appointment.branch?.id ?? null,
    place: appointment.place ?? '',
    purpose: appointment.purpose ?? '',
    interpreterLanguage: appointment.interpreterLanguage,
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

/** The booking (or the change of one) as the API takes it; times are read in the centre's time zone. */
export function toAppointmentPayload(values: AppointmentFormValues): CreateAppointmentInput {
  const party =
    values.partyKind === 'client'
      ? { clientId: values.clientId }
      : {
          clientId: null,
          contactName: orNull(values.contactName),
          contactPhone: orNull(values.contactPhone),
          contactEmail: orNull(values.contactEmail),
        };
  return {
    staffId: values.staffId ?? '',
    ...party,
    startsAt: values.date && /^\d{2}:\d{2}$/.test(values.time) ? centreInstant(values.date, values.time).toISOString() : '',
    durationMinutes: Number(values.durationMinutes),
    branchId: values.branchId,
    place: orNull(values.place),
    purpose: orNull(values.purpose),
    interpreterLanguage: values.interpreterLanguage as CreateAppointmentInput['interpreterLanguage'],
  };
}
