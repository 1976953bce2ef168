import type { ErrorCode } from '../../shared/index.js';

/** The one error type of the application; the error handler maps its code to an HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const statusOfCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  TWO_FACTOR_REQUIRED: 403,
  ORIGIN_REJECTED: 403,
  BRANCH_SCOPE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE_SUSPECTED: 409,
  APPOINTMENT_CONFLICT: 409,
  NOT_BOOKABLE: 409,
  APPOINTMENT_NOT_STARTED: 409,
  STATUS_UNDO_REFUSED: 409,
  CONSENT_REQUIRED: 409,
  SETUP_ALREADY_DONE: 409,
  STALE_VERSION: 412,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_IN_PROGRESS: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);

/**
 * A refusal of one input field that its schema alone cannot judge (it depends on stored data or on
 * today), in the shape of the validation errors: 400 naming the field.
 */
export const fieldError = (field: string, code: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ field, code, message }]);
