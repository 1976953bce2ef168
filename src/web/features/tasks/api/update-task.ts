import { taskResponse, type UpdateTaskInput } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { useTaskMutation } from './use-task-mutation.js';

/** Changes an open task: title, description, due date, assignee. */
export function updateTask({ taskId, input }: { taskId: string; input: UpdateTaskInput }) {
  return requestApi(`/api/tasks/${encodeURIComponent(taskId)}`, { method: 'PATCH', body: input }, taskResponse);
}

export function useUpdateTask() {
  return useTaskMutation(updateTask);
}
