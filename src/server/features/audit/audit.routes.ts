import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEventResponse, auditExportMaxRows, errorResponse, exportAuditQuery, listAuditQuery, page } from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { exportAuditEvents, findAuditEvents } from './audit.service.js';

const filtersDescription =
  "`clientId` or `clientNumber` (2026-00042, also of a record merged into the client) give the client's trail: its entries, those of the records merged into it, and the lists and searches that returned any of them.";

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit-events',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit trail (newest first)',
        description: `${filtersDescription} Client names are given only to readers who may read clients.`,
        querystring: listAuditQuery,
        response: { 200: page(auditEventResponse) },
      },
    },
    (request) => findAuditEvents(contextOf(request), request.query),
  );
  app.get(
    '/api/audit/export.csv',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Export the filtered audit trail as CSV (the export is audited)',
        description: [
          filtersDescription,
          `UTF-8 with a byte order mark, comma-separated, every cell quoted; cells that a spreadsheet would take for a formula`,
          `start with an apostrophe. Headings in \`lang\`. At most ${auditExportMaxRows} entries: more is refused with 400`,
          '(choose a shorter period).',
        ].join(' '),
        querystring: exportAuditQuery,
        produces: ['text/csv'],
        response: {
          200: z.unknown().meta({ description: 'The entries, newest first, as CSV', type: 'string' }),
          400: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const csv = await exportAuditEvents(contextOf(request), request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csv.fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(csv.body);
    },
  );
};
