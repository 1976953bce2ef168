import { and, asc, desc, eq, gte, isNull, lt, ne } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { appointments, branches, calendarFeeds, users } from '../../../db/schema/index.js';

/** Ends every feed of the user still in force; returns how many there were. */
export async function revokeActiveFeeds(tx: Tx, userId: string, at: Date): Promise<number> {
  const revoked = await tx
    .update(calendarFeeds)
    .set({ revokedAt: at })
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  return revoked.length;
}

export async function insertFeed(tx: Tx, userId: string, tokenHash: string) {
  const [row] = await tx.insert(calendarFeeds).values({ userId, tokenHash }).returning();
  return row as typeof calendarFeeds.$inferSelect;
}

export async function selectActiveFeed(tx: Tx, userId: string) {
  const [row] = await tx
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return row;
}

/** Whose feed a token hash opens: only a feed in force of an active member of staff. */
export async function selectFeedOwner(tx: Tx, tokenHash: string) {
  const [row] = await tx
    .select({ userId: users.id, locale: users.locale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt), eq(users.active, true)));
  return row;
}

/** The counsellor's appointments (not cancelled) starting in the range, with nothing that names the client. */
export function selectFeedAppointments(tx: Tx, staffId: string, from: Date, to: Date) {
  return tx
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      interpreterLanguage: appointments.interpreterLanguage,
      createdAt: appointments.createdAt,
      updatedAt: appointments.updatedAt,
      branch: { name: branches.name, address: branches.address },
    })
    .from(appointments)
    .leftJoin(branches, eq(branches.id, appointments.branchId))
    .where(
      and(
        eq(appointments.staffId, staffId),
        gte(appointments.startsAt, from),
        lt(appointments.startsAt, to),
        ne(appointments.status, 'cancelled'),
      ),
    )
    .orderBy(asc(appointments.startsAt));
}
