import { z } from 'zod';
import { recordVersion } from './versions.js';
import { isoDate, pagingQuery, text } from './common.js';

/** The life areas a client's goals belong to. */
export const lifeAreas = ['residence', 'work', 'housing', 'health', 'education', 'language', 'finances', 'family'] as const;
export type LifeArea = (typeof lifeAreas)[number];

export const goalStatuses = ['planned', 'in_progress', 'achieved', 'not_achieved', 'dropped'] as const;
export type GoalStatus = (typeof goalStatuses)[number];

/**
 * How a plan ended: a code rather than prose, so reports can count outcomes and the audit trail can
 * name them without holding anything personal.
 */
export const closingOutcomes = [
  'goals_achieved',
  'partly_achieved',
  'not_achieved',
  'client_withdrew',
  'client_moved_away',
  'other',
] as const;
/** Closing outcomes, and `records_merged`: the plan of a duplicate record closed by a merge beside the survivor's open plan. */
export const planOutcomes = [...closingOutcomes, 'records_merged'] as const;
export type PlanOutcome = (typeof planOutcomes)[number];

export const planStatuses = ['open', 'closed'] as const;

/** A staff member's id (better-auth's text ids, not UUIDs). */
export const staffId = z.string().trim().min(1).max(100);

/** A staff member named in a response. */
export const staffReference = z.object({ id: z.string(), name: z.string() });
export type StaffReference = z.infer<typeof staffReference>;

const notBefore = (later: string | null | undefined, earlier: string | null | undefined) => !later || !earlier || later >= earlier;

export const goalStep = z.strictObject({ text: text(300), done: z.boolean().default(false) });
/** Steps towards a goal, in order. */
const goalSteps = z.array(goalStep).max(30);

export const openPlanInput = z
  .strictObject({
    /** Defaults to today (Prague). */
    openedOn: isoDate.optional(),
    /** An active staff member who may write counselling records; defaults to nobody. */
    responsibleId: staffId.nullable().optional(),
    nextReviewOn: isoDate.nullable().optional(),
  })
  .refine((p) => notBefore(p.nextReviewOn, p.openedOn), {
    message: 'The next review cannot be before the opening',
    path: ['nextReviewOn'],
  });
export type OpenPlanInput = z.infer<typeof openPlanInput>;

export const updatePlanInput = z
  .strictObject({
    responsibleId: staffId.nullable(),
    nextReviewOn: isoDate.nullable(),
  })
  .partial();
export type UpdatePlanInput = z.infer<typeof updatePlanInput>;

export const addGoalInput = z.strictObject({
  area: z.enum(lifeAreas),
  title: text(200),
  status: z.enum(goalStatuses).default('planned'),
  steps: goalSteps.default([]),
  responsibleId: staffId.nullable().optional(),
  dueOn: isoDate.nullable().optional(),
});
export type AddGoalInput = z.infer<typeof addGoalInput>;

export const updateGoalInput = z
  .strictObject({
    area: z.enum(lifeAreas),
    title: text(200),
    status: z.enum(goalStatuses),
    /** The whole list of steps, replacing the stored one (ticking a step sends them all). */
    steps: goalSteps,
    responsibleId: staffId.nullable(),
    dueOn: isoDate.nullable(),
  })
  .partial();
export type UpdateGoalInput = z.infer<typeof updateGoalInput>;

export const planReviewInput = z
  .strictObject({
    reviewedOn: isoDate,
    /** What was agreed with the client; kept with the plan, never in the audit trail. */
    summary: text(5000),
    /** When given, becomes the plan's next review date. */
    nextReviewOn: isoDate.nullable().optional(),
  })
  .refine((r) => notBefore(r.nextReviewOn, r.reviewedOn), { message: 'The next review cannot be before this one', path: ['nextReviewOn'] });
export type PlanReviewInput = z.infer<typeof planReviewInput>;

export const closePlanInput = z.strictObject({ closedOn: isoDate, outcome: z.enum(closingOutcomes) });
export type ClosePlanInput = z.infer<typeof closePlanInput>;

export const listPlansQuery = z.strictObject({ ...pagingQuery });

export const planGoalResponse = z
  .object({
    id: z.string(),
    area: z.enum(lifeAreas),
    title: z.string(),
    status: z.enum(goalStatuses),
    steps: z.array(z.object({ text: z.string(), done: z.boolean() })),
    responsible: staffReference.nullable(),
    dueOn: z.string().nullable(),
    /** Changes with every saved change; send it back in `If-Match` (decision 017). */
    version: recordVersion,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PlanGoal' });
export type PlanGoalResponse = z.infer<typeof planGoalResponse>;

export const planReviewResponse = z
  .object({
    id: z.string(),
    reviewedOn: z.string(),
    summary: z.string(),
    reviewedBy: staffReference.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'PlanReview' });

export const planResponse = z
  .object({
    id: z.string(),
    clientId: z.string(),
    status: z.enum(planStatuses),
    openedOn: z.string(),
    responsible: staffReference.nullable(),
    nextReviewOn: z.string().nullable(),
    closedOn: z.string().nullable(),
    /** Null, with `contentHidden`, for a reader without `counselling.content`. */
    outcome: z.enum(planOutcomes).nullable(),
    /**
     * True for a reader without `counselling.content` (receptionists, the data protection officer):
     * the plan's existence, dates, status and responsible person are shown; its outcome, goals and
     * reviews are not (empty), decision 022.
     */
    contentHidden: z.boolean(),
    /** In the order they were added. */
    goals: z.array(planGoalResponse),
    /** Newest first. */
    reviews: z.array(planReviewResponse),
    /** Changes with every saved change; send it back in `If-Match` (decision 017). */
    version: recordVersion,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Plan' });
export type PlanResponse = z.infer<typeof planResponse>;

/** Staff who may be made responsible for a plan or a goal. */
export const staffOptionsResponse = z.object({ items: z.array(staffReference) });
