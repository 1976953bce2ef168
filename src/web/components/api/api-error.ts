import type { ErrorCode } from '../../../shared/index.js';

/** Codes the web client adds to the API's own: the request never got an answer it could read. */
export type ClientErrorCode = 'NETWORK' | 'UNREADABLE_RESPONSE';

/** One field-level problem as the API reports it, e.g. `{ field: 'body.givenName', code: 'too_small' }`. */
export type FieldIssue = { field: string; code: string; message?: string };

/** A failed API call, carrying the API's error code; the UI switches on `code`, never on message text. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode | (string & {}),
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The field-level issues of a validation error; empty for any other error. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter((d): d is FieldIssue => typeof d === 'object' && d !== null && typeof (d as FieldIssue).field === 'string');
  }
}

/** True for an ApiError with the given code. */
export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
