import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Access, hasPermission } from '../../shared/index.js';
import { AppError } from './app-error.js';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** One registered API route and who may call it. */
export type ApiRoute = { method: string; url: string; access: Access };

/**
 * Every API route must declare who may call it (`config.access`); a route without it stops the
 * server at start-up. The check runs before body validation, so a caller who may not use a route
 * learns nothing about its input.
 */
export function installAccessControl(app: FastifyInstance, allowedOrigins: (request: FastifyRequest) => string[]): void {
  // Every API route as registered, so a test can walk them all against the permission matrix.
  const apiRoutes: ApiRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    // The API documentation pages are public, as the OpenAPI document is.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: 'public' };
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) apiRoutes.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config?.access as Access | undefined;
    if (!access) return;
    checkOrigin(request, allowedOrigins(request));
    if (access === 'public') return;
    const actor = await request.server.deps.sessions.resolveActor(request);
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    for (const cookie of actor.setCookies) reply.header('set-cookie', cookie);
    request.actor = actor.actor;
    request.sessionToken = actor.sessionToken;
    request.twoFactor = { required: actor.twoFactorRequired, setupRequired: actor.twoFactorSetupRequired };
    if (access === 'signedIn') return;
    if (actor.twoFactorSetupRequired) {
      throw new AppError('TWO_FACTOR_REQUIRED', 'Set up two-factor sign-in before you continue');
    }
    if (!hasPermission(actor.actor.roles, access)) {
      throw new AppError('FORBIDDEN', 'You are not allowed to do this');
    }
  });
}

/** A browser always sends Origin with cross-site writes; a foreign one is refused (CSRF). */
function checkOrigin(request: FastifyRequest, allowed: string[]): void {
  if (!stateChanging.has(request.method)) return;
  const origin = request.headers.origin ?? originOfReferer(request.headers.referer);
  if (origin === undefined) return;
  if (!allowed.includes(origin)) throw new AppError('ORIGIN_REJECTED', 'Requests from another site are refused');
}

function originOfReferer(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}
