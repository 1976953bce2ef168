import { taskResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { useTaskMutation } from './use-task-mutation.js';

/** `complete` marks an open task done, `cancel` drops it, `reopen` opens a done or cancelled one again. */
export type TaskStatusChange = 'complete' | 'cancel' | 'reopen';

export function changeTaskStatus({ taskId, change }: { taskId: string; change: TaskStatusChange }) {
  return requestApi(`/api/tasks/${encodeURIComponent(taskId)}/${change}`, { method: 'POST' }, taskResponse);
}

export function useChangeTaskStatus() {
  return useTaskMutation(changeTaskStatus);
}
