import type { FastifyReply, FastifyRequest } from 'fastify';
import { body as errorBody } from '../../http/error-handler.js';
import type { Auth } from './auth.instance.js';
import { clientIpHeader } from './auth.instance.js';
import { accountWindowSeconds } from './attempt-limits.service.js';

/** The request's headers for better-auth, with the client address Fastify determined. */
export function requestHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (key === clientIpHeader || value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, value);
  }
  headers.set(clientIpHeader, request.ip);
  return headers;
}

/** better-auth's error codes mapped to Integra's. */
const authErrorCodes: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'INVALID_CREDENTIALS',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'RATE_LIMITED',
};

/** better-auth's refusals that concern one field of the request, so the answer can name it. */
const fieldErrors: Record<string, { field: string; code: string; message: string }> = {
  INVALID_PASSWORD: { field: 'body.password', code: 'wrong_password', message: 'The password is not right' },
};

export type ForwardedResponse = { status: number; json: unknown };

/**
 * Hands a request to better-auth and relays the answer: cookies as they are, and errors rewritten
 * into Integra's error shape.
 */
export async function forwardToAuth(
  auth: Auth,
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<ForwardedResponse> {
  const url = new URL(request.url, 'http://integra.internal');
  const headers = requestHeaders(request);
  headers.set('content-type', 'application/json');
  headers.delete('content-length');
  const response = await auth.handler(
    new Request(new URL(url.pathname + url.search, auth.options.baseURL as string), {
      method: request.method,
      headers,
      body: request.method === 'GET' ? undefined : JSON.stringify(payload ?? {}),
    }),
  );
  for (const cookie of response.headers.getSetCookie()) reply.header('set-cookie', cookie);
  const text = await response.text();
  const json: unknown = text ? JSON.parse(text) : null;
  if (response.ok) return { status: response.status, json };
  const code = authErrorCodes[response.status] ?? 'INTERNAL';
  if (response.status === 429) {
    // Only the two-factor plugin's lockout of an account answers 429 (Integra limits the rest itself);
    // it lasts accountWindowSeconds from the last failure.
    reply.header('retry-after', String(accountWindowSeconds));
    return {
      status: 429,
      json: errorBody(code, 'Too many failed attempts, try again later', { retryAfterSeconds: accountWindowSeconds }),
    };
  }
  const message = response.status === 401 ? 'The credentials are not valid' : 'Request refused';
  const fieldError = response.status === 400 ? fieldErrors[(json as { code?: string } | null)?.code ?? ''] : undefined;
  return { status: response.status, json: errorBody(code, message, fieldError ? [fieldError] : undefined) };
}
