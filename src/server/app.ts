import './http/fastify-augment.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database, Db } from '../db/open-database.js';
import type { Config } from './config.js';
import { accessRoutes } from './features/access/access.routes.js';
import { requireClientInScope } from './features/access/branch-scope.service.js';
import { appointmentsRoutes, redactFeedToken } from './features/appointments/appointments.routes.js';
import { auditRoutes } from './features/audit/audit.routes.js';
import type { Auth } from './features/auth/auth.instance.js';
import { authRoutes } from './features/auth/auth.routes.js';
import type { SessionResolver } from './features/auth/sessions.js';
import { centreRoutes } from './features/centre/centre.routes.js';
import { clientMergeRoutes } from './features/clients/client-merge.routes.js';
import { clientsRoutes } from './features/clients/clients.routes.js';
import { consultationsRoutes } from './features/counselling/consultations.routes.js';
import { topicsRoutes } from './features/counselling/topics.routes.js';
import { documentsRoutes } from './features/documents/documents.routes.js';
import { healthRoutes } from './features/health/health.routes.js';
import { plansRoutes } from './features/plans/plans.routes.js';
import { partnersRoutes } from './features/partners/partners.routes.js';
import { referralsRoutes } from './features/partners/referrals.routes.js';
import { projectsRoutes } from './features/projects/projects.routes.js';
import { tasksRoutes } from './features/tasks/tasks.routes.js';
import { timelineRoutes } from './features/timeline/timeline.routes.js';
import { usersRoutes } from './features/users/users.routes.js';
import { installAccessControl } from './http/access.js';
import { installBranchScope } from './http/branch-scope.js';
import { contextOf } from './http/context.js';
import { body as errorBody, handleFrameworkError, installErrorHandler } from './http/error-handler.js';
import { installJsonBodyParser } from './http/json-body.js';
import { installIdempotency } from './http/idempotency.js';
import { serializeError } from './http/log-serializers.js';
import { installNulCharacterGuard } from './http/nul-character-guard.js';

export type AppDeps = {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  /** Whether the database can take a write now (`/api/health`). */
  checkWritable: Database['checkWritable'];
  auth: Auth;
  sessions: SessionResolver;
  config: Config;
  version: string;
};

/** Where `npm run build` puts the web client. */
export const defaultWebRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export type BuildAppOptions = {
  logger?: boolean;
  /** Where the log goes instead of standard output (tests read it). */
  logStream?: DestinationStream;
  /** The built web client to serve; the default is `dist/web` when it exists, null serves none. */
  webRoot?: string | null;
};

/** JSON bodies over this size are refused with 413. */
export const bodyLimitBytes = 256 * 1024;

/** Builds the HTTP application without listening; tests drive it with inject(). */
export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            ...(options.logStream ? { stream: options.logStream } : {}),
            serializers: {
              // Only the path is logged: query strings carry search terms, which are personal data.
              req: (req) => ({ id: req.id, method: req.method, path: redactFeedToken(req.url.split('?')[0] ?? '') }),
              // Database errors quote the query's parameters (client names …): see serializeError.
              err: serializeError,
            },
            redact: ['req.headers.cookie', 'req.headers.authorization'],
          },
    genReqId: () => crypto.randomUUID(),
    bodyLimit: bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: handleFrameworkError,
    // A request Node's HTTP parser cannot read still gets the one error shape.
    clientErrorHandler: (_error, socket) => {
      if (!socket.writable) return;
      const payload = JSON.stringify(errorBody('VALIDATION_FAILED', 'The request could not be read'));
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`,
      );
    },
  });
  app.decorate('deps', deps);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installJsonBodyParser(app);
  installNulCharacterGuard(app);
  // API answers carry personal data: no browser or proxy keeps a copy (routes may set a stricter value).
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
  const publicOrigin = new URL(deps.config.publicUrl).origin;
  installAccessControl(app, (request) => [publicOrigin, `${request.protocol}://${request.host}`]);
  installBranchScope(app, (request, kind, id) => requireClientInScope(contextOf(request), kind, id));
  installIdempotency(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: deps.config.publicUrl.startsWith('https://') ? [] : null,
      },
    },
    strictTransportSecurity: deps.config.publicUrl.startsWith('https://'),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Integra API',
        version: deps.version,
        description: 'Client register, counselling, courses and reporting of a centre for the integration of foreigners.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'integra.session_token' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { deepLinking: false } });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(centreRoutes);
  await app.register(usersRoutes);
  await app.register(projectsRoutes);
  await app.register(clientsRoutes);
  await app.register(clientMergeRoutes);
  await app.register(auditRoutes);
  await app.register(appointmentsRoutes);
  await app.register(consultationsRoutes);
  await app.register(topicsRoutes);
  await app.register(documentsRoutes, { documentDir: deps.config.documentDir, maxBytes: deps.config.documentMaxBytes });
  await app.register(partnersRoutes);
  await app.register(referralsRoutes);
  await app.register(timelineRoutes);
  await app.register(plansRoutes);
  await app.register(tasksRoutes);
  await app.register(accessRoutes);

  const webRoot = options.webRoot === undefined ? (existsSync(defaultWebRoot) ? defaultWebRoot : null) : options.webRoot;
  if (webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      allowedPath: (pathName) => !pathName.endsWith('.map'),
    });
  }
  // The one not-found handler: API paths get the error shape; with the web client built, every other
  // path that is not a file gets the single-page app (its routes live in the browser).
  app.setNotFoundHandler((request, reply) => {
    if (!webRoot || request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/api?')) {
      return reply.status(404).send(errorBody('NOT_FOUND', 'No such resource'));
    }
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
