import { planResponse, type UpdateGoalInput } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { usePlanMutation } from './use-plan-mutation.js';

/** Changes a goal (ticking a step sends the whole list of steps); the answer is the goal's plan. */
export function updateGoal({ goalId, input, version }: { goalId: string; input: UpdateGoalInput; version: number }) {
  return requestApi(`/api/plan-goals/${encodeURIComponent(goalId)}`, { method: 'PATCH', body: input, version }, planResponse);
}

export function useUpdateGoal() {
  return usePlanMutation(updateGoal);
}
