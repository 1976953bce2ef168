import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/open-database.js';
import type { Role } from '../../shared/index.js';
import { AppError } from './app-error.js';

/** The signed-in staff member behind a request. */
export type Actor = { id: string; name: string; roles: Role[]; branchId: string | null };

/** What every use case receives: the database, who acts, when, and the request for the audit trail. */
export type Ctx = { db: Db; actor: Actor; now: Date; requestId: string; ip: string };

/** The context of a request whose route requires a signed-in user. */
export function contextOf(request: FastifyRequest): Ctx {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return { db: request.server.deps.db, actor: request.actor, now: new Date(), requestId: request.id, ip: request.ip };
}
