import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkHealth } from './health.service.js';

const database = z.enum(['pglite', 'postgres']);

const healthResponse = z.object({
  status: z.literal('ok'),
  database,
  version: z.string(),
  /** The database takes writes. */
  writable: z.literal(true),
});

const failingResponse = z.object({
  status: z.literal('failing'),
  database,
  version: z.string(),
  writable: z.literal(false),
  /** Why: the database does not answer, is read-only, or its folder's disk is full or refuses a file. */
  problem: z.enum(['database_unreachable', 'read_only', 'disk_full', 'not_writable']),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness, which database is in use, and whether it takes writes (503 when not)',
        response: { 200: healthResponse, 503: failingResponse },
      },
    },
    async (_request, reply) => {
      const health = await checkHealth(app.deps);
      const answer = { ...health, database: app.deps.dbKind, version: app.deps.version };
      return answer.status === 'ok' ? answer : reply.code(503).send(answer);
    },
  );
};
