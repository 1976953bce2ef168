import type { Access } from '../../shared/index.js';
import type { AppDeps } from '../app.js';
import type { ApiRoute } from './access.js';
import type { Actor } from './context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: checked by http/access.ts before anything else. */
    access?: Access;
  }
  interface FastifyInstance {
    deps: AppDeps;
    /** Every registered API route with its access rule (filled at registration). */
    apiRoutes: readonly ApiRoute[];
  }
  interface FastifyRequest {
    actor?: Actor;
    /** The token of the session that signed this request in. */
    sessionToken?: string;
    /** Whether the user's roles require two-factor sign-in, and whether it still has to be set up. */
    twoFactor?: { required: boolean; setupRequired: boolean };
    /** The Idempotency-Key this request claimed: its answer is kept for replays (http/idempotency.ts). */
    idempotencyClaim?: { userId: string; key: string };
  }
}
