import type { FastifyInstance } from 'fastify';
import { AppError } from './app-error.js';

/**
 * The deepest nesting of arrays and objects a JSON body may have. Integra's deepest input (a
 * project's target group inside its body) is three levels; anything far deeper is an attack on the
 * stack of whatever walks the value next (validation, the NUL guard), so it is refused before parsing.
 */
export const maxJsonDepth = 32;

/** The nesting depth of a JSON text, counted without parsing; strings are skipped. */
export function jsonDepth(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return deepest;
}

/**
 * Fastify's own JSON parser (which refuses `__proto__` and `constructor.prototype` keys), with a
 * limit on nesting in front of it: a body nested deeper than maxJsonDepth answers 400 INVALID_JSON.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, text, done) => {
    const body = typeof text === 'string' ? text : text.toString('utf8');
    if (jsonDepth(body, maxJsonDepth) > maxJsonDepth) {
      done(
        new AppError('INVALID_JSON', `The JSON body is nested deeper than ${maxJsonDepth} levels`, { maxDepth: maxJsonDepth }),
        undefined,
      );
      return;
    }
    parse(request, body, done);
  });
}
