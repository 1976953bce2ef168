import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../db/open-database.js';
import { clients, planGoals, planReviews, plans, users } from '../../../db/schema/index.js';

export type PlanRow = typeof plans.$inferSelect;
export type NewPlanRow = typeof plans.$inferInsert;
export type GoalRow = typeof planGoals.$inferSelect;
export type NewGoalRow = typeof planGoals.$inferInsert;

/** A goal or review as the plan query nests it: JSON, so dates and times arrive as text. */
export type NestedGoal = {
  id: string;
  area: string;
  title: string;
  status: string;
  steps: { text: string; done: boolean }[];
  responsibleId: string | null;
  responsibleName: string | null;
  dueOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};
export type NestedReview = {
  id: string;
  reviewedOn: string;
  summary: string;
  reviewedBy: string | null;
  reviewerName: string | null;
  createdAt: string;
};
export type PlanWithParts = { plan: PlanRow; responsibleName: string | null; goals: NestedGoal[]; reviews: NestedReview[] };

const responsible = alias(users, 'responsible');

/** The plan's goals in the order they were added, each with its responsible person's name. */
const goalsOfPlan = sql<NestedGoal[]>`coalesce((
  select jsonb_agg(jsonb_build_object(
           'id', g.id, 'area', g.area, 'title', g.title, 'status', g.status, 'steps', g.steps,
           'responsibleId', g.responsible_id, 'responsibleName', gu.name, 'dueOn', g.due_on,
           'version', g.version, 'createdAt', g.created_at, 'updatedAt', g.updated_at) order by g.created_at, g.id)
  from plan_goals g left join users gu on gu.id = g.responsible_id
  where g.plan_id = ${plans.id}), '[]'::jsonb)`;

/** The plan's reviews, newest first, each with the reviewer's name. */
const reviewsOfPlan = sql<NestedReview[]>`coalesce((
  select jsonb_agg(jsonb_build_object(
           'id', r.id, 'reviewedOn', r.reviewed_on, 'summary', r.summary, 'reviewedBy', r.reviewed_by,
           'reviewerName', ru.name, 'createdAt', r.created_at) order by r.reviewed_on desc, r.created_at desc, r.id)
  from plan_reviews r left join users ru on ru.id = r.reviewed_by
  where r.plan_id = ${plans.id}), '[]'::jsonb)`;

/**
 * Plans with their goals and reviews in one query: the goals and reviews are nested per plan by
 * subqueries served by the plan indexes, so a page of plans costs one round trip, not one per plan.
 */
function selectPlansWithParts(tx: Tx, where: SQL | undefined) {
  return tx
    .select({
      plan: plans,
      responsibleName: responsible.name,
      goals: goalsOfPlan,
      reviews: reviewsOfPlan,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(plans)
    .leftJoin(responsible, eq(responsible.id, plans.responsibleId))
    .where(where);
}

/** A client's plans, the open one first, then the closed ones newest first. */
export async function selectClientPlans(tx: Tx, clientId: string, limit: number, offset: number) {
  const rows = await selectPlansWithParts(tx, eq(plans.clientId, clientId))
    .orderBy(sql`${plans.status} = 'open' desc`, desc(plans.openedOn), desc(plans.createdAt), desc(plans.id))
    .limit(limit)
    .offset(offset);
  return { rows: rows as (PlanWithParts & { total: number })[], total: rows[0]?.total ?? 0 };
}

export async function selectPlanWithParts(tx: Tx, id: string): Promise<PlanWithParts | undefined> {
  const [row] = await selectPlansWithParts(tx, eq(plans.id, id));
  return row as PlanWithParts | undefined;
}

export async function selectOpenPlanId(tx: Tx, clientId: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.clientId, clientId), eq(plans.status, 'open')));
  return row?.id;
}

/** The plan, locked, with whether its client is archived. */
export async function selectPlanForUpdate(tx: Tx, id: string): Promise<{ plan: PlanRow; clientArchived: boolean } | undefined> {
  const [row] = await tx
    .select({ plan: plans, clientArchived: clients.archived })
    .from(plans)
    .innerJoin(clients, eq(clients.id, plans.clientId))
    .where(eq(plans.id, id))
    .for('update', { of: plans });
  return row;
}

export async function selectGoal(tx: Tx, id: string): Promise<GoalRow | undefined> {
  const [row] = await tx.select().from(planGoals).where(eq(planGoals.id, id));
  return row;
}

export async function insertPlan(tx: Tx, values: NewPlanRow): Promise<PlanRow> {
  const [row] = await tx.insert(plans).values(values).returning();
  return row as PlanRow;
}

/**
 * Saves a change of the plan's own fields, its version one up in the same statement (decision 017);
 * with no values it only marks the plan changed (a goal or review of it changed).
 */
export async function updatePlanRow(tx: Tx, id: string, values: Partial<NewPlanRow>): Promise<PlanRow> {
  const version = Object.keys(values).length > 0 ? { version: sql`${plans.version} + 1` } : {};
  const [row] = await tx
    .update(plans)
    .set({ ...values, ...version, updatedAt: new Date() })
    .where(eq(plans.id, id))
    .returning();
  return row as PlanRow;
}

export async function insertGoal(tx: Tx, values: NewGoalRow): Promise<GoalRow> {
  const [row] = await tx.insert(planGoals).values(values).returning();
  return row as GoalRow;
}

/** Saves a change of a goal; its version goes one up in the same statement (decision 017). */
export async function updateGoalRow(tx: Tx, id: string, values: Partial<NewGoalRow>): Promise<GoalRow> {
  const [row] = await tx
    .update(planGoals)
    .set({ ...values, version: sql`${planGoals.version} + 1`, updatedAt: new Date() })
    .where(eq(planGoals.id, id))
    .returning();
  return row as GoalRow;
}

export async function insertReview(tx: Tx, values: typeof planReviews.$inferInsert): Promise<string> {
  const [row] = await tx.insert(planReviews).values(values).returning({ id: planReviews.id });
  return (row as { id: string }).id;
}

/** How many of the plan's goals are in each status, for the closing's audit entry. */
export async function countGoalsByStatus(tx: Tx, planId: string): Promise<Record<string, number>> {
  const rows = await tx
    .select({ status: planGoals.status, n: sql<number>`count(*)`.mapWith(Number) })
    .from(planGoals)
    .where(eq(planGoals.planId, planId))
    .groupBy(planGoals.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}
