import type { z } from 'zod';
import { type createTaskInput, taskResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { useTaskMutation } from './use-task-mutation.js';

export type CreateTaskInput = z.input<typeof createTaskInput>;

export function createTask(input: CreateTaskInput) {
  return requestApi('/api/tasks', { method: 'POST', body: input }, taskResponse);
}

export function useCreateTask() {
  return useTaskMutation(createTask);
}
