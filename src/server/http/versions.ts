import type { FastifyReply, FastifyRequest } from 'fastify';
import { versionOfTag, versionTag } from '../../shared/index.js';
import { fieldError } from './app-error.js';

/**
 * The version the caller's `If-Match` names (decision 017): undefined without the header or with
 * `*`, so the stable API works without it; 400 naming the header when it names no single version.
 */
export function expectedVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const version = versionOfTag(Array.isArray(header) ? header.join(',') : header);
  if (version === undefined)
    throw fieldError('headers.if-match', 'invalid_version', 'If-Match must name one version, as the ETag gives it');
  return version ?? undefined;
}

/** The record as the answer, with its version as the `ETag` header (a goal's answer is its plan: pass the goal's). */
export function withVersion<T extends { version: number }>(reply: FastifyReply, record: T, version: number = record.version): T {
  reply.header('etag', versionTag(version));
  return record;
}
