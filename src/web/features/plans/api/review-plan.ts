import { type PlanReviewInput, planResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { usePlanMutation } from './use-plan-mutation.js';

/** Records a review of the plan with the client. */
export function reviewPlan({ planId, input }: { planId: string; input: PlanReviewInput }) {
  return requestApi(`/api/plans/${encodeURIComponent(planId)}/reviews`, { method: 'POST', body: input }, planResponse);
}

export function useReviewPlan() {
  return usePlanMutation(reviewPlan);
}
