import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ScopeTargetKind } from '../../shared/index.js';

/** Refuses the request (403 BRANCH_SCOPE) when the record's client is out of the caller's branch scope. */
export type ClientScopeCheck = (request: FastifyRequest, kind: ScopeTargetKind, id: string) => Promise<void>;

/**
 * The routes whose `:id` names a client or one of its records, by the start of the route's path:
 * every route under these paths is checked, so a new route under a client is covered without a
 * line of its own (decision 022).
 */
const scopedPaths: readonly (readonly [string, ScopeTargetKind])[] = [
  ['/api/clients/:id', 'client'],
  ['/api/consultations/:id', 'consultation'],
  ['/api/plans/:id', 'plan'],
  ['/api/plan-goals/:id', 'goal'],
  ['/api/referrals/:id', 'referral'],
  ['/api/documents/:id', 'document'],
  ['/api/appointments/:id', 'appointment'],
  ['/api/tasks/:id', 'task'],
];

/** The one route under a client that must stay open across branches: the way to open it. */
const breakGlassPath = '/api/clients/:id/break-glass';

const clientIdOf = (value: unknown): string | undefined =>
  value && typeof value === 'object' && typeof (value as { clientId?: unknown }).clientId === 'string'
    ? (value as { clientId: string }).clientId
    : undefined;

/**
 * Branch scope: after validation (so ids are well-formed), a signed-in caller's request about a
 * client — by the route's `:id`, or a `clientId` in the query or body — is checked against their
 * branch scope before the route runs.
 */
export function installBranchScope(app: FastifyInstance, check: ClientScopeCheck): void {
  app.addHook('preHandler', async (request) => {
    if (!request.actor) return;
    const url = request.routeOptions.url ?? '';
    if (!url.startsWith('/api/') || url === breakGlassPath) return;
    const id = (request.params as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') {
      const scoped = scopedPaths.find(([path]) => url === path || url.startsWith(`${path}/`));
      if (scoped) await check(request, scoped[1], id);
    }
    for (const clientId of [clientIdOf(request.query), clientIdOf(request.body)]) {
      if (clientId) await check(request, 'client', clientId);
    }
  });
}
