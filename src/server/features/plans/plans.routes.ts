import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addGoalInput,
  closePlanInput,
  errorResponse,
  idParams,
  ifMatchHeaders,
  listPlansQuery,
  openPlanInput,
  page,
  pagingQuery,
  planResponse,
  planReviewInput,
  staffReference,
  updateGoalInput,
  updatePlanInput,
} from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { expectedVersion, withVersion } from '../../http/versions.js';
import {
  addGoal,
  closePlan,
  findClientPlans,
  findResponsibleStaff,
  openPlan,
  reviewPlan,
  updateGoal,
  updatePlan,
} from './plans.service.js';

const tags = ['plans'];
const closedPlanNote = 'A closed plan, or the plan of an archived client, refuses changes with 409 CONFLICT.';
const responsibleNote = 'A responsible person must be an active staff member who may write counselling records (else 400).';
const versionNote =
  'With `If-Match` naming an older version than the stored one, nothing changes: 412 STALE_VERSION with what changed since. A change to the stored values is audited as a read.';

export const plansRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/clients/:id/plans',
    {
      config: { access: 'counselling.read' },
      schema: {
        tags,
        summary: "A client's individual plans, the open one first, with goals and reviews (the read is audited)",
        params: idParams,
        querystring: listPlansQuery,
        response: { 200: page(planResponse) },
      },
    },
    (request) => findClientPlans(contextOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/clients/:id/plans',
    {
      config: { access: 'counselling.write' },
      schema: {
        tags,
        summary: 'Open an individual plan for a client',
        description: `A client has at most one open plan: a second answers 409 CONFLICT, as does a merged or archived client. ${responsibleNote}`,
        params: idParams,
        body: openPlanInput,
        response: { 201: planResponse, 409: errorResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(withVersion(reply, await openPlan(contextOf(request), request.params.id, request.body))),
  );
  app.get(
    '/api/plans/responsible-staff',
    {
      config: { access: 'counselling.write' },
      schema: {
        tags,
        summary: 'Staff who can be made responsible for a plan or a goal',
        querystring: z.strictObject(pagingQuery),
        response: { 200: page(staffReference) },
      },
    },
    (request) => findResponsibleStaff(contextOf(request), request.query),
  );
  app.patch(
    '/api/plans/:id',
    {
      config: { access: 'counselling.write' },
      schema: {
        tags,
        summary: "Change a plan's responsible person or next review date",
        description: `${responsibleNote} ${closedPlanNote} ${versionNote}`,
        params: idParams,
        headers: ifMatchHeaders,
        body: updatePlanInput,
        response: { 200: planResponse, 409: errorResponse, 412: errorResponse },
      },
    },
    async (request, reply) =>
      withVersion(reply, await updatePlan(contextOf(request), request.params.id, request.body, expectedVersion(request))),
  );
  app.post(
    '/api/plans/:id/goals',
    {
      config: { access: 'counselling.write' },
      schema: {
        tags,
        summary: 'Add a goal in a life area to a plan',
        description: `${responsibleNote} ${closedPlanNote}`,
        params: idParams,
        body: addGoalInput,
        response: { 201: planResponse, 409: errorResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(withVersion(reply, await addGoal(contextOf(request), request.params.id, request.body))),
  );
  app.patch(
    '/api/plan-goals/:id',
    {
      config: { access: 'counselling.write' },
      schema: {
        tags,
        summary: "Change a goal: title, area, status, steps, responsible person, due date (answers the goal's plan)",
        description: `${responsibleNote} ${closedPlanNote} ${versionNote} \`If-Match\` and the \`ETag\` are the goal's version.`,
        params: idParams,
        headers: ifMatchHeaders,
        body: updateGoalInput,
        response: { 200: planResponse, 409: errorResponse, 412: errorResponse },
      },
    },
    async (request, reply) => {
      const plan = await updateGoal(contextOf(request), request.params.id, request.body, expectedVersion(request));
      return withVersion(reply, plan, plan.goals.find((goal) => goal.id === request.params.id)?.version);
    },
  );
  app.post(
    '/api/plans/:id/reviews',
    {
      config: { access: 'counselling.write' },
      schema: {
        tags,
        summary: 'Record a review of the plan with the client',
        description: `The review's date lies between the plan's opening and today; \`nextReviewOn\`, when given, becomes the plan's. ${closedPlanNote}`,
        params: idParams,
        body: planReviewInput,
        response: { 201: planResponse, 409: errorResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(withVersion(reply, await reviewPlan(contextOf(request), request.params.id, request.body))),
  );
  app.post(
    '/api/plans/:id/close',
    {
      config: { access: 'counselling.write' },
      schema: {
        tags,
        summary: 'Close a plan with an outcome',
        description: `The closing date lies between the plan's opening and today. ${closedPlanNote} ${versionNote}`,
        params: idParams,
        headers: ifMatchHeaders,
        body: closePlanInput,
        response: { 200: planResponse, 409: errorResponse, 412: errorResponse },
      },
    },
    async (request, reply) =>
      withVersion(reply, await closePlan(contextOf(request), request.params.id, request.body, expectedVersion(request))),
  );
};
