import { z } from 'zod';
import { isoDate, optionalText, page, pagingQuery, text, uuid } from './common.js';
import { staffId, staffReference } from './plans.js';
import { residenceCategories } from './residence.js';

export const taskKinds = ['manual', 'permit_expiry'] as const;
export type TaskKind = (typeof taskKinds)[number];

export const taskStatuses = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/**
 * When the daily job raises a residence permit's expiry (decision 012): a first task once the permit
 * expires within `firstAlertDays`, a second within `secondAlertDays`; a permit that expired more than
 * `expiredGraceDays` ago is taken for stale data and raises nothing.
 */
export const permitExpiryRule = { firstAlertDays: 90, secondAlertDays: 30, expiredGraceDays: 30 } as const;
/** The alerts of one permit: 90 days ahead and 30 days ahead. */
export const permitExpiryStages = [90, 30] as const;
export type PermitExpiryStage = (typeof permitExpiryStages)[number];

/** "me", "unassigned", or a staff member's id. */
const assigneeFilter = z.string().trim().min(1).max(100);

export const listTasksQuery = z.strictObject({
  /** `me`, `unassigned` or a staff member's id; all tasks when absent. */
  assignee: assigneeFilter.optional(),
  status: z.enum([...taskStatuses, 'all']).default('open'),
  /** `overdue`: before today; `today`; `week`: today and the six days after it (Prague). */
  due: z.enum(['overdue', 'today', 'week']).optional(),
  clientId: uuid.optional(),
  ...pagingQuery,
});
export type ListTasksQuery = z.infer<typeof listTasksQuery>;

export const createTaskInput = z.strictObject({
  title: text(200),
  description: optionalText(2000).optional(),
  dueOn: isoDate,
  /** An active staff member who manages tasks; nobody when absent (coordinators see such tasks). */
  assigneeId: staffId.nullable().optional(),
  clientId: uuid.nullable().optional(),
  /**
   * The consultation this task follows up (its client's, readable by the caller); the task's client
   * when `clientId` is left out. The title and description then follow the consultation's content
   * rule: a legal consultation's follow-up is legal content (decision 022).
   */
  consultationId: uuid.optional(),
});
export type CreateTaskInput = z.infer<typeof createTaskInput>;

export const updateTaskInput = z
  .strictObject({
    title: text(200),
    description: optionalText(2000),
    dueOn: isoDate,
    assigneeId: staffId.nullable(),
  })
  .partial();
export type UpdateTaskInput = z.infer<typeof updateTaskInput>;

/** The client a task or permit is about, as lists name them. */
export const taskClient = z.object({
  id: z.string(),
  clientNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  givenNameNative: z.string().nullable(),
  familyNameNative: z.string().nullable(),
});

export const taskResponse = z
  .object({
    id: z.string(),
    /** With `contentHidden`, a neutral title ("Právní následný krok", "Následný krok konzultace"). */
    title: z.string(),
    description: z.string().nullable(),
    /** The consultation the task follows up, and its kind (not content: every reader of counselling sees it). */
    consultation: z.object({ id: z.string(), kind: z.enum(['social', 'legal', 'other']) }).nullable(),
    /** True when the reader may not read the consultation it follows up, so neither its title nor description. */
    contentHidden: z.boolean(),
    dueOn: z.string(),
    kind: z.enum(taskKinds),
    status: z.enum(taskStatuses),
    assignee: staffReference.nullable(),
    client: taskClient.nullable(),
    /** For a permit-expiry task: the expiry it warns of and which alert it is. */
    permit: z.object({ validUntil: z.string(), stage: z.union([z.literal(90), z.literal(30)]) }).nullable(),
    /** Null for a task the permit-expiry job created. */
    createdBy: staffReference.nullable(),
    completedBy: staffReference.nullable(),
    completedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Task' });
export type TaskResponse = z.infer<typeof taskResponse>;

/** `limit` and `offset` page both of My day's lists alike. */
export const myDayQuery = z.strictObject({ ...pagingQuery });
export type MyDayQuery = z.infer<typeof myDayQuery>;

export const expiringPermit = z.object({
  client: taskClient,
  residenceCategory: z.enum(residenceCategories).nullable(),
  validUntil: z.string(),
  /** Negative once the permit has expired. */
  daysLeft: z.number().int(),
  /** Who the open expiry task is assigned to, if anyone. */
  assignee: staffReference.nullable(),
});
export type ExpiringPermit = z.infer<typeof expiringPermit>;

export const myDayResponse = z
  .object({
    /** Today in Prague. */
    date: z.string(),
    /** Open tasks due today or earlier: the caller's, and for coordinators the unassigned ones too. */
    tasks: page(taskResponse),
    /** Permits expiring within 90 days (or expired within 30): the caller's clients, or all for coordinators. */
    permits: page(expiringPermit),
  })
  .meta({ id: 'MyDay' });
export type MyDayResponse = z.infer<typeof myDayResponse>;
