import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listOutboxQuery, outboxMessageResponse, page } from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { findOutboxMessages } from './outbox.service.js';

export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/outbox',
    {
      config: { access: 'outbox.read' },
      schema: {
        tags: ['outbox'],
        summary: 'Messages to clients: queued, sent and failed (the read is audited)',
        description:
          'Newest first. A reminder is queued when an appointment is booked, rewritten when it changes, and removed unsent when it is cancelled or has taken place; `sender` is `record` where no gateway is configured.',
        querystring: listOutboxQuery,
        response: { 200: page(outboxMessageResponse) },
      },
    },
    (request) => findOutboxMessages(contextOf(request), request.query),
  );
};
