import { and, asc, count, desc, eq, gt, gte, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { appointments, branches, clients, outbox, users } from '../../../db/schema/index.js';
import { type AppointmentStatus, maxAppointmentMinutes } from '../../../shared/index.js';

export type AppointmentRow = typeof appointments.$inferSelect;
export type NewAppointmentRow = typeof appointments.$inferInsert;

/**
 * Serialises bookings of one counsellor until the end of the transaction, so that two desks booking
 * the same slot at once cannot both find it free. Other counsellors' bookings do not wait.
 */
export async function lockCounsellorBookings(tx: Tx, staffId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(4250, hashtext(${staffId}))`);
}

/**
 * The counsellor's first appointment (not cancelled) that overlaps the interval. An appointment is
 * never longer than `maxAppointmentMinutes`, which bounds the scan of the (staff, start) index.
 */
export async function selectOverlappingAppointment(tx: Tx, staffId: string, startsAt: Date, endsAt: Date, exceptId: string | null) {
  const earliestStart = new Date(startsAt.getTime() - maxAppointmentMinutes * 60_000);
  const [row] = await tx
    .select({ id: appointments.id, startsAt: appointments.startsAt, endsAt: appointments.endsAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.staffId, staffId),
        gt(appointments.startsAt, earliestStart),
        lt(appointments.startsAt, endsAt),
        gt(appointments.endsAt, startsAt),
        ne(appointments.status, 'cancelled'),
        exceptId ? ne(appointments.id, exceptId) : undefined,
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(1);
  return row;
}

export async function insertAppointment(tx: Tx, values: NewAppointmentRow): Promise<AppointmentRow> {
  const [row] = await tx.insert(appointments).values(values).returning();
  return row as AppointmentRow;
}

/** Saves a change; the version goes one up in the same statement (decision 017). */
export async function updateAppointmentRow(tx: Tx, id: string, values: Partial<NewAppointmentRow>): Promise<AppointmentRow> {
  const [row] = await tx
    .update(appointments)
    .set({ ...values, version: sql`${appointments.version} + 1`, updatedAt: new Date() })
    .where(eq(appointments.id, id))
    .returning();
  return row as AppointmentRow;
}

/** The appointment, locked until the end of the transaction when changing it. */
export async function selectAppointmentRow(tx: Tx, id: string, options: { forUpdate?: boolean } = {}) {
  const query = tx.select().from(appointments).where(eq(appointments.id, id));
  const [row] = await (options.forUpdate ? query.for('update') : query);
  return row;
}

/** Appointments with the names shown beside them: counsellor, branch, client number and name. */
function selectListed(tx: Tx) {
  return tx
    .select({
      appointment: appointments,
      staffName: users.name,
      branchName: branches.name,
      client: {
        id: clients.id,
        clientNumber: clients.clientNumber,
        givenName: clients.givenName,
        familyName: clients.familyName,
      },
    })
    .from(appointments)
    .innerJoin(users, eq(users.id, appointments.staffId))
    .leftJoin(branches, eq(branches.id, appointments.branchId))
    .leftJoin(clients, eq(clients.id, appointments.clientId));
}

export async function selectListedAppointment(tx: Tx, id: string) {
  const [row] = await selectListed(tx).where(eq(appointments.id, id));
  return row;
}
export type ListedAppointment = NonNullable<Awaited<ReturnType<typeof selectListedAppointment>>>;

type CalendarFilter = {
  startsFrom: Date;
  startsBefore: Date;
  staffId?: string | undefined;
  branchId?: string | undefined;
  clientId?: string | undefined;
  status?: AppointmentStatus | undefined;
};

/** The appointments starting in the range, in order; each filter has its (column, start) index. */
export function selectCalendar(tx: Tx, filter: CalendarFilter) {
  const conditions: (SQL | undefined)[] = [
    gte(appointments.startsAt, filter.startsFrom),
    lt(appointments.startsAt, filter.startsBefore),
    filter.staffId ? eq(appointments.staffId, filter.staffId) : undefined,
    filter.branchId ? eq(appointments.branchId, filter.branchId) : undefined,
    filter.clientId ? eq(appointments.clientId, filter.clientId) : undefined,
    filter.status ? eq(appointments.status, filter.status) : undefined,
  ];
  return selectListed(tx)
    .where(and(...conditions))
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
}

/** One page of a client's appointments, newest first, and how many there are. */
export async function selectClientAppointments(
  tx: Tx,
  clientId: string,
  query: { status?: AppointmentStatus | undefined; limit: number; offset: number },
) {
  const where = and(eq(appointments.clientId, clientId), query.status ? eq(appointments.status, query.status) : undefined);
  const [rows, [counted]] = await Promise.all([
    selectListed(tx).where(where).orderBy(desc(appointments.startsAt), desc(appointments.id)).limit(query.limit).offset(query.offset),
    tx.select({ total: count() }).from(appointments).where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

/** The reminders queued for an appointment, oldest first. */
export function selectReminders(tx: Tx, appointmentId: string) {
  return tx
    .select({ channel: outbox.channel, status: outbox.status, sendAfter: outbox.sendAfter, sentAt: outbox.sentAt })
    .from(outbox)
    .where(eq(outbox.appointmentId, appointmentId))
    .orderBy(asc(outbox.createdAt), asc(outbox.channel));
}

/** What a reminder of the appointment says, and where it goes: the client's or the contact's addresses. */
export async function selectReminderFacts(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      appointment: appointments,
      counsellorName: users.name,
      branch: { name: branches.name, address: branches.address },
      // The id first: drizzle takes a joined object for missing when its first column is null.
      client: { id: clients.id, email: clients.email, phone: clients.phone, preferredLanguage: clients.preferredLanguage },
    })
    .from(appointments)
    .innerJoin(users, eq(users.id, appointments.staffId))
    .leftJoin(branches, eq(branches.id, appointments.branchId))
    .leftJoin(clients, eq(clients.id, appointments.clientId))
    .where(eq(appointments.id, id));
  return row;
}
