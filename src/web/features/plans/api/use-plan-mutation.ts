import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlanResponse } from '../../../../shared/index.js';
import { planKeys } from './plan-keys.js';

type PlanPage = { items: PlanResponse[]; total: number };

/**
 * A write whose answer is the changed plan: it replaces the plan in the client's list (a new plan
 * goes first), so the list is not read again — each read would be audited as another look at the plan.
 * The client's timeline is asked again, since it shows the change.
 */
export function usePlanMutation<Variables>(mutationFn: (variables: Variables) => Promise<PlanResponse>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (plan) => {
      queryClient.setQueryData<PlanPage>(planKeys.ofClient(plan.clientId), (list) => {
        if (!list) return list;
        const known = list.items.some((item) => item.id === plan.id);
        return known
          ? { ...list, items: list.items.map((item) => (item.id === plan.id ? plan : item)) }
          : { items: [plan, ...list.items], total: list.total + 1 };
      });
      return queryClient.invalidateQueries({ queryKey: ['timeline', plan.clientId] });
    },
  });
}
