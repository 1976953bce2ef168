import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, idParams, timelineQuery, timelineResponse } from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { getTimeline } from './timeline.service.js';

export const timelineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/clients/:id/timeline',
    {
      config: { access: 'counselling.read' },
      schema: {
        tags: ['counselling'],
        summary: "A client's timeline: consultations, appointments, plan changes, referrals, documents and record changes",
        description: [
          'Newest first, `limit` entries a page; pass `nextCursor` as `cursor` for older ones. `kinds` (comma-separated)',
          'filters. The content of a legal consultation (its form, topics; a document of it: its name) is shown only to',
          'legal counsellors and the author; others see that it took place, when, and for how long. Every read is audited.',
          'A record merged into another answers 409 CONFLICT with `details.mergedIntoId`.',
        ].join(' '),
        params: idParams,
        querystring: timelineQuery,
        response: { 200: timelineResponse, 409: errorResponse },
      },
    },
    (request) => getTimeline(contextOf(request), request.params.id, request.query),
  );
};
