import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  appointmentDetailResponse,
  appointmentResponse,
  changeAppointmentStatusInput,
  clientAppointmentsQuery,
  counsellorResponse,
  createAppointmentInput,
  errorResponse,
  holidayResponse,
  idParams,
  ifMatchHeaders,
  listAppointmentsQuery,
  listHolidaysQuery,
  page,
  updateAppointmentInput,
} from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { expectedVersion, withVersion } from '../../http/versions.js';
import {
  changeAppointmentStatus,
  createAppointment,
  findAppointments,
  findClientAppointments,
  findCounsellors,
  getAppointment,
  updateAppointment,
} from './appointments.service.js';
import { calendarFeedRoutes } from './calendar-feed.routes.js';
import { findPublicHolidays } from './holidays.service.js';
import { outboxRoutes } from './outbox.routes.js';
import { workingHoursRoutes } from './working-hours.routes.js';

export { redactFeedToken } from './calendar-feed.routes.js';

const versionNote =
  'With `If-Match` naming an older version than the stored one, nothing changes: 412 STALE_VERSION with what changed since. A change to the stored values is audited as a read.';
const bookingRules =
  'The counsellor must be free (else 409 APPOINTMENT_CONFLICT with the clashing appointment in `details`); the time must be in the future, within the working hours and not on a Czech public holiday (else 409 NOT_BOOKABLE with `details.reason`: past, holiday or outside_hours). Times are ISO 8601 with an offset; the centre works in Europe/Prague.';

/** Appointments and calendars, the working hours, the calendar feeds and the outbox of reminders. */
export const appointmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(workingHoursRoutes);
  await app.register(calendarFeedRoutes);
  await app.register(outboxRoutes);

  app.get(
    '/api/appointments',
    {
      config: { access: 'appointments.read' },
      schema: {
        tags: ['appointments'],
        summary: 'The calendar: appointments starting on the given days, in order (the read is audited)',
        description:
          'Days are Europe/Prague calendar days, both ends included, at most 42 at once. Filter by counsellor (`staffId`), branch, client or status; each item names the client (number and name) or the contact, the counsellor and the branch.',
        querystring: listAppointmentsQuery,
        response: { 200: page(appointmentResponse) },
      },
    },
    (request) => findAppointments(contextOf(request), request.query),
  );
  app.post(
    '/api/appointments',
    {
      config: { access: 'appointments.write' },
      schema: {
        tags: ['appointments'],
        summary: 'Book an appointment for a client or a new contact',
        description: `${bookingRules} Reminders are queued for the day before, by e-mail and SMS where there is an address.`,
        body: createAppointmentInput,
        response: { 201: appointmentResponse, 409: errorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(withVersion(reply, await createAppointment(contextOf(request), request.body))),
  );
  app.get(
    '/api/appointments/:id',
    {
      config: { access: 'appointments.read' },
      schema: {
        tags: ['appointments'],
        summary: 'One appointment with its reminders (the read is audited)',
        params: idParams,
        response: { 200: appointmentDetailResponse },
      },
    },
    async (request, reply) => withVersion(reply, await getAppointment(contextOf(request), request.params.id)),
  );
  app.patch(
    '/api/appointments/:id',
    {
      config: { access: 'appointments.write' },
      schema: {
        tags: ['appointments'],
        summary: 'Change or reschedule a booked appointment',
        description: `A new time or counsellor is checked as a new booking. ${bookingRules} Only a booked appointment can be changed (else 409 CONFLICT). ${versionNote}`,
        params: idParams,
        headers: ifMatchHeaders,
        body: updateAppointmentInput,
        response: { 200: appointmentResponse, 409: errorResponse, 412: errorResponse },
      },
    },
    async (request, reply) =>
      withVersion(reply, await updateAppointment(contextOf(request), request.params.id, request.body, expectedVersion(request))),
  );
  app.post(
    '/api/appointments/:id/status',
    {
      config: { access: 'appointments.write' },
      schema: {
        tags: ['appointments'],
        summary: 'Mark an appointment attended, no-show or cancelled, or booked again',
        description:
          'Allowed: booked → attended, no_show (once the appointment has begun, else 409 APPOINTMENT_NOT_STARTED), cancelled; attended or no_show → booked, an undo: only by who set it and on the same day (Europe/Prague), else 409 STATUS_UNDO_REFUSED with `details.reason` not_author or day_passed; cancelled → booked (checked as a new booking). Others, and any change once a consultation was recorded from it, get 409 CONFLICT. ' +
          versionNote,
        params: idParams,
        headers: ifMatchHeaders,
        body: changeAppointmentStatusInput,
        response: { 200: appointmentResponse, 409: errorResponse, 412: errorResponse },
      },
    },
    async (request, reply) =>
      withVersion(reply, await changeAppointmentStatus(contextOf(request), request.params.id, request.body, expectedVersion(request))),
  );
  app.get(
    '/api/clients/:id/appointments',
    {
      config: { access: 'appointments.read' },
      schema: {
        tags: ['appointments'],
        summary: "A client's appointments, newest first (the read is audited)",
        params: idParams,
        querystring: clientAppointmentsQuery,
        response: { 200: page(appointmentResponse) },
      },
    },
    (request) => findClientAppointments(contextOf(request), request.params.id, request.query),
  );
  app.get(
    '/api/counsellors',
    {
      config: { access: 'appointments.read' },
      schema: {
        tags: ['appointments'],
        summary: 'The staff appointments are booked with: active members with a counselling role',
        response: { 200: z.array(counsellorResponse) },
      },
    },
    (request) => findCounsellors(contextOf(request)),
  );
  app.get(
    '/api/holidays',
    {
      config: { access: 'appointments.read' },
      schema: {
        tags: ['appointments'],
        summary: 'Czech public holidays in a range of days (no appointments are booked on them)',
        querystring: listHolidaysQuery,
        response: { 200: z.array(holidayResponse) },
      },
    },
    (request) => findPublicHolidays(request.query.from, request.query.to, request.query.lang),
  );
};
