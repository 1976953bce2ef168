import { z } from 'zod';
import { recordVersion } from './versions.js';
import { createClientInput } from './clients.js';
import { isoDate, languageCode, optionalPersonName, optionalText, pagingQuery, uiLanguage, uuid, withinDates } from './common.js';
import { toCentreDate } from './dates.js';
import type { Role } from './permissions.js';
import { daysBetween } from './working-hours.js';

export const appointmentStatuses = ['booked', 'attended', 'no_show', 'cancelled'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/**
 * Where each status may go. Attended and no-show are set once the appointment has begun, and undone
 * (back to booked) only by who set them on the same day (see `statusUndoProblem`); a cancelled
 * appointment can be booked again (it then takes its time slot again and is checked like a new booking).
 */
export const appointmentTransitions: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ['attended', 'no_show', 'cancelled'],
  attended: ['booked'],
  no_show: ['booked'],
  cancelled: ['booked'],
};

/** The statuses that say how an appointment went: set only once it has begun. */
export const outcomeStatuses = ['attended', 'no_show'] as const satisfies readonly AppointmentStatus[];

/** Why an attended or no-show cannot be undone: `details.reason` of a 409 STATUS_UNDO_REFUSED. */
export const statusUndoRefusals = ['not_author', 'day_passed'] as const;
export type StatusUndoRefusal = (typeof statusUndoRefusals)[number];

/**
 * Whether the actor may undo an attended or no-show (back to booked) now: only who set it, and only
 * on the same centre (Prague) day. Returns why not, or null when allowed.
 */
export function statusUndoProblem(set: { by: string | null; at: Date | null }, actorId: string, now: Date): StatusUndoRefusal | null {
  if (!set.by || set.by !== actorId) return 'not_author';
  if (!set.at || toCentreDate(set.at) !== toCentreDate(now)) return 'day_passed';
  return null;
}

/** The roles whose members are booked for appointments: the counsellors. */
export const counsellingRoles = ['social_counsellor', 'legal_counsellor'] as const satisfies readonly Role[];

/** Why a time cannot be booked: `details.reason` of a 409 NOT_BOOKABLE. */
export const notBookableReasons = ['past', 'holiday', 'outside_hours'] as const;
export type NotBookableReason = (typeof notBookableReasons)[number];

/** The longest calendar range one request may read. */
export const maxCalendarDays = 42;
/** The days at once of the whole centre's calendar (no counsellor, branch or client chosen): a week. */
export const maxCentreCalendarDays = 7;
/** The longest appointment, in minutes. */
export const maxAppointmentMinutes = 600;

/** An instant in ISO 8601 with its offset, e.g. 2027-03-24T09:00:00+01:00. */
export const instant = z.iso.datetime({ offset: true }).meta({ format: 'date-time', example: '2027-03-24T09:00:00+01:00' });
/** When an appointment is: from 2000 to two years ahead (the centre's day). */
const appointmentInstant = instant.superRefine(withinDates('2000-01-01', { yearsFromToday: 2 }, 'The appointment'));
/** A staff member's id (better-auth's text ids). */
const staffId = z.string().trim().min(1).max(100);
const durationMinutes = z.number().int().min(5).max(maxAppointmentMinutes);

const appointmentFields = {
  /** The counsellor: an active member of staff with a counselling role. */
  staffId,
  /** The registered client; for someone not registered, the contact fields instead. */
  clientId: uuid.nullable().optional(),
  /** A new contact's name, when there is no client record (yet). */
  contactName: optionalPersonName(200).optional(),
  contactPhone: createClientInput.shape.phone,
  contactEmail: createClientInput.shape.email,
  startsAt: appointmentInstant,
  /** The end; or give `durationMinutes` instead. */
  endsAt: appointmentInstant.optional(),
  durationMinutes: durationMinutes.optional(),
  /** Defaults to the counsellor's branch. */
  branchId: uuid.nullable().optional(),
  /** Where exactly (room, address of an outreach visit). */
  place: optionalText(200).optional(),
  purpose: optionalText(1000).optional(),
  /** The language an interpreter is needed for (ISO 639-1); null when none is needed. */
  interpreterLanguage: languageCode.nullable().optional(),
};

type TimeFields = { startsAt?: string | undefined; endsAt?: string | undefined; durationMinutes?: number | undefined };
type PartyFields = {
  clientId?: string | null | undefined;
  contactName?: string | null | undefined;
  contactPhone?: string | null | undefined;
  contactEmail?: string | null | undefined;
};

/** End after start, not too long, and not both an end and a duration. */
function checkTimes(input: TimeFields, ctx: z.RefinementCtx): void {
  if (input.endsAt !== undefined && input.durationMinutes !== undefined) {
    ctx.addIssue({ code: 'custom', message: 'Give endsAt or durationMinutes, not both', path: ['durationMinutes'] });
  }
  if (input.startsAt !== undefined && input.endsAt !== undefined) {
    const minutes = (Date.parse(input.endsAt) - Date.parse(input.startsAt)) / 60_000;
    if (minutes <= 0) ctx.addIssue({ code: 'custom', message: 'The end must be after the start', path: ['endsAt'] });
    else if (minutes > maxAppointmentMinutes) ctx.addIssue({ code: 'custom', message: 'The appointment is too long', path: ['endsAt'] });
  }
}

/**
 * Who the appointment is with: a client, or a contact with a name and a phone or e-mail, never both.
 * Returns the field to blame and why, or null when the party is complete.
 */
export function findPartyProblem(party: PartyFields): { field: keyof PartyFields; message: string } | null {
  const hasContact = Boolean(party.contactName || party.contactPhone || party.contactEmail);
  if (party.clientId && hasContact) return { field: 'contactName', message: 'Give a client or a new contact, not both' };
  if (!party.clientId && !party.contactName) return { field: 'clientId', message: 'Choose a client or give the name of a new contact' };
  if (!party.clientId && !party.contactPhone && !party.contactEmail) {
    return { field: 'contactPhone', message: 'A new contact needs a phone number or an e-mail address' };
  }
  return null;
}

export const createAppointmentInput = z.strictObject(appointmentFields).superRefine((input, ctx) => {
  checkTimes(input, ctx);
  if (input.endsAt === undefined && input.durationMinutes === undefined) {
    ctx.addIssue({ code: 'custom', message: 'Give endsAt or durationMinutes', path: ['durationMinutes'] });
  }
  const problem = findPartyProblem(input);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: [problem.field] });
});
export type CreateAppointmentInput = z.infer<typeof createAppointmentInput>;

/**
 * A change of a booked appointment. A new start without an end keeps the duration; the client or
 * contact fields given replace the stored ones, and the result must still name a client or a contact.
 */
export const updateAppointmentInput = z.strictObject(appointmentFields).partial().superRefine(checkTimes);
export type UpdateAppointmentInput = z.infer<typeof updateAppointmentInput>;

export const changeAppointmentStatusInput = z
  .strictObject({
    status: z.enum(appointmentStatuses),
    /** Why it was cancelled; only with `cancelled`. */
    reason: optionalText(500).optional(),
  })
  .refine((input) => !input.reason || input.status === 'cancelled', {
    message: 'A reason is given only when cancelling',
    path: ['reason'],
  });
export type ChangeAppointmentStatusInput = z.infer<typeof changeAppointmentStatusInput>;

/** A range of days in the centre's calendar, both ends included, at most `maxDays` long. */
function dayRange<T extends { from: string; to: string }>(schema: z.ZodType<T>, maxDays: number) {
  return schema
    .refine((q) => q.from <= q.to, { message: 'to must not be before from', path: ['to'] })
    .refine((q) => daysBetween(q.from, q.to) < maxDays, { message: `At most ${maxDays} days at once`, path: ['to'] });
}

export const listAppointmentsQuery = dayRange(
  z.strictObject({
    /** The first day (Europe/Prague), included. */
    from: isoDate,
    /** The last day, included; at most 42 days after `from`. */
    to: isoDate,
    staffId: staffId.optional(),
    branchId: uuid.optional(),
    clientId: uuid.optional(),
    status: z.enum(appointmentStatuses).optional(),
  }),
  maxCalendarDays,
).refine((q) => q.staffId || q.branchId || q.clientId || daysBetween(q.from, q.to) < maxCentreCalendarDays, {
  message: `The whole centre's calendar is shown at most ${maxCentreCalendarDays} days at once; choose a counsellor, branch or client for more`,
  path: ['to'],
});
export type ListAppointmentsQuery = z.infer<typeof listAppointmentsQuery>;

export const clientAppointmentsQuery = z.strictObject({ status: z.enum(appointmentStatuses).optional(), ...pagingQuery });
export type ClientAppointmentsQuery = z.infer<typeof clientAppointmentsQuery>;

export const appointmentResponse = z
  .object({
    id: uuid,
    staff: z.object({ id: z.string(), name: z.string() }),
    branch: z.object({ id: uuid, name: z.string() }).nullable(),
    client: z.object({ id: uuid, clientNumber: z.string(), givenName: z.string(), familyName: z.string() }).nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    contactEmail: z.string().nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    place: z.string().nullable(),
    purpose: z.string().nullable(),
    interpreterLanguage: z.string().nullable(),
    status: z.enum(appointmentStatuses),
    cancelReason: z.string().nullable(),
    /** Who last set the status (a staff id) and when; only they may undo an attended or no-show, that day. */
    statusChangedBy: z.string().nullable(),
    statusChangedAt: z.string().nullable(),
    /** The consultation recorded from this appointment. */
    serviceId: uuid.nullable(),
    /** Changes with every saved change; send it back in `If-Match` (decision 017). */
    version: recordVersion,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Appointment' });
export type AppointmentResponse = z.infer<typeof appointmentResponse>;

export const outboxChannels = ['email', 'sms'] as const;
export type OutboxChannel = (typeof outboxChannels)[number];
/** `sending`: taken by the sender and not yet finished; a reschedule or cancellation no longer changes it. */
export const outboxStatuses = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/** One appointment with the reminders queued for it. */
export const appointmentDetailResponse = appointmentResponse.extend({
  reminders: z.array(
    z.object({
      channel: z.enum(outboxChannels),
      status: z.enum(outboxStatuses),
      sendAfter: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
});
export type AppointmentDetailResponse = z.infer<typeof appointmentDetailResponse>;

export const counsellorResponse = z.object({
  id: z.string(),
  name: z.string(),
  branchId: z.string().nullable(),
  roles: z.array(z.string()),
});
export type CounsellorResponse = z.infer<typeof counsellorResponse>;

export const listHolidaysQuery = dayRange(
  z.strictObject({
    from: isoDate,
    to: isoDate,
    /** The language of the names; Ukrainian gets the English ones. */
    lang: uiLanguage.default('cs'),
  }),
  366,
);
export const holidayResponse = z.object({ date: z.string(), name: z.string() });
export type HolidayResponse = z.infer<typeof holidayResponse>;

/** A calendar-feed token: 32 random bytes in base64url. */
export const calendarFeedParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'Not a feed token' }) });

export const calendarFeedStatusResponse = z.object({ active: z.boolean(), createdAt: z.string().nullable() });
/** The feed's secret address: shown once, when it is made. */
export const calendarFeedCreatedResponse = z.object({ url: z.string(), createdAt: z.string() });

export const listOutboxQuery = z.strictObject({
  status: z.enum(outboxStatuses).optional(),
  channel: z.enum(outboxChannels).optional(),
  clientId: uuid.optional(),
  appointmentId: uuid.optional(),
  ...pagingQuery,
});
export type ListOutboxQuery = z.infer<typeof listOutboxQuery>;

export const outboxMessageResponse = z
  .object({
    id: uuid,
    channel: z.enum(outboxChannels),
    recipient: z.string(),
    subject: z.string().nullable(),
    body: z.string(),
    client: z.object({ id: uuid, clientNumber: z.string() }).nullable(),
    appointmentId: uuid.nullable(),
    /** What the message is for, e.g. `reminder:<appointment id>:sms`; null once superseded. */
    purposeKey: z.string().nullable(),
    status: z.enum(outboxStatuses),
    sendAfter: z.string(),
    attempts: z.number().int(),
    /** The sender's error code, never the message's content. */
    lastError: z.string().nullable(),
    sender: z.string().nullable(),
    sentAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'OutboxMessage' });
export type OutboxMessageResponse = z.infer<typeof outboxMessageResponse>;
