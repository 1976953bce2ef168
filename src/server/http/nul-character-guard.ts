import type { FastifyInstance } from 'fastify';
import { AppError } from './app-error.js';

const message = 'Text must not contain the NUL character';

/**
 * PostgreSQL text cannot hold the NUL character (U+0000). Input carrying one is refused here, for
 * every route and with the fields named, before it can fail in the database as a 500.
 */
export function installNulCharacterGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const fields = [
      ...fieldsWithNul(request.params, 'params'),
      ...fieldsWithNul(request.query, 'querystring'),
      ...fieldsWithNul(request.body, 'body'),
    ];
    if (fields.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        'The request is not valid',
        fields.map((field) => ({ field, code: 'nul_character', message })),
      );
    }
  });
}

function fieldsWithNul(value: unknown, path: string): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => fieldsWithNul(item, `${path}.${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => fieldsWithNul(item, `${path}.${key}`));
  }
  return [];
}
