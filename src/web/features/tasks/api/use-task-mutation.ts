import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TaskResponse } from '../../../../shared/index.js';
import { taskKeys } from './task-keys.js';

/** A write whose answer is the changed task: task lists and My day are asked again (they are not audited). */
export function useTaskMutation<Variables>(mutationFn: (variables: Variables) => Promise<TaskResponse>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }) });
}
