import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEventResponse, listAuditQuery, page } from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { findAuditEvents } from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit-events',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit trail (newest first)',
        querystring: listAuditQuery,
        response: { 200: page(auditEventResponse) },
      },
    },
    (request) => findAuditEvents(contextOf(request), request.query),
  );
};
