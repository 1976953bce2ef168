import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { idempotencyKey } from '../../shared/index.js';
import { AppError, fieldError } from './app-error.js';
import {
  completeIdempotencyKey,
  deleteExpiredIdempotencyKeys,
  deleteIdempotencyKey,
  insertIdempotencyKey,
  selectIdempotencyKey,
  takeOverIdempotencyKey,
} from './idempotency.repo.js';

/** How long an answer is kept for replays. */
export const idempotencyKeepMs = 24 * 60 * 60 * 1000;
/** How long a second request waits for the first with the same key before answering 409. */
const waitForFirstMs = 5_000;
const pollMs = 50;
/** A claim older than this without an answer belongs to a request whose server stopped: it may be taken over. */
const abandonedAfterMs = 60_000;
/** The answer headers a replay repeats. */
const replayedHeaders = ['etag', 'location'] as const;

/**
 * Honours an `Idempotency-Key` header on every signed-in request that creates something (a POST whose
 * route answers 201), per decision 017: the first request with a key claims it by inserting a row
 * keyed by (user, key) before it is handled, and its successful answer is kept for a day. The same
 * key again gets that answer (`Idempotent-Replayed: true`) and creates nothing; while the first is
 * still running, the second waits for it (up to 5 s, then 409 IDEMPOTENCY_IN_PROGRESS). The same key
 * with another route or body is refused with 422 IDEMPOTENCY_KEY_REUSED. A refused or failed first
 * request made nothing, so its key is freed and may be sent again.
 */
export function installIdempotency(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    const header = request.headers['idempotency-key'];
    if (header === undefined || request.method !== 'POST' || !createsRecords(request) || !request.actor) return;
    const parsed = idempotencyKey.safeParse(Array.isArray(header) ? header.join(',') : header);
    if (!parsed.success) {
      throw fieldError('headers.idempotency-key', 'invalid_key', 'Idempotency-Key must be 8 to 100 letters, digits or . _ : -');
    }
    const db = request.server.deps.db;
    const claim = {
      userId: request.actor.id,
      key: parsed.data,
      route: `POST ${request.routeOptions.url}`,
      fingerprint: fingerprintOf(request),
    };
    await deleteExpiredIdempotencyKeys(db, new Date(Date.now() - idempotencyKeepMs));
    for (let waited = 0; ; waited += pollMs) {
      if (await insertIdempotencyKey(db, claim)) {
        request.idempotencyClaim = { userId: claim.userId, key: claim.key };
        return;
      }
      const first = await selectIdempotencyKey(db, claim.userId, claim.key);
      if (!first) continue; // freed meanwhile: claim it now
      if (first.route !== claim.route || first.fingerprint !== claim.fingerprint) {
        throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another request; use a new key', {});
      }
      if (first.status !== null) return replay(reply, first.status, first.body ?? '', first.headers ?? {});
      if (await takeOverIdempotencyKey(db, claim, new Date(Date.now() - abandonedAfterMs))) {
        request.idempotencyClaim = { userId: claim.userId, key: claim.key };
        return;
      }
      if (waited >= waitForFirstMs) {
        throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'The same request is still being handled; send it again in a moment', {});
      }
      await sleep(pollMs);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    request.idempotencyClaim = undefined;
    const db = request.server.deps.db;
    if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
      const headers: Record<string, string> = {};
      for (const name of replayedHeaders) {
        const value = reply.getHeader(name);
        if (typeof value === 'string') headers[name] = value;
      }
      await completeIdempotencyKey(db, claim, { status: reply.statusCode, body: payload, headers });
    } else {
      await deleteIdempotencyKey(db, claim);
    }
    return payload;
  });
}

/** A route that creates something: a POST answering 201. */
function createsRecords(request: FastifyRequest): boolean {
  const response = (request.routeOptions.schema as { response?: Record<string, unknown> } | undefined)?.response;
  return response !== undefined && '201' in response;
}

/**
 * What makes two requests the same: the path with its query and the body as validated; a body that
 * is not JSON (a file upload) by its type and length, as it is read only by the handler.
 */
function fingerprintOf(request: FastifyRequest): string {
  const body =
    request.body === undefined
      ? `${request.headers['content-type']?.split(';')[0] ?? ''} ${request.headers['content-length'] ?? ''}`
      : JSON.stringify(request.body);
  return createHash('sha256').update(`${request.url}\n${body}`).digest('hex');
}

function replay(reply: FastifyReply, status: number, body: string, headers: Record<string, string>): FastifyReply {
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  return reply.status(status).header('idempotent-replayed', 'true').type('application/json; charset=utf-8').send(body);
}
