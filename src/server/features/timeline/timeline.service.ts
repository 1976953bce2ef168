import {
  type ConsultationKind,
  canReadConsultationContent,
  hasPermission,
  mayReadDocument,
  type TimelineEntry,
  type TimelineQuery,
  type TimelineResponse,
  timelineKinds,
} from '../../../shared/index.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { Actor, Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { selectTimeline, selectTimelineClient, type TimelineRow } from './timeline.repo.js';

/**
 * A client's consultations, appointments, plan changes, referrals, documents and record changes in
 * one list, newest first, a page at a time. Reading it is audited like reading the record.
 */
export async function getTimeline(ctx: Ctx, clientId: string, query: TimelineQuery): Promise<TimelineResponse> {
  const client = await selectTimelineClient(ctx.db, clientId);
  if (!client) throw notFound('Client');
  if (client.mergedIntoId)
    throw new AppError('CONFLICT', 'This record was merged into another client', { mergedIntoId: client.mergedIntoId });
  const kinds = query.kinds?.length ? query.kinds : timelineKinds;
  const before = query.cursor ? parseCursor(query.cursor) : null;
  const rows = await selectTimeline(ctx.db, clientId, { kinds, before, limit: query.limit + 1 });
  await recordAudit(ctx.db, ctx, {
    action: 'timeline.read',
    entityType: 'client',
    entityId: clientId,
    clientId,
    details: { kinds: query.kinds ?? null },
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toTimelineEntry(row, ctx.actor)),
    nextCursor: rows.length > query.limit && last ? `${last.at}_${last.id}` : null,
  };
}

function parseCursor(cursor: string): { at: string; id: string } {
  const separator = cursor.indexOf('_');
  return { at: cursor.slice(0, separator), id: cursor.slice(separator + 1) };
}

/** True when the actor may read the content of a consultation of this kind written by `author`. */
const canReadContent = (actor: Actor, kind: ConsultationKind | null, author: string | null) =>
  kind === null || canReadConsultationContent(actor, { kind, createdBy: author });

function toTimelineEntry(row: TimelineRow, actor: Actor): TimelineEntry {
  const base = { id: row.id, at: row.at, staff: row.staffId ? { id: row.staffId, name: row.staffName ?? '' } : null };
  switch (row.kind) {
    case 'consultation': {
      const { data } = row;
      const visible = canReadContent(actor, data.consultationKind, data.author);
      return {
        ...base,
        kind: 'consultation',
        consultationKind: data.consultationKind,
        form: visible ? data.form : null,
        durationMinutes: data.durationMinutes,
        topics: visible ? data.topics : [],
        contentHidden: !visible,
      };
    }
    case 'appointment': {
      const { data } = row;
      return {
        ...base,
        kind: 'appointment',
        endsAt: new Date(data.endsAt).toISOString(),
        status: data.status,
        place: data.place,
      };
    }
    case 'plan': {
      const visible = hasPermission(actor.roles, 'counselling.content');
      return { ...base, kind: 'plan', action: row.data.action, details: visible ? row.data.details : null, contentHidden: !visible };
    }
    case 'referral':
      return { ...base, kind: 'referral', partner: { id: row.data.partnerId, name: row.data.partnerName }, status: row.data.status };
    case 'document': {
      const { data } = row;
      return {
        ...base,
        kind: 'document',
        fileName: mayReadDocument(actor, data.consultationKind, data.consultationAuthor) ? data.fileName : null,
        mediaType: data.mediaType,
      };
    }
    case 'record':
      return { ...base, kind: 'record', action: row.data.action, changes: row.data.changes };
  }
}
