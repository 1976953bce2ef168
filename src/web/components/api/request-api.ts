import type { z } from 'zod';
import { versionTag } from '../../../shared/index.js';
import { ApiError } from './api-error.js';
import { idempotencyKeyFor } from './idempotency-keys.js';

type QueryValue = string | number | boolean | null | undefined;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON, or as multipart/form-data when it is a FormData. */
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /**
   * The version of the record the change was made from (its `version` as loaded): sent as `If-Match`,
   * so a change from an older version is refused with 412 STALE_VERSION instead of overwriting.
   */
  version?: number;
};

/** Builds `/api/...?a=1` leaving out empty query values. */
export function buildApiUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * Calls the API with the session cookie and returns the parsed JSON body. Any non-2xx answer throws
 * an ApiError with the API's error code and details; an answer that does not match `schema` throws
 * UNREADABLE_RESPONSE.
 */
export async function requestApi<T>(path: string, options: RequestOptions = {}, schema?: z.ZodType<T>): Promise<T> {
  const { method = 'GET', body, query, signal, version } = options;
  // A form with a file goes as multipart/form-data, which the browser labels with its boundary.
  const asJson = body !== undefined && !(body instanceof FormData);
  const url = buildApiUrl(path, query);
  const json = asJson ? JSON.stringify(body) : undefined;
  const headers: Record<string, string> = asJson
    ? { accept: 'application/json', 'content-type': 'application/json' }
    : { accept: 'application/json' };
  if (version !== undefined) headers['if-match'] = versionTag(version);
  // Every POST may create: the same request sent again soon (a double click, a retry) carries the same key.
  if (method === 'POST') headers['idempotency-key'] = idempotencyKeyFor(url, body instanceof FormData ? body : json);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers,
      body: body instanceof FormData ? body : json,
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', 'The server could not be reached');
  }

  const text = await response.text();
  let answer: unknown = null;
  if (text) {
    try {
      answer = JSON.parse(text);
    } catch {
      throw new ApiError(response.status, 'UNREADABLE_RESPONSE', 'The server sent an answer that is not JSON');
    }
  }

  if (!response.ok) {
    const error = (answer as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
    throw new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : 'INTERNAL',
      typeof error?.message === 'string' ? error.message : response.statusText,
      error?.details,
    );
  }

  if (!schema) return answer as T;
  const parsed = schema.safeParse(answer);
  if (!parsed.success) throw new ApiError(response.status, 'UNREADABLE_RESPONSE', 'The server sent an unexpected answer');
  return parsed.data;
}
