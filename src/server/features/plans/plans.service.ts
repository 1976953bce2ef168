import type { Tx } from '../../../db/open-database.js';
import {
  type AddGoalInput,
  type ClosePlanInput,
  type GoalStatus,
  type LifeArea,
  type OpenPlanInput,
  type PlanGoalResponse,
  type PlanOutcome,
  type PlanResponse,
  type PlanReviewInput,
  toCentreDate,
  type UpdateGoalInput,
  type UpdatePlanInput,
  hasPermission,
} from '../../../shared/index.js';
import { AppError, fieldError, notFound } from '../../http/app-error.js';
import type { Actor, Ctx } from '../../http/context.js';
import { changedValues, diffFields, recordAudit } from '../audit/audit.service.js';
import { requireVersion, versionStamp } from '../audit/record-versions.service.js';
import { requireChangeableClient, requireClient } from '../clients/clients.service.js';
import { findStaffWithPermission, requireStaffWithPermission, toStaffReference } from '../users/users.service.js';
import {
  countGoalsByStatus,
  type GoalRow,
  insertGoal,
  insertPlan,
  insertReview,
  type NestedGoal,
  type PlanRow,
  type PlanWithParts,
  selectClientPlans,
  selectGoal,
  selectOpenPlanId,
  selectPlanForUpdate,
  selectPlanWithParts,
  updateGoalRow,
  updatePlanRow,
} from './plans.repo.js';

/** Plan fields whose changes are audited; none is personal, so their values are kept. */
const planAuditFields = ['responsibleId', 'nextReviewOn'] as const;
/** Goal fields whose changes are audited; the title and steps are the client's matters, so only their names. */
const goalAuditFields = ['area', 'title', 'status', 'steps', 'responsibleId', 'dueOn'] as const;
const goalAuditValueFields = ['area', 'status', 'responsibleId', 'dueOn'] as const;

/** A time from the nested JSON (in the session's offset) as ISO 8601 in UTC, like every other time. */
const isoTime = (value: string) => new Date(value).toISOString();

function toGoalResponse(goal: NestedGoal): PlanGoalResponse {
  return {
    id: goal.id,
    area: goal.area as LifeArea,
    title: goal.title,
    status: goal.status as GoalStatus,
    steps: goal.steps,
    responsible: toStaffReference(goal.responsibleId, goal.responsibleName),
    dueOn: goal.dueOn,
    version: goal.version,
    createdAt: isoTime(goal.createdAt),
    updatedAt: isoTime(goal.updatedAt),
  };
}

/** A plan as the reader may see it: without `counselling.content`, that it exists and no more (decision 022). */
function toPlanResponse(row: PlanWithParts, reader: Actor): PlanResponse {
  const whole = toWholePlan(row);
  if (hasPermission(reader.roles, 'counselling.content')) return whole;
  return { ...whole, outcome: null, goals: [], reviews: [], contentHidden: true };
}

function toWholePlan({ plan, responsibleName, goals, reviews }: PlanWithParts): PlanResponse {
  return {
    id: plan.id,
    clientId: plan.clientId,
    status: plan.status,
    openedOn: plan.openedOn,
    responsible: toStaffReference(plan.responsibleId, responsibleName),
    nextReviewOn: plan.nextReviewOn,
    closedOn: plan.closedOn,
    outcome: plan.outcome as PlanOutcome | null,
    contentHidden: false,
    goals: goals.map(toGoalResponse),
    reviews: reviews.map((review) => ({
      id: review.id,
      reviewedOn: review.reviewedOn,
      summary: review.summary,
      reviewedBy: toStaffReference(review.reviewedBy, review.reviewerName),
      createdAt: isoTime(review.createdAt),
    })),
    version: plan.version,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

async function loadPlan(ctx: Ctx, id: string): Promise<PlanResponse> {
  const row = await selectPlanWithParts(ctx.db, id);
  if (!row) throw notFound('Plan');
  return toPlanResponse(row, ctx.actor);
}

/** A date of something that happened in the plan: not before the plan was opened, not in the future. */
function requirePlanDay(ctx: Ctx, plan: PlanRow, day: string, field: string): void {
  if (day < plan.openedOn) throw fieldError(field, 'too_small', 'The date cannot be before the plan was opened');
  if (day > toCentreDate(ctx.now)) throw fieldError(field, 'too_big', 'The date cannot be in the future');
}

/** Staff who can be made responsible for a plan or a goal: active, and allowed to write counselling records. */
export function findResponsibleStaff(ctx: Ctx, page: { limit: number; offset: number }) {
  return findStaffWithPermission(ctx, 'counselling.write', page);
}

async function requireResponsible(tx: Tx, id: string | null | undefined, field: string): Promise<void> {
  if (id) await requireStaffWithPermission(tx, id, 'counselling.write', field);
}

/** The plan, locked, when it can still change: open, of a client whose record is not archived. */
async function requireOpenPlan(tx: Tx, id: string): Promise<PlanRow> {
  const row = await selectPlanForUpdate(tx, id);
  if (!row) throw notFound('Plan');
  if (row.plan.status !== 'open') throw new AppError('CONFLICT', 'A closed plan cannot be changed');
  if (row.clientArchived) throw new AppError('CONFLICT', 'An archived client cannot be changed; restore the record first');
  return row.plan;
}

/** A client's plans, the open one first, with goals and reviews. Every read is audited with the client. */
export async function findClientPlans(ctx: Ctx, clientId: string, query: { limit: number; offset: number }) {
  await requireClient(ctx.db, clientId);
  const { rows, total } = await selectClientPlans(ctx.db, clientId, query.limit, query.offset);
  const items = rows.map((row) => toPlanResponse(row, ctx.actor));
  await recordAudit(ctx.db, ctx, {
    action: 'plan.read',
    entityType: 'client',
    entityId: clientId,
    clientId,
    details: { contentHidden: items.some((item) => item.contentHidden) },
  });
  return { items, total };
}

/** Opens a client's plan; a client has at most one open plan at a time. */
export async function openPlan(ctx: Ctx, clientId: string, input: OpenPlanInput): Promise<PlanResponse> {
  const id = await ctx.db.transaction(async (tx) => {
    await requireChangeableClient(tx, clientId, { lock: true });
    if (await selectOpenPlanId(tx, clientId)) throw new AppError('CONFLICT', 'The client already has an open plan');
    const openedOn = input.openedOn ?? toCentreDate(ctx.now);
    if (openedOn > toCentreDate(ctx.now)) throw fieldError('body.openedOn', 'too_big', 'The date cannot be in the future');
    if (input.nextReviewOn && input.nextReviewOn < openedOn) {
      throw fieldError('body.nextReviewOn', 'too_small', 'The next review cannot be before the opening');
    }
    await requireResponsible(tx, input.responsibleId, 'body.responsibleId');
    const plan = await insertPlan(tx, {
      clientId,
      openedOn,
      responsibleId: input.responsibleId ?? null,
      nextReviewOn: input.nextReviewOn ?? null,
      createdBy: ctx.actor.id,
    });
    await recordAudit(tx, ctx, {
      action: 'plan.created',
      entityType: 'plan',
      entityId: plan.id,
      clientId,
      details: { planId: plan.id, openedOn, responsibleId: plan.responsibleId, nextReviewOn: plan.nextReviewOn },
    });
    return plan.id;
  });
  return loadPlan(ctx, id);
}

/** How a plan's changes are found in the trail when a change comes from an older version. */
const planVersion = (plan: PlanRow) => ({ type: 'plan', id: plan.id, version: plan.version, clientId: plan.clientId, actions: [] });

/** The answer to a change that changed nothing is the plan as it is: audited as the read it is. */
async function readUnchangedPlan(ctx: Ctx, id: string): Promise<PlanResponse> {
  const plan = await loadPlan(ctx, id);
  await recordAudit(ctx.db, ctx, { action: 'plan.read', entityType: 'plan', entityId: id, clientId: plan.clientId });
  return plan;
}

/**
 * Changes who is responsible for the plan and when it is next reviewed. From an older version than
 * the stored one (`expectedVersion`), nothing changes (412).
 */
export async function updatePlan(ctx: Ctx, id: string, input: UpdatePlanInput, expectedVersion?: number): Promise<PlanResponse> {
  const saved = await ctx.db.transaction(async (tx) => {
    const before = await requireOpenPlan(tx, id);
    await requireVersion(tx, planVersion(before), expectedVersion);
    const changed = changedValues(before, input);
    if (Object.keys(changed).length === 0) return false;
    await requireResponsible(tx, changed.responsibleId, 'body.responsibleId');
    const after = await updatePlanRow(tx, id, changed);
    await recordAudit(tx, ctx, {
      action: 'plan.updated',
      entityType: 'plan',
      entityId: id,
      clientId: before.clientId,
      changes: diffFields<Record<string, unknown>>(before, after, planAuditFields, planAuditFields),
      details: { planId: id, fields: Object.keys(changed), ...changed, ...versionStamp('plan', id, after.version) },
    });
    return true;
  });
  return saved ? loadPlan(ctx, id) : readUnchangedPlan(ctx, id);
}

export async function addGoal(ctx: Ctx, planId: string, input: AddGoalInput): Promise<PlanResponse> {
  await ctx.db.transaction(async (tx) => {
    const plan = await requireOpenPlan(tx, planId);
    await requireResponsible(tx, input.responsibleId, 'body.responsibleId');
    const goal = await insertGoal(tx, {
      planId,
      area: input.area,
      title: input.title,
      status: input.status,
      steps: input.steps,
      responsibleId: input.responsibleId ?? null,
      dueOn: input.dueOn ?? null,
    });
    await touchPlan(tx, planId);
    await recordAudit(tx, ctx, {
      action: 'plan.goal_added',
      entityType: 'plan_goal',
      entityId: goal.id,
      clientId: plan.clientId,
      details: { planId, ...goalFacts(goal) },
    });
  });
  return loadPlan(ctx, planId);
}

/** What the trail and the timeline say of a goal: its area, status, dates and progress, never its words. */
function goalFacts(goal: GoalRow) {
  return {
    goalId: goal.id,
    area: goal.area,
    status: goal.status,
    responsibleId: goal.responsibleId,
    dueOn: goal.dueOn,
    stepsDone: goal.steps.filter((step) => step.done).length,
    stepsTotal: goal.steps.length,
  };
}

/** The goal with its steps' keys in the input's order (jsonb stores keys its own way), so equal steps compare equal. */
function withOrderedSteps(goal: GoalRow): GoalRow {
  return { ...goal, steps: goal.steps.map((step) => ({ text: step.text, done: step.done })) };
}

/** A change to a goal is a change to its plan: the plan's `updatedAt` follows. */
async function touchPlan(tx: Tx, planId: string): Promise<void> {
  await updatePlanRow(tx, planId, {});
}

/**
 * Changes a goal. From an older version of the goal than the stored one (`expectedVersion`), nothing
 * changes (412); a change to equal values writes nothing and is audited as a read.
 */
export async function updateGoal(ctx: Ctx, goalId: string, input: UpdateGoalInput, expectedVersion?: number): Promise<PlanResponse> {
  const { planId, saved } = await ctx.db.transaction(async (tx) => {
    const found = await selectGoal(tx, goalId);
    if (!found) throw notFound('Goal');
    const plan = await requireOpenPlan(tx, found.planId);
    // Read again under the plan's lock: a concurrent change of the goal has finished by now.
    const before = withOrderedSteps((await selectGoal(tx, goalId)) as GoalRow);
    await requireVersion(
      tx,
      { type: 'plan_goal', id: goalId, version: before.version, clientId: plan.clientId, actions: [] },
      expectedVersion,
    );
    const changed = changedValues(before, input);
    if (Object.keys(changed).length === 0) return { planId: plan.id, saved: false };
    await requireResponsible(tx, changed.responsibleId, 'body.responsibleId');
    const after = withOrderedSteps(await updateGoalRow(tx, goalId, changed));
    await touchPlan(tx, plan.id);
    await recordAudit(tx, ctx, {
      action: 'plan.goal_updated',
      entityType: 'plan_goal',
      entityId: goalId,
      clientId: plan.clientId,
      changes: diffFields<Record<string, unknown>>(before, after, goalAuditFields, goalAuditValueFields),
      details: { planId: plan.id, ...goalFacts(after), fields: Object.keys(changed), ...versionStamp('plan_goal', goalId, after.version) },
    });
    return { planId: plan.id, saved: true };
  });
  return saved ? loadPlan(ctx, planId) : readUnchangedPlan(ctx, planId);
}

/** Records a review with the client; a next review date given with it becomes the plan's. */
export async function reviewPlan(ctx: Ctx, planId: string, input: PlanReviewInput): Promise<PlanResponse> {
  await ctx.db.transaction(async (tx) => {
    const plan = await requireOpenPlan(tx, planId);
    requirePlanDay(ctx, plan, input.reviewedOn, 'body.reviewedOn');
    const reviewId = await insertReview(tx, { planId, reviewedOn: input.reviewedOn, summary: input.summary, reviewedBy: ctx.actor.id });
    const moved = input.nextReviewOn !== undefined && input.nextReviewOn !== plan.nextReviewOn;
    const after = await updatePlanRow(tx, planId, moved ? { nextReviewOn: input.nextReviewOn } : {});
    await recordAudit(tx, ctx, {
      action: 'plan.reviewed',
      entityType: 'plan_review',
      entityId: reviewId,
      clientId: plan.clientId,
      details: {
        planId,
        reviewId,
        reviewedOn: input.reviewedOn,
        nextReviewOn: input.nextReviewOn ?? plan.nextReviewOn,
        // The plan's own field changed: a change of its version (decision 017).
        ...(moved ? { fields: ['nextReviewOn'], ...versionStamp('plan', planId, after.version) } : {}),
      },
    });
  });
  return loadPlan(ctx, planId);
}

/**
 * Closes the plan with an outcome; from then on it is history and refuses changes. From an older
 * version than the stored one (`expectedVersion`), nothing changes (412).
 */
export async function closePlan(ctx: Ctx, planId: string, input: ClosePlanInput, expectedVersion?: number): Promise<PlanResponse> {
  await ctx.db.transaction(async (tx) => {
    const plan = await requireOpenPlan(tx, planId);
    await requireVersion(tx, planVersion(plan), expectedVersion);
    requirePlanDay(ctx, plan, input.closedOn, 'body.closedOn');
    const after = await updatePlanRow(tx, planId, {
      status: 'closed',
      closedOn: input.closedOn,
      outcome: input.outcome,
      nextReviewOn: null,
    });
    await recordAudit(tx, ctx, {
      action: 'plan.closed',
      entityType: 'plan',
      entityId: planId,
      clientId: plan.clientId,
      details: {
        planId,
        closedOn: input.closedOn,
        outcome: input.outcome,
        goalsByStatus: await countGoalsByStatus(tx, planId),
        fields: ['status', 'closedOn', 'outcome'],
        ...versionStamp('plan', planId, after.version),
      },
    });
  });
  return loadPlan(ctx, planId);
}
