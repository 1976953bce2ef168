import type { z } from 'zod';
import { type addGoalInput, planResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { usePlanMutation } from './use-plan-mutation.js';

export type AddGoalInput = z.input<typeof addGoalInput>;

/** Adds a goal to an open plan; the answer is the whole plan. */
export function addGoal({ planId, input }: { planId: string; input: AddGoalInput }) {
  return requestApi(`/api/plans/${encodeURIComponent(planId)}/goals`, { method: 'POST', body: input }, planResponse);
}

export function useAddGoal() {
  return usePlanMutation(addGoal);
}
