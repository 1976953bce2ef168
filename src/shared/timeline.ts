import { z } from 'zod';
import { auditActions, fieldChange } from './audit.js';
import { isRealIsoDate } from './common.js';

/** What a client's timeline shows, each kind filterable. */
export const timelineKinds = ['consultation', 'appointment', 'plan', 'referral', 'document', 'record'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

/** The record changes the timeline shows (reads are in the audit trail, not here). */
export const timelineRecordActions = [
  'client.created',
  'client.updated',
  'client.archived',
  'client.unarchived',
  'client.consent_given',
  'client.consent_withdrawn',
  'client.merged',
  'client.duplicate_confirmed',
] as const;

/** The plan changes the timeline shows. */
export const timelinePlanActions = [
  'plan.created',
  'plan.updated',
  'plan.goal_added',
  'plan.goal_updated',
  'plan.reviewed',
  'plan.closed',
] as const;

/** A position in the timeline: the time and id of the last entry seen. */
const cursorPattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?Z_[0-9a-f-]{1,36}$/;

/** True for a cursor this timeline could have given: its time must be a real one (no 2026-02-30, no 25:00). */
function isTimelineCursor(cursor: string): boolean {
  const match = cursorPattern.exec(cursor);
  if (!match) return false;
  const [date, hours, minutes, seconds] = [match[1] as string, Number(match[2]), Number(match[3]), Number(match[4])];
  return isRealIsoDate(date) && date >= '0001-01-01' && hours < 24 && minutes < 60 && seconds < 60;
}

export const timelineQuery = z.strictObject({
  /** Comma-separated kinds; all when absent. */
  kinds: z
    .string()
    .max(200)
    .transform((value, context) => {
      const kinds = value.split(',').filter(Boolean);
      const unknown = kinds.filter((kind) => !(timelineKinds as readonly string[]).includes(kind));
      if (unknown.length) context.addIssue({ code: 'custom', message: `Unknown kinds: ${unknown.join(', ')}` });
      return [...new Set(kinds)] as TimelineKind[];
    })
    .optional(),
  /** Entries older than this cursor (from `nextCursor` of the previous page). */
  cursor: z.string().max(100).refine(isTimelineCursor, 'Not a cursor from this timeline').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TimelineQuery = z.infer<typeof timelineQuery>;

const staffRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const timelineEntry = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('consultation'),
      id: z.string(),
      at: z.string(),
      staff: staffRef,
      consultationKind: z.enum(['social', 'legal', 'other']),
      form: z.string().nullable(),
      durationMinutes: z.number().int().nullable(),
      /** Topic codes; empty with `contentHidden` for a legal consultation the reader may not see. */
      topics: z.array(z.string()),
      contentHidden: z.boolean(),
    }),
    z.object({
      kind: z.literal('appointment'),
      id: z.string(),
      at: z.string(),
      staff: staffRef,
      endsAt: z.string(),
      status: z.enum(['booked', 'attended', 'no_show', 'cancelled']),
      place: z.string().nullable(),
    }),
    z.object({
      kind: z.literal('plan'),
      id: z.string(),
      at: z.string(),
      staff: staffRef,
      action: z.enum(timelinePlanActions),
      /** Non-personal facts of the change: the goal's area and status, the changed fields; null with `contentHidden`. */
      details: z.record(z.string(), z.unknown()).nullable(),
      /** True for a reader without `counselling.content`, who sees only that the plan changed (decision 022). */
      contentHidden: z.boolean(),
    }),
    z.object({
      kind: z.literal('referral'),
      id: z.string(),
      at: z.string(),
      staff: staffRef,
      partner: z.object({ id: z.string(), name: z.string() }),
      status: z.string(),
    }),
    z.object({
      kind: z.literal('document'),
      id: z.string(),
      at: z.string(),
      staff: staffRef,
      /** Null for a document of a legal consultation the reader may not see. */
      fileName: z.string().nullable(),
      mediaType: z.string(),
    }),
    z.object({
      kind: z.literal('record'),
      id: z.string(),
      at: z.string(),
      staff: staffRef,
      action: z.enum(auditActions),
      changes: z.array(fieldChange),
    }),
  ])
  .meta({ id: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const timelineResponse = z.object({
  items: z.array(timelineEntry),
  /** Pass as `cursor` for the next, older page; null at the beginning of the client's history. */
  nextCursor: z.string().nullable(),
});
export type TimelineResponse = z.infer<typeof timelineResponse>;
