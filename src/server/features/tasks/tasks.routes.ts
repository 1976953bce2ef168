import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createTaskInput,
  errorResponse,
  idParams,
  listTasksQuery,
  myDayQuery,
  myDayResponse,
  page,
  pagingQuery,
  staffReference,
  taskResponse,
  updateTaskInput,
} from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { cancelTask, completeTask, createTask, findAssignees, findTasks, getMyDay, reopenTask, updateTask } from './tasks.service.js';

const tags = ['tasks'];

export const tasksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/tasks',
    {
      config: { access: 'tasks.manage' },
      schema: {
        tags,
        summary: 'Find tasks by assignee, status, due date and client, soonest due first',
        description:
          '`assignee` is `me`, `unassigned` or a staff id; `status` defaults to `open` (`all` for every status); `due` is `overdue` (before today), `today` or `week` (today and the next six days), in Prague.',
        querystring: listTasksQuery,
        response: { 200: page(taskResponse) },
      },
    },
    (request) => findTasks(contextOf(request), request.query),
  );
  app.get(
    '/api/tasks/assignees',
    {
      config: { access: 'tasks.manage' },
      schema: {
        tags,
        summary: 'Staff a task can be assigned to: active, and allowed to manage tasks',
        querystring: z.strictObject(pagingQuery),
        response: { 200: page(staffReference) },
      },
    },
    (request) => findAssignees(contextOf(request), request.query),
  );
  app.post(
    '/api/tasks',
    {
      config: { access: 'tasks.manage' },
      schema: {
        tags,
        summary: 'Create a task, for a client or not',
        description:
          'The assignee must be an active staff member who manages tasks; the client must be current (not merged, not archived).',
        body: createTaskInput,
        response: { 201: taskResponse, 409: errorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await createTask(contextOf(request), request.body)),
  );
  app.patch(
    '/api/tasks/:id',
    {
      config: { access: 'tasks.manage' },
      schema: {
        tags,
        summary: 'Change an open task: title, description, due date, assignee',
        params: idParams,
        body: updateTaskInput,
        response: { 200: taskResponse, 409: errorResponse },
      },
    },
    (request) => updateTask(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/tasks/:id/complete',
    {
      config: { access: 'tasks.manage' },
      schema: { tags, summary: 'Mark an open task done', params: idParams, response: { 200: taskResponse, 409: errorResponse } },
    },
    (request) => completeTask(contextOf(request), request.params.id),
  );
  app.post(
    '/api/tasks/:id/cancel',
    {
      config: { access: 'tasks.manage' },
      schema: {
        tags,
        summary: 'Cancel an open task that needs no doing',
        params: idParams,
        response: { 200: taskResponse, 409: errorResponse },
      },
    },
    (request) => cancelTask(contextOf(request), request.params.id),
  );
  app.post(
    '/api/tasks/:id/reopen',
    {
      config: { access: 'tasks.manage' },
      schema: {
        tags,
        summary: 'Open a done or cancelled task again',
        params: idParams,
        response: { 200: taskResponse, 409: errorResponse },
      },
    },
    (request) => reopenTask(contextOf(request), request.params.id),
  );
  app.get(
    '/api/my-day',
    {
      config: { access: 'tasks.manage' },
      schema: {
        tags,
        summary: "The start page of counselling staff: today's and overdue tasks, permits about to expire",
        description:
          'Open tasks due today or earlier assigned to the caller (coordinators: also the unassigned ones), and permits expiring within 90 days or expired within 30 whose open expiry task is the caller’s (coordinators: every current client’s). `limit` and `offset` page both lists alike; `total` counts all.',
        querystring: myDayQuery,
        response: { 200: myDayResponse },
      },
    },
    (request) => getMyDay(contextOf(request), request.query),
  );
};
