import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import {
  type AuditAction,
  type ConsultationKind,
  type FieldChange,
  type TimelineKind,
  timelinePlanActions,
  timelineRecordActions,
} from '../../../shared/index.js';

/** One row of the timeline before presentation; `data` holds the kind's own fields as selected below. */
export type TimelineRow = {
  id: string;
  /** The entry's time as ISO 8601 with microseconds, so the cursor never skips an entry. */
  at: string;
  staffId: string | null;
  staffName: string | null;
} & (
  | {
      kind: 'consultation';
      data: {
        consultationKind: 'social' | 'legal' | 'other';
        form: string;
        durationMinutes: number | null;
        topics: string[];
        author: string | null;
      };
    }
  | { kind: 'appointment'; data: { endsAt: string; status: 'booked' | 'attended' | 'no_show' | 'cancelled'; place: string | null } }
  | { kind: 'plan'; data: { action: (typeof timelinePlanActions)[number]; details: Record<string, unknown> | null } }
  | { kind: 'referral'; data: { partnerId: string; partnerName: string; status: string } }
  | {
      kind: 'document';
      data: { fileName: string; mediaType: string; consultationKind: ConsultationKind | null; consultationAuthor: string | null };
    }
  | { kind: 'record'; data: { action: AuditAction; changes: FieldChange[] } }
);

const actionList = (actions: readonly string[]) =>
  sql.join(
    actions.map((action) => sql`${action}`),
    sql`, `,
  );

/**
 * One SELECT per kind, each served by that table's client index. Consultations without a start
 * time sit at the start of their day in Prague.
 */
const branches: Record<TimelineKind, (clientId: string) => SQL> = {
  consultation: (clientId) => sql`
    select 'consultation' as kind, s.id::text as id,
           coalesce(s.started_at, s.occurred_on::timestamp at time zone 'Europe/Prague') as at, s.staff_id,
           jsonb_build_object('consultationKind', c.kind, 'form', c.form, 'durationMinutes', s.duration_minutes,
                              'topics', c.topics, 'author', c.created_by) as data
    from services s join consultations c on c.service_id = s.id
    where s.client_id = ${clientId}`,
  appointment: (clientId) => sql`
    select 'appointment', a.id::text, a.starts_at, a.staff_id,
           jsonb_build_object('endsAt', a.ends_at, 'status', a.status, 'place', a.place)
    from appointments a
    where a.client_id = ${clientId}`,
  plan: (clientId) => sql`
    select 'plan', e.id::text, e.at, e.actor_id, jsonb_build_object('action', e.action, 'details', e.details)
    from audit_events e
    where e.client_id = ${clientId} and e.action in (${actionList(timelinePlanActions)})`,
  referral: (clientId) => sql`
    select 'referral', r.id::text, r.created_at, r.created_by,
           jsonb_build_object('partnerId', p.id, 'partnerName', p.name, 'status', r.status)
    from referrals r join partners p on p.id = r.partner_id
    where r.client_id = ${clientId}`,
  document: (clientId) => sql`
    select 'document', d.id::text, d.uploaded_at, d.uploaded_by,
           jsonb_build_object('fileName', d.file_name, 'mediaType', d.media_type,
                              'consultationKind', c.kind, 'consultationAuthor', c.created_by)
    from documents d left join consultations c on c.service_id = d.service_id
    where d.client_id = ${clientId} and d.deleted_at is null`,
  record: (clientId) => sql`
    select 'record', e.id::text, e.at, e.actor_id, jsonb_build_object('action', e.action, 'changes', e.changes)
    from audit_events e
    where e.client_id = ${clientId} and e.action in (${actionList(timelineRecordActions)})`,
};

/** The newest entries of the chosen kinds older than the cursor, newest first. */
export async function selectTimeline(
  tx: Tx,
  clientId: string,
  options: { kinds: readonly TimelineKind[]; before: { at: string; id: string } | null; limit: number },
): Promise<TimelineRow[]> {
  const union = sql.join(
    options.kinds.map((kind) => branches[kind](clientId)),
    sql` union all `,
  );
  const before = options.before ? sql`where (t.at, t.id) < (${options.before.at}::timestamptz, ${options.before.id})` : sql``;
  const result = await tx.execute(sql`
    select t.kind, t.id, to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
           t.staff_id as "staffId", u.name as "staffName", t.data
    from (${union}) as t (kind, id, at, staff_id, data)
    left join users u on u.id = t.staff_id
    ${before}
    order by t.at desc, t.id desc
    limit ${options.limit}`);
  return result.rows as TimelineRow[];
}

/** The client's id and whether the record was merged into another; undefined when there is none. */
export async function selectTimelineClient(tx: Tx, clientId: string): Promise<{ mergedIntoId: string | null } | undefined> {
  const result = await tx.execute(sql`select merged_into_id as "mergedIntoId" from clients where id = ${clientId}`);
  return result.rows[0] as { mergedIntoId: string | null } | undefined;
}
