import type { Db, Tx } from '../../../db/open-database.js';
import {
  addDays,
  canReadLinkedContent,
  type CreateTaskInput,
  type ExpiringPermit,
  type ListTasksQuery,
  type MyDayQuery,
  type MyDayResponse,
  type StaffReference,
  type TaskResponse,
  toCentreDate,
  type UpdateTaskInput,
} from '../../../shared/index.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { Actor, Ctx } from '../../http/context.js';
import { requireClientInScope } from '../access/branch-scope.service.js';
import { findConsultationClientId, requireLinkableConsultation } from '../counselling/consultations.service.js';
import { changedValues, diffFields, listedClientIds, recordAudit } from '../audit/audit.service.js';
import { requireChangeableClient } from '../clients/clients.service.js';
import { findStaffWithPermission, requireStaffWithPermission, toStaffReference } from '../users/users.service.js';
import {
  dueTasksWhere,
  type ExpiringPermitRow,
  cancelStalePermitExpiryTasks,
  insertPermitExpiryTasks,
  insertTask,
  type NewTaskRow,
  selectAllExpiringPermits,
  selectAssignedExpiringPermits,
  selectTask,
  selectTaskForUpdate,
  selectTasks,
  type TaskFilter,
  type TaskListRow,
  type TaskRow,
  tasksWhere,
  updateTaskRow,
} from './tasks.repo.js';
import { seesTeamWork } from './tasks.policy.js';

/** The task fields whose changes the audit trail records; title and description may name people, so only their names. */
const taskAuditFields = ['title', 'description', 'dueOn', 'assigneeId', 'status'] as const;
const taskAuditValueFields = ['dueOn', 'assigneeId', 'status'] as const;

/** The stored title of the job's tasks (staff work in Czech); the web client shows its own by kind. */
const permitExpiryTitles = { expiring: 'Končí platnost povolení k pobytu', expired: 'Skončila platnost povolení k pobytu' };

/** `permit-expiry:<client id>:<valid until>:<stage>` → the expiry and the alert. */
function permitOf(task: TaskRow): TaskResponse['permit'] {
  if (task.kind !== 'permit_expiry' || !task.sourceKey) return null;
  const [, , validUntil, stage] = task.sourceKey.split(':');
  return validUntil && (stage === '90' || stage === '30') ? { validUntil, stage: Number(stage) as 90 | 30 } : null;
}

/** The title a task shows when the reader may not read the consultation it follows up (the web client shows its own). */
const hiddenTitles = { legal: 'Právní následný krok', other: 'Následný krok konzultace' } as const;

/** Whether the reader may read a task's title and description (decision 022). */
function mayReadTask(reader: Actor, row: Pick<TaskListRow, 'task' | 'consultation'>): boolean {
  const consultation = row.consultation?.kind ? { kind: row.consultation.kind, createdBy: row.consultation.createdBy } : null;
  return canReadLinkedContent(reader, { createdBy: row.task.createdBy, consultation }, null);
}

function toTaskResponse(row: TaskListRow, reader: Actor): TaskResponse {
  const { task } = row;
  const visible = mayReadTask(reader, row);
  const kind = row.consultation?.kind ?? null;
  return {
    id: task.id,
    title: visible ? task.title : hiddenTitles[kind === 'legal' ? 'legal' : 'other'],
    description: visible ? task.description : null,
    consultation: task.consultationId && kind ? { id: task.consultationId, kind } : null,
    contentHidden: !visible,
    dueOn: task.dueOn,
    kind: task.kind,
    status: task.status,
    assignee: toStaffReference(task.assigneeId, row.assigneeName),
    client: row.client?.id ? (row.client as NonNullable<TaskResponse['client']>) : null,
    permit: permitOf(task),
    createdBy: toStaffReference(task.createdBy, row.creatorName),
    completedBy: toStaffReference(task.completedBy, row.completerName),
    completedAt: task.completedAt?.toISOString() ?? null,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
  };
}

/** Staff a task can be assigned to: active, and allowed to manage tasks. */
export function findAssignees(ctx: Ctx, page: { limit: number; offset: number }) {
  return findStaffWithPermission(ctx, 'tasks.manage', page);
}

/** The client a task is about, named in the body: merged and archived records take no new work. */
const taskClient = { lock: true, field: 'body.clientId' };

function filterOf(ctx: Ctx, query: ListTasksQuery): TaskFilter {
  const today = toCentreDate(ctx.now);
  const due: Pick<TaskFilter, 'dueFrom' | 'dueTo'> =
    query.due === 'overdue'
      ? { dueTo: addDays(today, -1) }
      : query.due === 'today'
        ? { dueFrom: today, dueTo: today }
        : query.due === 'week'
          ? { dueFrom: today, dueTo: addDays(today, 6) }
          : {};
  return {
    ...(query.assignee === undefined
      ? {}
      : { assigneeId: query.assignee === 'me' ? ctx.actor.id : query.assignee === 'unassigned' ? null : query.assignee }),
    ...(query.status === 'all' ? {} : { status: query.status }),
    ...due,
    ...(query.clientId ? { clientId: query.clientId } : {}),
  };
}

/**
 * A page of tasks by due date. It names clients, so, like the client list, each request is one
 * `task.listed` entry with the ids of the clients it named, and the client when filtered by one
 * (decision 016).
 */
export async function findTasks(ctx: Ctx, query: ListTasksQuery) {
  const { rows, total } = await selectTasks(ctx.db, tasksWhere(filterOf(ctx, query)), query.limit, query.offset);
  const items = rows.map((row) => toTaskResponse(row, ctx.actor));
  const { limit, offset, ...filters } = query;
  await recordAudit(ctx.db, ctx, {
    action: 'task.listed',
    entityType: 'task',
    ...(query.clientId ? { clientId: query.clientId } : {}),
    clientIds: listedClientIds(items, (item) => item.client?.id),
    details: { filters, limit, offset, total },
  });
  return { items, total };
}

async function loadTask(ctx: Ctx, id: string): Promise<TaskResponse> {
  const row = await selectTask(ctx.db, id);
  if (!row) throw notFound('Task');
  return toTaskResponse(row, ctx.actor);
}

export async function createTask(ctx: Ctx, input: CreateTaskInput): Promise<TaskResponse> {
  // A client named only through the consultation is checked as the branch-scope hook checks a named
  // one (before the transaction: the check reads through its own connection).
  if (!input.clientId && input.consultationId) {
    const derived = await findConsultationClientId(ctx.db, input.consultationId);
    if (derived) await requireClientInScope(ctx, 'client', derived);
  }
  const id = await ctx.db.transaction(async (tx) => {
    const clientId = input.clientId ?? (input.consultationId ? await findConsultationClientId(tx, input.consultationId) : null);
    if (input.consultationId) await requireLinkableConsultation(tx, ctx.actor, input.consultationId, clientId);
    if (clientId) await requireChangeableClient(tx, clientId, taskClient);
    if (input.assigneeId) await requireStaffWithPermission(tx, input.assigneeId, 'tasks.manage', 'body.assigneeId');
    const task = await insertTask(tx, {
      title: input.title,
      description: input.description ?? null,
      dueOn: input.dueOn,
      assigneeId: input.assigneeId ?? null,
      clientId,
      consultationId: input.consultationId ?? null,
      kind: 'manual',
      createdBy: ctx.actor.id,
    });
    await recordAudit(tx, ctx, {
      action: 'task.created',
      entityType: 'task',
      entityId: task.id,
      ...(task.clientId ? { clientId: task.clientId } : {}),
      details: { kind: task.kind, dueOn: task.dueOn, assigneeId: task.assigneeId, consultationId: task.consultationId },
    });
    return task.id;
  });
  return loadTask(ctx, id);
}

/** The task, locked; only an open task can be changed, so what was done stays as it was done. */
async function requireTask(tx: Tx, id: string, allowed: readonly TaskRow['status'][], refusal: string): Promise<TaskRow> {
  const task = await selectTaskForUpdate(tx, id);
  if (!task) throw notFound('Task');
  if (!allowed.includes(task.status)) throw new AppError('CONFLICT', refusal);
  return task;
}

/** Writes a change of the task and its audit entry; values equal to the stored ones change nothing. */
async function changeTask(
  tx: Tx,
  ctx: Ctx,
  before: TaskRow,
  values: Partial<NewTaskRow>,
  action: 'task.updated' | 'task.completed',
): Promise<void> {
  const changed = changedValues(before, values);
  if (Object.keys(changed).length === 0) {
    // Nothing to change, yet the answer shows the task and its client: audited as a read.
    if (before.clientId)
      await recordAudit(tx, ctx, { action: 'task.read', entityType: 'task', entityId: before.id, clientId: before.clientId });
    return;
  }
  const after = await updateTaskRow(tx, before.id, changed);
  await recordAudit(tx, ctx, {
    action,
    entityType: 'task',
    entityId: before.id,
    ...(before.clientId ? { clientId: before.clientId } : {}),
    changes: diffFields<Record<string, unknown>>(before, after, taskAuditFields, taskAuditValueFields),
    details: { kind: before.kind },
  });
}

export async function updateTask(ctx: Ctx, id: string, input: UpdateTaskInput): Promise<TaskResponse> {
  await ctx.db.transaction(async (tx) => {
    const before = await requireTask(tx, id, ['open'], 'A task that is done or cancelled cannot be changed; reopen it first');
    if (input.title !== undefined || input.description !== undefined) {
      const listed = await selectTask(tx, id);
      if (listed && !mayReadTask(ctx.actor, listed)) {
        throw new AppError('FORBIDDEN', 'The title of this task is changed only by who may read the consultation it follows up');
      }
    }
    if (input.assigneeId) await requireStaffWithPermission(tx, input.assigneeId, 'tasks.manage', 'body.assigneeId');
    await changeTask(tx, ctx, before, input, 'task.updated');
  });
  return loadTask(ctx, id);
}

export async function completeTask(ctx: Ctx, id: string): Promise<TaskResponse> {
  await ctx.db.transaction(async (tx) => {
    const before = await requireTask(tx, id, ['open'], 'Only an open task can be completed');
    await changeTask(tx, ctx, before, { status: 'done', completedBy: ctx.actor.id, completedAt: ctx.now }, 'task.completed');
  });
  return loadTask(ctx, id);
}

/** Cancels a task that needs no doing (the client left, the permit was renewed); who and when are kept. */
export async function cancelTask(ctx: Ctx, id: string): Promise<TaskResponse> {
  await ctx.db.transaction(async (tx) => {
    const before = await requireTask(tx, id, ['open'], 'Only an open task can be cancelled');
    await changeTask(tx, ctx, before, { status: 'cancelled', completedBy: ctx.actor.id, completedAt: ctx.now }, 'task.updated');
  });
  return loadTask(ctx, id);
}

export async function reopenTask(ctx: Ctx, id: string): Promise<TaskResponse> {
  await ctx.db.transaction(async (tx) => {
    const before = await requireTask(tx, id, ['done', 'cancelled'], 'The task is already open');
    await changeTask(tx, ctx, before, { status: 'open', completedBy: null, completedAt: null }, 'task.updated');
  });
  return loadTask(ctx, id);
}

function toExpiringPermit(row: ExpiringPermitRow, assignee: StaffReference | null): ExpiringPermit {
  return {
    client: row.client,
    residenceCategory: row.residenceCategory as ExpiringPermit['residenceCategory'],
    validUntil: row.validUntil,
    daysLeft: row.daysLeft,
    assignee,
  };
}

/**
 * The start page of counselling staff: open tasks due today or earlier, and permits about to expire.
 * A coordinator sees the unassigned tasks and every permit; others their own. It names clients and
 * their permits' expiry, so each request is one `my_day.read` entry with the ids of the clients it
 * named (decision 016).
 */
export async function getMyDay(ctx: Ctx, query: MyDayQuery): Promise<MyDayResponse> {
  const today = toCentreDate(ctx.now);
  const team = seesTeamWork(ctx.actor);
  const [due, permits] = await Promise.all([
    selectTasks(ctx.db, dueTasksWhere(ctx.actor.id, today, team), query.limit, query.offset),
    team ? selectAllExpiringPermits(ctx.db, today, query) : selectAssignedExpiringPermits(ctx.db, today, ctx.actor.id, query),
  ]);
  const answer = {
    date: today,
    tasks: { items: due.rows.map((row) => toTaskResponse(row, ctx.actor)), total: due.total },
    permits: {
      items: permits.rows.map((row) =>
        toExpiringPermit(row, team ? toStaffReference(row.assigneeId, row.assigneeName) : { id: ctx.actor.id, name: ctx.actor.name }),
      ),
      total: permits.total,
    },
  };
  await recordAudit(ctx.db, ctx, {
    action: 'my_day.read',
    entityType: 'task',
    clientIds: [
      ...listedClientIds(answer.tasks.items, (item) => item.client?.id),
      ...listedClientIds(answer.permits.items, (item) => item.client.id),
    ],
    details: { limit: query.limit, offset: query.offset, tasks: due.total, permits: permits.total },
  });
  return answer;
}

/**
 * The daily job (decision 012): raises a task for every current client whose residence permit
 * expires within 90 days, and again within 30, without duplicates however often it runs; first it
 * cancels open alerts whose permit changed (a corrected or renewed expiry) or whose client was
 * archived or merged. Set-based, so two statements whatever the number of clients. Returns how many
 * tasks it created.
 */
export async function createPermitExpiryTasks(db: Db, now: Date): Promise<number> {
  const today = toCentreDate(now);
  const requestId = `permit-expiry-job:${today}`;
  const created = await db.transaction(async (tx) => {
    await cancelStalePermitExpiryTasks(tx, requestId);
    return insertPermitExpiryTasks(tx, today, permitExpiryTitles, requestId);
  });
  return created.length;
}
