import type { Tx } from '../../../db/open-database.js';
import {
  addDays,
  type AppointmentDetailResponse,
  type AppointmentResponse,
  appointmentTransitions,
  type ChangeAppointmentStatusInput,
  type ClientAppointmentsQuery,
  type CounsellorResponse,
  type CreateAppointmentInput,
  centreInstant,
  counsellingRoles,
  findPartyProblem,
  isWithinWorkingHours,
  type ListAppointmentsQuery,
  maxAppointmentMinutes,
  type NotBookableReason,
  outcomeStatuses,
  statusUndoProblem,
  toCentreDate,
  type UpdateAppointmentInput,
} from '../../../shared/index.js';
import { AppError, fieldError, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { changedValues, diffFields, listedClientIds, recordAudit } from '../audit/audit.service.js';
import { requireVersion, versionStamp } from '../audit/record-versions.service.js';
import { requireBranch } from '../centre/centre.service.js';
import { requireChangeableClient, requireClient } from '../clients/clients.service.js';
import {
  type AppointmentRow,
  insertAppointment,
  type ListedAppointment,
  lockCounsellorBookings,
  selectAppointmentRow,
  selectCalendar,
  selectClientAppointments,
  selectListedAppointment,
  selectOverlappingAppointment,
  selectReminders,
  updateAppointmentRow,
} from './appointments.repo.js';
import { findPublicHoliday } from './holidays.service.js';
import { queueReminders, withdrawReminders } from './outbox.service.js';
import { findActiveStaff } from '../users/users.service.js';
import { getWorkingHours } from './working-hours.service.js';

/** The fields an appointment's audit entries name. */
const auditedFields = [
  'staffId',
  'branchId',
  'clientId',
  'contactName',
  'contactPhone',
  'contactEmail',
  'startsAt',
  'endsAt',
  'place',
  'purpose',
  'interpreterLanguage',
  'status',
  'cancelReason',
  'serviceId',
] as const satisfies readonly (keyof AppointmentRow)[];
/** Of those, the ones whose values the audit shows: the contact, the place, the purpose and the reason are personal (free text). */
const auditedValueFields = [
  'staffId',
  'branchId',
  'clientId',
  'startsAt',
  'endsAt',
  'interpreterLanguage',
  'status',
  'serviceId',
] as const satisfies readonly (typeof auditedFields)[number][];

/** Changes that change what a reminder says or where it goes. */
const reminderFields = ['staffId', 'branchId', 'clientId', 'contactPhone', 'contactEmail', 'startsAt', 'place'] as const;

export function toAppointmentResponse(row: ListedAppointment): AppointmentResponse {
  const a = row.appointment;
  return {
    id: a.id,
    staff: { id: a.staffId, name: row.staffName },
    branch: a.branchId && row.branchName ? { id: a.branchId, name: row.branchName } : null,
    client: row.client,
    contactName: a.contactName,
    contactPhone: a.contactPhone,
    contactEmail: a.contactEmail,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    place: a.place,
    purpose: a.purpose,
    interpreterLanguage: a.interpreterLanguage,
    status: a.status,
    cancelReason: a.cancelReason,
    statusChangedBy: a.statusChangedBy,
    statusChangedAt: a.statusChangedAt?.toISOString() ?? null,
    serviceId: a.serviceId,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

async function loadAppointment(tx: Tx, id: string): Promise<AppointmentResponse> {
  const row = await selectListedAppointment(tx, id);
  if (!row) throw notFound('Appointment');
  return toAppointmentResponse(row);
}

/** The counsellor to book: an active member of staff with a counselling role, else 400 naming the field. */
async function requireCounsellor(tx: Tx, staffId: string) {
  const [staff] = await findActiveStaff(tx, counsellingRoles, { id: staffId });
  if (!staff) throw fieldError('body.staffId', 'not_a_counsellor', 'No active counsellor with this id');
  return staff;
}

/** The client a booking names in its body: locked for the booking, unknown is 400 naming the field. */
const bookedClient = { lock: true, field: 'body.clientId' };

function notBookable(reason: NotBookableReason, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('NOT_BOOKABLE', message, { reason, ...details });
}

/** Refuses a time that has begun, falls on a Czech public holiday, or is not within the working hours. */
async function ensureBookable(tx: Tx, startsAt: Date, endsAt: Date, now: Date): Promise<void> {
  if (startsAt <= now) throw notBookable('past', 'This time has already begun');
  const date = toCentreDate(startsAt);
  const holiday = findPublicHoliday(date);
  if (holiday) throw notBookable('holiday', 'This day is a public holiday', { date, holiday: holiday.name });
  if (!isWithinWorkingHours(await getWorkingHours(tx), startsAt, endsAt)) {
    throw notBookable('outside_hours', 'This time is outside the working hours');
  }
}

/**
 * Refuses a time at which the counsellor already has an appointment (not cancelled). The check runs
 * under the counsellor's booking lock, which the caller's transaction holds until it commits.
 */
async function ensureCounsellorFree(tx: Tx, staffId: string, startsAt: Date, endsAt: Date, exceptId: string | null): Promise<void> {
  await lockCounsellorBookings(tx, staffId);
  const clash = await selectOverlappingAppointment(tx, staffId, startsAt, endsAt, exceptId);
  if (clash) {
    throw new AppError('APPOINTMENT_CONFLICT', 'The counsellor already has an appointment at this time', {
      appointmentId: clash.id,
      startsAt: clash.startsAt.toISOString(),
      endsAt: clash.endsAt.toISOString(),
    });
  }
}

const minutes = (count: number) => count * 60_000;

/**
 * Books an appointment with a counsellor for a client or a new contact: the counsellor must be free,
 * the time in the future, within working hours and not on a public holiday. Reminders to the client
 * are queued in the same transaction.
 */
export async function createAppointment(ctx: Ctx, input: CreateAppointmentInput): Promise<AppointmentResponse> {
  const startsAt = new Date(input.startsAt);
  const endsAt = input.endsAt ? new Date(input.endsAt) : new Date(startsAt.getTime() + minutes(input.durationMinutes ?? 0));
  return ctx.db.transaction(async (tx) => {
    const counsellor = await requireCounsellor(tx, input.staffId);
    if (input.clientId) await requireChangeableClient(tx, input.clientId, bookedClient);
    const branchId = input.branchId === undefined ? counsellor.branchId : input.branchId;
    await requireBranch(tx, branchId);
    await ensureBookable(tx, startsAt, endsAt, ctx.now);
    await ensureCounsellorFree(tx, input.staffId, startsAt, endsAt, null);
    const row = await insertAppointment(tx, {
      staffId: input.staffId,
      branchId,
      clientId: input.clientId ?? null,
      contactName: input.contactName ?? null,
      contactPhone: input.contactPhone ?? null,
      contactEmail: input.contactEmail ?? null,
      startsAt,
      endsAt,
      place: input.place ?? null,
      purpose: input.purpose ?? null,
      interpreterLanguage: input.interpreterLanguage ?? null,
      createdBy: ctx.actor.id,
    });
    await queueReminders(tx, row.id, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'appointment.created',
      entityType: 'appointment',
      entityId: row.id,
      ...(row.clientId ? { clientId: row.clientId } : {}),
      changes: diffFields<Record<string, unknown>>({ status: null }, row, auditedFields, auditedValueFields),
    });
    return loadAppointment(tx, row.id);
  });
}

/**
 * The appointment, locked for a change; from an older version than the stored one
 * (`expectedVersion`), refused with 412 before anything changes.
 */
async function requireAppointmentForUpdate(tx: Tx, id: string, expectedVersion?: number): Promise<AppointmentRow> {
  const row = await selectAppointmentRow(tx, id, { forUpdate: true });
  if (!row) throw notFound('Appointment');
  const versioned = {
    type: 'appointment',
    id,
    version: row.version,
    clientId: row.clientId,
    actions: ['appointment.updated', 'appointment.status_changed'] as const,
  };
  await requireVersion(tx, versioned, expectedVersion);
  return row;
}

/** The answer to a change that changed nothing is the appointment as it is: audited as the read it is. */
async function readUnchangedAppointment(tx: Tx, ctx: Ctx, before: AppointmentRow): Promise<AppointmentResponse> {
  await recordAudit(tx, ctx, {
    action: 'appointment.read',
    entityType: 'appointment',
    entityId: before.id,
    ...(before.clientId ? { clientId: before.clientId } : {}),
  });
  return loadAppointment(tx, before.id);
}

/** The new start and end: a new start alone keeps the duration, a duration alone keeps the start. */
function nextTimes(before: AppointmentRow, input: UpdateAppointmentInput): { startsAt: Date; endsAt: Date } {
  const startsAt = input.startsAt ? new Date(input.startsAt) : before.startsAt;
  if (input.endsAt) return { startsAt, endsAt: new Date(input.endsAt) };
  const duration = input.durationMinutes ? minutes(input.durationMinutes) : before.endsAt.getTime() - before.startsAt.getTime();
  return { startsAt, endsAt: new Date(startsAt.getTime() + duration) };
}

/**
 * Changes a booked appointment: reschedules it (checked as a new booking), moves it to another
 * counsellor or branch, or changes the client, place, purpose or interpreter. Naming a client replaces
 * a new contact. Queued reminders follow the change. From an older version than the stored one
 * (`expectedVersion`), nothing changes (412); a change to equal values is audited as a read.
 */
export async function updateAppointment(
  ctx: Ctx,
  id: string,
  input: UpdateAppointmentInput,
  expectedVersion?: number,
): Promise<AppointmentResponse> {
  return ctx.db.transaction(async (tx) => {
    const before = await requireAppointmentForUpdate(tx, id, expectedVersion);
    if (before.status !== 'booked') throw new AppError('CONFLICT', 'Only a booked appointment can be changed');
    const { startsAt, endsAt } = nextTimes(before, input);
    if (endsAt <= startsAt) throw fieldError('body.endsAt', 'end_before_start', 'The end must be after the start');
    if (endsAt.getTime() - startsAt.getTime() > minutes(maxAppointmentMinutes))
      throw fieldError('body.endsAt', 'too_long', 'The appointment is too long');
    // Naming a client replaces the contact, unless contact fields are given too (which is refused).
    const contact = <T>(given: T | undefined, stored: T | null) => (given !== undefined ? given : input.clientId ? null : stored);
    const party = {
      clientId: input.clientId === undefined ? before.clientId : input.clientId,
      contactName: contact(input.contactName, before.contactName),
      contactPhone: contact(input.contactPhone, before.contactPhone),
      contactEmail: contact(input.contactEmail, before.contactEmail),
    };
    const problem = findPartyProblem(party);
    if (problem) throw fieldError(`body.${problem.field}`, 'custom', problem.message);

    const staffId = input.staffId ?? before.staffId;
    if (staffId !== before.staffId) await requireCounsellor(tx, staffId);
    if (party.clientId && party.clientId !== before.clientId) await requireChangeableClient(tx, party.clientId, bookedClient);
    const branchId = input.branchId === undefined ? before.branchId : input.branchId;
    if (branchId !== before.branchId) await requireBranch(tx, branchId);
    const moved =
      staffId !== before.staffId || startsAt.getTime() !== before.startsAt.getTime() || endsAt.getTime() !== before.endsAt.getTime();
    if (moved) {
      await ensureBookable(tx, startsAt, endsAt, ctx.now);
      await ensureCounsellorFree(tx, staffId, startsAt, endsAt, id);
    }
    const changed = changedValues(before, {
      staffId,
      branchId,
      ...party,
      startsAt,
      endsAt,
      ...(input.place === undefined ? {} : { place: input.place }),
      ...(input.purpose === undefined ? {} : { purpose: input.purpose }),
      ...(input.interpreterLanguage === undefined ? {} : { interpreterLanguage: input.interpreterLanguage }),
    });
    // Values equal to the stored ones change nothing: no write, no new version, no empty audit entry.
    if (Object.keys(changed).length === 0) return readUnchangedAppointment(tx, ctx, before);
    const after = await updateAppointmentRow(tx, id, changed);
    const changes = diffFields(before, after, auditedFields, auditedValueFields);
    await recordAudit(tx, ctx, {
      action: 'appointment.updated',
      entityType: 'appointment',
      entityId: id,
      ...(after.clientId ? { clientId: after.clientId } : {}),
      changes,
      details: {
        ...(before.clientId && before.clientId !== after.clientId ? { previousClientId: before.clientId } : {}),
        ...versionStamp('appointment', id, after.version),
      },
    });
    if (changes.some((change) => (reminderFields as readonly string[]).includes(change.field))) await queueReminders(tx, id, ctx.now);
    return loadAppointment(tx, id);
  });
}

/**
 * Moves an appointment to another status along the allowed transitions. Booking a cancelled one
 * again takes its time slot again, so it is checked as a new booking. An appointment a consultation
 * was recorded from keeps its status. Reminders go while it is booked, and are withdrawn otherwise.
 */
export async function changeAppointmentStatus(
  ctx: Ctx,
  id: string,
  input: ChangeAppointmentStatusInput,
  expectedVersion?: number,
): Promise<AppointmentResponse> {
  return ctx.db.transaction(async (tx) => {
    const before = await requireAppointmentForUpdate(tx, id, expectedVersion);
    // Asking for the status it has (a second click) changes nothing.
    if (before.status === input.status) return readUnchangedAppointment(tx, ctx, before);
    if (before.serviceId) throw new AppError('CONFLICT', 'A consultation was recorded from this appointment; its status stays');
    if (!appointmentTransitions[before.status].includes(input.status)) {
      throw new AppError('CONFLICT', `An appointment that is ${before.status} cannot become ${input.status}`, {
        from: before.status,
        to: input.status,
      });
    }
    const setsOutcome = (outcomeStatuses as readonly string[]).includes(input.status);
    if (setsOutcome && before.startsAt > ctx.now) {
      throw new AppError('APPOINTMENT_NOT_STARTED', 'An appointment that has not begun cannot be marked attended or no-show', {
        startsAt: before.startsAt.toISOString(),
      });
    }
    // Leaving attended or no-show is an undo: only who set it, only the same day (decision 023).
    const undoes = (outcomeStatuses as readonly string[]).includes(before.status);
    if (undoes) {
      const reason = statusUndoProblem({ by: before.statusChangedBy, at: before.statusChangedAt }, ctx.actor.id, ctx.now);
      if (reason) {
        const message =
          reason === 'not_author' ? 'Only who set this status may undo it' : 'This status can be undone only on the day it was set';
        throw new AppError('STATUS_UNDO_REFUSED', message, { reason });
      }
    }
    if (before.status === 'cancelled' && input.status === 'booked') {
      await ensureBookable(tx, before.startsAt, before.endsAt, ctx.now);
      await ensureCounsellorFree(tx, before.staffId, before.startsAt, before.endsAt, id);
    }
    const after = await updateAppointmentRow(tx, id, {
      status: input.status,
      cancelReason: input.status === 'cancelled' ? (input.reason ?? null) : null,
      statusChangedBy: ctx.actor.id,
      statusChangedAt: ctx.now,
    });
    const changes = diffFields(before, after, auditedFields, auditedValueFields);
    if (changes.length > 0) {
      await recordAudit(tx, ctx, {
        action: undoes ? 'appointment.status_undone' : 'appointment.status_changed',
        entityType: 'appointment',
        entityId: id,
        ...(after.clientId ? { clientId: after.clientId } : {}),
        changes,
        details: versionStamp('appointment', id, after.version),
      });
    }
    if (input.status === 'booked') await queueReminders(tx, id, ctx.now);
    else await withdrawReminders(tx, id);
    return loadAppointment(tx, id);
  });
}

/**
 * For recording a consultation from an appointment, inside the caller's transaction: the appointment
 * must be the client's, booked or attended, and not yet recorded. It becomes attended, links the
 * consultation's service, and its unsent reminders are withdrawn.
 */
export async function recordConsultationOfAppointment(
  tx: Tx,
  ctx: Ctx,
  link: { appointmentId: string; clientId: string; serviceId: string },
): Promise<void> {
  const before = await selectAppointmentRow(tx, link.appointmentId, { forUpdate: true });
  if (!before || before.clientId !== link.clientId) {
    throw fieldError('body.appointmentId', 'unknown_appointment', 'No such appointment of this client');
  }
  if (before.serviceId) throw new AppError('CONFLICT', 'A consultation was already recorded from this appointment');
  if (before.status !== 'booked' && before.status !== 'attended') {
    throw new AppError('CONFLICT', `An appointment that is ${before.status} cannot become a consultation`);
  }
  const after = await updateAppointmentRow(tx, link.appointmentId, {
    status: 'attended',
    serviceId: link.serviceId,
    statusChangedBy: ctx.actor.id,
    statusChangedAt: ctx.now,
  });
  await withdrawReminders(tx, link.appointmentId);
  await recordAudit(tx, ctx, {
    action: 'appointment.status_changed',
    entityType: 'appointment',
    entityId: link.appointmentId,
    clientId: link.clientId,
    changes: diffFields(before, after, auditedFields, auditedValueFields),
    details: versionStamp('appointment', link.appointmentId, after.version),
  });
}

/** One appointment with its reminders; the read is audited with the client. */
export async function getAppointment(ctx: Ctx, id: string): Promise<AppointmentDetailResponse> {
  const appointment = await loadAppointment(ctx.db, id);
  const reminders = await selectReminders(ctx.db, id);
  await recordAudit(ctx.db, ctx, {
    action: 'appointment.read',
    entityType: 'appointment',
    entityId: id,
    ...(appointment.client ? { clientId: appointment.client.id } : {}),
  });
  return {
    ...appointment,
    reminders: reminders.map((r) => ({
      channel: r.channel,
      status: r.status,
      sendAfter: r.sendAfter.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
    })),
  };
}

/**
 * The calendar: appointments starting on the days from `from` to `to` (centre time), in order. The
 * read is audited once, with its filters and how many appointments it showed, the ids of the clients
 * it named, and the client when filtered by one (decisions 011 and 016).
 */
export async function findAppointments(ctx: Ctx, query: ListAppointmentsQuery) {
  const rows = await selectCalendar(ctx.db, {
    startsFrom: centreInstant(query.from, '00:00'),
    startsBefore: centreInstant(addDays(query.to, 1), '00:00'),
    staffId: query.staffId,
    branchId: query.branchId,
    clientId: query.clientId,
    status: query.status,
  });
  const items = rows.map(toAppointmentResponse);
  await recordAudit(ctx.db, ctx, {
    action: 'appointment.read',
    entityType: 'appointment',
    ...(query.clientId ? { clientId: query.clientId } : {}),
    clientIds: listedClientIds(items, (item) => item.client?.id),
    details: { filters: query, count: rows.length },
  });
  return { items, total: rows.length };
}

/** A client's appointments, newest first, a page at a time; the read is audited with the client. */
export async function findClientAppointments(ctx: Ctx, clientId: string, query: ClientAppointmentsQuery) {
  await requireClient(ctx.db, clientId);
  const { rows, total } = await selectClientAppointments(ctx.db, clientId, query);
  await recordAudit(ctx.db, ctx, { action: 'appointment.read', entityType: 'client', entityId: clientId, clientId });
  return { items: rows.map(toAppointmentResponse), total };
}

/** The staff who can be booked: active, with a counselling role. */
export async function findCounsellors(ctx: Ctx): Promise<CounsellorResponse[]> {
  return findActiveStaff(ctx.db, counsellingRoles);
}
