import type { z } from 'zod';
import { type openPlanInput, planResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { usePlanMutation } from './use-plan-mutation.js';

export type OpenPlanInput = z.input<typeof openPlanInput>;

/** Opens a plan for the client (a client has one open plan at most). */
export function openPlan({ clientId, input }: { clientId: string; input: OpenPlanInput }) {
  return requestApi(`/api/clients/${encodeURIComponent(clientId)}/plans`, { method: 'POST', body: input }, planResponse);
}

export function useOpenPlan() {
  return usePlanMutation(openPlan);
}
