import { type ClosePlanInput, planResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { usePlanMutation } from './use-plan-mutation.js';

/** Closes the plan with an outcome; it then becomes history. */
export function closePlan({ planId, input, version }: { planId: string; input: ClosePlanInput; version: number }) {
  return requestApi(`/api/plans/${encodeURIComponent(planId)}/close`, { method: 'POST', body: input, version }, planResponse);
}

export function useClosePlan() {
  return usePlanMutation(closePlan);
}
