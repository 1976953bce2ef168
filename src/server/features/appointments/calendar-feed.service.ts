import { createHash, randomBytes } from 'node:crypto';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Db, Tx } from '../../../db/open-database.js';
import { type AppointmentStatus, centreTimeZone, type UiLanguage } from '../../../shared/index.js';
import { notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { insertFeed, revokeActiveFeeds, selectActiveFeed, selectFeedAppointments, selectFeedOwner } from './calendar-feed.repo.js';

/** The feed shows a month back and half a year ahead. */
const feedDaysBack = 30;
const feedDaysAhead = 180;

/** The feed's words, in the counsellor's UI language. Nothing typed by staff goes into a feed (see decision 011). */
const feedTexts: Record<UiLanguage, { calendar: string; summary: string; interpreter: string; status: Record<AppointmentStatus, string> }> =
  {
    cs: {
      calendar: 'Integra – moje schůzky',
      summary: 'Schůzka s klientem',
      interpreter: 'tlumočení',
      status: { booked: 'objednáno', attended: 'proběhla', no_show: 'nedostavil se', cancelled: 'zrušeno' },
    },
    en: {
      calendar: 'Integra – my appointments',
      summary: 'Client appointment',
      interpreter: 'interpreter',
      status: { booked: 'booked', attended: 'attended', no_show: 'no-show', cancelled: 'cancelled' },
    },
    uk: {
      calendar: 'Integra – мої зустрічі',
      summary: 'Зустріч із клієнтом',
      interpreter: 'переклад',
      status: { booked: 'заброньовано', attended: 'відбулася', no_show: 'не з’явився', cancelled: 'скасовано' },
    },
  };

/** Only the hash of a feed token is stored: a copy of the database does not open anyone's feed. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether the signed-in user has a feed in force (its address is never shown again). */
export async function getCalendarFeedStatus(ctx: Ctx) {
  const feed = await selectActiveFeed(ctx.db, ctx.actor.id);
  return { active: feed !== undefined, createdAt: feed?.createdAt.toISOString() ?? null };
}

/**
 * Makes a new secret address for the signed-in user's calendar, ending the one before: 32 random
 * bytes, of which only the hash is kept. The address is returned this once.
 */
export async function createCalendarFeed(ctx: Ctx, publicUrl: string) {
  const token = randomBytes(32).toString('base64url');
  const feed = await ctx.db.transaction(async (tx) => {
    const revoked = await revokeActiveFeeds(tx, ctx.actor.id, ctx.now);
    const row = await insertFeed(tx, ctx.actor.id, hashToken(token));
    await recordAudit(tx, ctx, { action: 'calendar_feed.created', entityType: 'calendar_feed', entityId: row.id, details: { revoked } });
    return row;
  });
  return { url: new URL(`/api/calendar-feeds/${token}`, publicUrl).toString(), createdAt: feed.createdAt.toISOString() };
}

/** Ends the signed-in user's feed; calendars that read it get 404 from then on. */
export async function revokeCalendarFeed(ctx: Ctx) {
  await ctx.db.transaction(async (tx) => {
    const revoked = await revokeActiveFeeds(tx, ctx.actor.id, ctx.now);
    if (revoked > 0) await recordAudit(tx, ctx, { action: 'calendar_feed.revoked', entityType: 'calendar_feed', details: { revoked } });
  });
  return { active: false, createdAt: null };
}

/**
 * Ends every feed of a user still in force, within the caller's transaction: when their password
 * changes (whoever knew the old one may hold the address) and when they are deactivated, so that a
 * reactivation revives no old address. Returns how many ended.
 */
export function revokeCalendarFeedsOf(tx: Tx, userId: string, at: Date): Promise<number> {
  return revokeActiveFeeds(tx, userId, at);
}

/**
 * The counsellor's appointments as iCalendar, for the feed token's owner. Events carry the time, the
 * branch, whether an interpreter is booked and the status, and a link into Integra for the rest:
 * never the client, the contact, the place or the purpose (free text may name people).
 */
export async function renderCalendarFeed(db: Db, token: string, now: Date, publicUrl: string): Promise<string> {
  const owner = await selectFeedOwner(db, hashToken(token));
  if (!owner) throw notFound('Calendar feed');
  const day = 86_400_000;
  const rows = await selectFeedAppointments(
    db,
    owner.userId,
    new Date(now.getTime() - feedDaysBack * day),
    new Date(now.getTime() + feedDaysAhead * day),
  );
  const texts = feedTexts[owner.locale];
  const calendar = ical({ name: texts.calendar, prodId: { company: 'Integra', product: 'Integra', language: owner.locale.toUpperCase() } });
  // Times are written in UTC (exact in every client); the zone tells clients where the centre is.
  calendar.x('X-WR-TIMEZONE', centreTimeZone);
  for (const row of rows) {
    // Whether an interpreter is booked, never the language: with the time, it would point to the client.
    const interpreter = row.interpreterLanguage ? ` · ${texts.interpreter}` : '';
    const link = new URL(`/appointments/${row.id}`, publicUrl).toString();
    calendar.createEvent({
      id: `${row.id}@integra`,
      start: row.startsAt,
      end: row.endsAt,
      stamp: now,
      created: row.createdAt,
      lastModified: row.updatedAt,
      summary: `${texts.summary}${interpreter}`,
      description: `${texts.status[row.status]}\n${link}`,
      location: row.branch ? [row.branch.name, row.branch.address].filter(Boolean).join(', ') : null,
      url: link,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
