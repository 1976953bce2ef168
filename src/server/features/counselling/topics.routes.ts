import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { counsellingTopicList, errorResponse } from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { getTopics, updateTopics } from './topics.service.js';

export const topicsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/counselling/topics',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['counselling'],
        summary: 'The topics consultations are recorded under, with their names in cs, en and uk',
        response: { 200: counsellingTopicList },
      },
    },
    (request) => getTopics(contextOf(request).db),
  );
  app.put(
    '/api/counselling/topics',
    {
      config: { access: 'counselling.configure' },
      schema: {
        tags: ['counselling'],
        summary: 'Replace the topic list',
        description:
          'The list in the order it is offered. A topic that consultations have cannot be removed (409 with `details.codes`): set `active: false` instead.',
        body: counsellingTopicList,
        response: { 200: counsellingTopicList, 409: errorResponse },
      },
    },
    (request) => updateTopics(contextOf(request), request.body),
  );
};
