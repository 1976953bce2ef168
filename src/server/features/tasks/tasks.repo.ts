import { and, asc, count, eq, gte, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../db/open-database.js';
import { clients, consultations, tasks, users } from '../../../db/schema/index.js';
import { type PermitExpiryStage, permitExpiryRule, type TaskStatus } from '../../../shared/index.js';

export type TaskRow = typeof tasks.$inferSelect;
export type NewTaskRow = typeof tasks.$inferInsert;

const assignee = alias(users, 'assignee');
const creator = alias(users, 'creator');
const completer = alias(users, 'completer');

/** The client columns lists show: the number and the names, nothing more. */
const clientColumns = {
  id: clients.id,
  clientNumber: clients.clientNumber,
  givenName: clients.givenName,
  familyName: clients.familyName,
  givenNameNative: clients.givenNameNative,
  familyNameNative: clients.familyNameNative,
};

const taskColumns = {
  task: tasks,
  assigneeName: assignee.name,
  creatorName: creator.name,
  completerName: completer.name,
  client: clientColumns,
  consultation: { kind: consultations.kind, createdBy: consultations.createdBy },
};

export type TaskListRow = {
  task: TaskRow;
  assigneeName: string | null;
  creatorName: string | null;
  completerName: string | null;
  client: { [K in keyof typeof clientColumns]: (typeof clientColumns)[K]['_']['data'] | null } | null;
  /** The consultation the task follows up (its kind and author decide who reads the task's texts). */
  consultation: { kind: 'social' | 'legal' | 'other' | null; createdBy: string | null } | null;
};

/** Which tasks a list shows; `assigneeId: null` means the unassigned ones. */
export type TaskFilter = {
  assigneeId?: string | null;
  status?: TaskStatus;
  dueFrom?: string;
  dueTo?: string;
  clientId?: string;
};

/** The condition of a task list's filters. */
export function tasksWhere(filter: TaskFilter): SQL | undefined {
  return and(
    filter.assigneeId === null ? isNull(tasks.assigneeId) : filter.assigneeId ? eq(tasks.assigneeId, filter.assigneeId) : undefined,
    filter.status ? eq(tasks.status, filter.status) : undefined,
    filter.dueFrom ? gte(tasks.dueOn, filter.dueFrom) : undefined,
    filter.dueTo ? lte(tasks.dueOn, filter.dueTo) : undefined,
    filter.clientId ? eq(tasks.clientId, filter.clientId) : undefined,
  );
}

function selectTaskRows(tx: Tx) {
  return tx
    .select(taskColumns)
    .from(tasks)
    .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .leftJoin(creator, eq(creator.id, tasks.createdBy))
    .leftJoin(completer, eq(completer.id, tasks.completedBy))
    .leftJoin(clients, eq(clients.id, tasks.clientId))
    .leftJoin(consultations, eq(consultations.serviceId, tasks.consultationId));
}

/**
 * A page of tasks by due date and the number matching. The page and the count are separate queries,
 * each served by the index on (assignee, status, due date) or (status, due date).
 */
export async function selectTasks(tx: Tx, where: SQL | undefined, limit: number, offset: number) {
  const order = [asc(tasks.dueOn), asc(tasks.createdAt), asc(tasks.id)];
  // The page's ids first, so that names are looked up for the page only, not for every match.
  const page = tx
    .select({ id: tasks.id })
    .from(tasks)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset)
    .as('page');
  const [rows, [counted]] = await Promise.all([
    selectTaskRows(tx)
      .innerJoin(page, eq(page.id, tasks.id))
      .orderBy(...order),
    tx.select({ total: count() }).from(tasks).where(where),
  ]);
  return { rows: rows as TaskListRow[], total: counted?.total ?? 0 };
}

/** Open tasks due on or before the day: the actor's, and the unassigned ones when asked. */
export function dueTasksWhere(actorId: string, today: string, withUnassigned: boolean): SQL | undefined {
  return and(
    eq(tasks.status, 'open'),
    lte(tasks.dueOn, today),
    withUnassigned ? or(eq(tasks.assigneeId, actorId), isNull(tasks.assigneeId)) : eq(tasks.assigneeId, actorId),
  );
}

export async function selectTask(tx: Tx, id: string): Promise<TaskListRow | undefined> {
  const [row] = await selectTaskRows(tx).where(eq(tasks.id, id));
  return row as TaskListRow | undefined;
}

/** The task, locked until the end of the transaction. */
export async function selectTaskForUpdate(tx: Tx, id: string): Promise<TaskRow | undefined> {
  const [row] = await tx.select().from(tasks).where(eq(tasks.id, id)).for('update');
  return row;
}

export async function insertTask(tx: Tx, values: NewTaskRow): Promise<TaskRow> {
  const [row] = await tx.insert(tasks).values(values).returning();
  return row as TaskRow;
}

export async function updateTaskRow(tx: Tx, id: string, values: Partial<NewTaskRow>): Promise<TaskRow> {
  const [row] = await tx
    .update(tasks)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(tasks.id, id))
    .returning();
  return row as TaskRow;
}

/** `permit-expiry:<client id>:<valid until>:<stage>`: one task per permit and alert, however often the job runs. */
const sourceKeyOf = (clientId: SQL, validUntil: SQL, stage: SQL | PermitExpiryStage) =>
  sql`'permit-expiry:' || ${clientId} || ':' || to_char(${validUntil}, 'YYYY-MM-DD') || ':' || ${stage}`;

/** The window of permits the job and My day look at, around `today`. */
const permitWindow = (today: string) =>
  sql`c.residence_valid_until >= ${today}::date - ${permitExpiryRule.expiredGraceDays}::int
      and c.residence_valid_until <= ${today}::date + ${permitExpiryRule.firstAlertDays}::int
      and c.merged_into_id is null and not c.archived`;

/**
 * The daily permit-expiry alerts in one statement (decision 012): every current client whose permit
 * is in the window gets its first alert (90 days ahead, due 30 days before the expiry) or, within 30
 * days, its second (due 14 days before the expiry, or today when that has passed), assigned to the
 * responsible person of the client's open plan, else the author of the client's latest consultation,
 * else nobody; both only when active. The source key makes each alert once per permit, so a task
 * done or cancelled is never made again, and a renewed permit (a new expiry) gets alerts of its own.
 * A permit already expired gets the "expired" title. Each new task's audit entry is written by the
 * same statement. Returns the new tasks' ids.
 */
export async function insertPermitExpiryTasks(
  tx: Tx,
  today: string,
  titles: { expiring: string; expired: string },
  requestId: string,
): Promise<string[]> {
  const { secondAlertDays } = permitExpiryRule;
  const result = await tx.execute<{ id: string }>(sql`
    with due as (
      select c.id as client_id, c.residence_valid_until as valid_until, s.stage,
             ${sourceKeyOf(sql`c.id`, sql`c.residence_valid_until`, sql`s.stage`)} as source_key
      from clients c
      cross join (values (90), (30)) as s (stage)
      where ${permitWindow(today)}
        and case when s.stage = 90 then c.residence_valid_until > ${today}::date + ${secondAlertDays}::int
                 else c.residence_valid_until <= ${today}::date + ${secondAlertDays}::int end
    ),
    fresh as (
      select d.*,
             coalesce(
               (select p.responsible_id from plans p join users u on u.id = p.responsible_id and u.active
                where p.client_id = d.client_id and p.status = 'open'),
               (select s.staff_id from services s join users u on u.id = s.staff_id and u.active
                where s.client_id = d.client_id and s.kind = 'consultation'
                order by s.occurred_on desc, s.created_at desc limit 1)
             ) as assignee_id
      from due d
      where not exists (select 1 from tasks t where t.source_key = d.source_key)
    ),
    inserted as (
      insert into tasks (title, due_on, assignee_id, client_id, kind, source_key)
      select case when valid_until < ${today}::date then ${titles.expired} else ${titles.expiring} end,
             case when stage = 90 then valid_until - ${secondAlertDays}::int else greatest(${today}::date, valid_until - 14) end,
             assignee_id, client_id, 'permit_expiry', source_key
      from fresh
      on conflict (source_key) do nothing
      returning id, client_id, assignee_id, due_on, source_key
    )
    insert into audit_events (actor_id, action, entity_type, entity_id, client_id, details, request_id)
    select null, 'task.created', 'task', i.id::text, i.client_id,
           jsonb_build_object('kind', 'permit_expiry', 'origin', 'permit_expiry_job', 'dueOn', to_char(i.due_on, 'YYYY-MM-DD'),
                              'assigneeId', i.assignee_id, 'stage', split_part(i.source_key, ':', 4)::int),
           ${requestId}
    from inserted i
    returning entity_id as id`);
  return result.rows.map((row) => row.id);
}

/**
 * Cancels the open permit alerts that no longer fit their client: the expiry date was corrected or
 * the permit renewed (the key's date is not the current one), or the client was archived or merged.
 * One statement with the audit entries, like the alerts themselves. Returns the cancelled tasks' ids.
 */
export async function cancelStalePermitExpiryTasks(tx: Tx, requestId: string): Promise<string[]> {
  const result = await tx.execute<{ id: string }>(sql`
    with stale as (
      update tasks t set status = 'cancelled', updated_at = now()
      from clients c
      where t.kind = 'permit_expiry' and t.status = 'open' and c.id = t.client_id
        and (c.archived or c.merged_into_id is not null or c.residence_valid_until is null
             or to_char(c.residence_valid_until, 'YYYY-MM-DD') <> split_part(t.source_key, ':', 3))
      returning t.id, t.client_id
    )
    insert into audit_events (actor_id, action, entity_type, entity_id, client_id, changes, details, request_id)
    select null, 'task.updated', 'task', s.id::text, s.client_id,
           ${JSON.stringify([{ field: 'status', before: 'open', after: 'cancelled' }])}::jsonb,
           jsonb_build_object('kind', 'permit_expiry', 'origin', 'permit_expiry_job', 'reason', 'permit_changed'),
           ${requestId}
    from stale s
    returning entity_id as id`);
  return result.rows.map((row) => row.id);
}

export type ExpiringPermitRow = {
  client: {
    id: string;
    clientNumber: string;
    givenName: string;
    familyName: string;
    givenNameNative: string | null;
    familyNameNative: string | null;
  };
  residenceCategory: string | null;
  validUntil: string;
  daysLeft: number;
  assigneeId: string | null;
  assigneeName: string | null;
};

const permitColumns = sql`
  c.id, c.client_number as "clientNumber", c.given_name as "givenName", c.family_name as "familyName",
  c.given_name_native as "givenNameNative", c.family_name_native as "familyNameNative",
  c.residence_category as "residenceCategory", to_char(c.residence_valid_until, 'YYYY-MM-DD') as "validUntil"`;

/** An open permit-expiry task of the client's current permit. */
const openPermitTask = (alias: string) =>
  sql`${sql.raw(alias)}.client_id = c.id and ${sql.raw(alias)}.status = 'open' and ${sql.raw(alias)}.kind = 'permit_expiry'
      and ${sql.raw(alias)}.source_key in (${sourceKeyOf(sql`c.id`, sql`c.residence_valid_until`, 90)},
                                           ${sourceKeyOf(sql`c.id`, sql`c.residence_valid_until`, 30)})`;

type RawPermitRow = Record<string, unknown> & { daysLeft: number };

function toPermitRow(row: RawPermitRow): ExpiringPermitRow {
  return {
    client: {
      id: row.id as string,
      clientNumber: row.clientNumber as string,
      givenName: row.givenName as string,
      familyName: row.familyName as string,
      givenNameNative: (row.givenNameNative as string | null) ?? null,
      familyNameNative: (row.familyNameNative as string | null) ?? null,
    },
    residenceCategory: (row.residenceCategory as string | null) ?? null,
    validUntil: row.validUntil as string,
    daysLeft: Number(row.daysLeft),
    assigneeId: (row.assigneeId as string | null) ?? null,
    assigneeName: (row.assigneeName as string | null) ?? null,
  };
}

/**
 * Every current client's permit in the window, soonest first, with the assignee of its open expiry
 * task: the coordinators' view. Served by the index on the expiry date.
 */
export async function selectAllExpiringPermits(tx: Tx, today: string, page: { limit: number; offset: number }) {
  const [rows, counted] = await Promise.all([
    tx.execute<RawPermitRow>(sql`
      select ${permitColumns}, c.residence_valid_until - ${today}::date as "daysLeft",
             a.assignee_id as "assigneeId", a.name as "assigneeName"
      from clients c
      left join lateral (
        select t.assignee_id, u.name from tasks t left join users u on u.id = t.assignee_id
        where ${openPermitTask('t')} order by t.due_on desc limit 1
      ) a on true
      where ${permitWindow(today)}
      order by c.residence_valid_until, c.id
      limit ${page.limit} offset ${page.offset}`),
    tx.execute<{ total: number }>(sql`select count(*)::int as total from clients c where ${permitWindow(today)}`),
  ]);
  return { rows: rows.rows.map(toPermitRow), total: Number(counted.rows[0]?.total ?? 0) };
}

/**
 * The permits in the window whose open expiry task is the staff member's: their clients' permits
 * (the assignee is the staff member, so the rows do not name one). Starts from the staff member's open
 * tasks (the index on assignee and status), not from the clients.
 */
export async function selectAssignedExpiringPermits(tx: Tx, today: string, staffId: string, page: { limit: number; offset: number }) {
  const where = sql`where t.assignee_id = ${staffId} and ${openPermitTask('t')} and ${permitWindow(today)}`;
  const [rows, counted] = await Promise.all([
    tx.execute<RawPermitRow>(sql`
      select ${permitColumns}, c.residence_valid_until - ${today}::date as "daysLeft"
      from tasks t join clients c on c.id = t.client_id
      ${where}
      group by c.id
      order by c.residence_valid_until, c.id
      limit ${page.limit} offset ${page.offset}`),
    tx.execute<{ total: number }>(
      sql`select count(distinct c.id)::int as total from tasks t join clients c on c.id = t.client_id ${where}`,
    ),
  ]);
  return { rows: rows.rows.map(toPermitRow), total: Number(counted.rows[0]?.total ?? 0) };
}
