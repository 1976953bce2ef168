import { planResponse, type UpdatePlanInput } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { usePlanMutation } from './use-plan-mutation.js';

/** Changes the plan's responsible person or next review date. */
export function updatePlan({ planId, input, version }: { planId: string; input: UpdatePlanInput; version: number }) {
  return requestApi(`/api/plans/${encodeURIComponent(planId)}`, { method: 'PATCH', body: input, version }, planResponse);
}

export function useUpdatePlan() {
  return usePlanMutation(updatePlan);
}
