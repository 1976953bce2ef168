import { planResponse, type UpdatePlanInput } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { usePlanMutation } from './use-plan-mutation.js';

/** Changes the plan's responsible person or next review date. */
export function updatePlan({ planId, input }: { planId: string; input: UpdatePlanInput }) {
  return requestApi(`/api/plans/${encodeURIComponent(planId)}`, { method: 'PATCH', body: input }, planResponse);
}

export function useUpdatePlan() {
  return usePlanMutation(updatePlan);
}
