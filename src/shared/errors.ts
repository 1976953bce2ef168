/** Error codes of the API. The web client switches on these, never on message text. */
export const errorCodes = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'TWO_FACTOR_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE_SUSPECTED',
  /** The counsellor already has an appointment at that time. */
  'APPOINTMENT_CONFLICT',
  /** Outside working hours, on a public holiday or in the past; `details.reason` says which. */
  'NOT_BOOKABLE',
  /** A referral needs the client's consent to share data with partners. */
  'CONSENT_REQUIRED',
  'SETUP_ALREADY_DONE',
  /** `If-Match` named an older version of the record; `details` say what changed since (see versions.ts). */
  'STALE_VERSION',
  /** The `Idempotency-Key` was used before for another request (another route or body). */
  'IDEMPOTENCY_KEY_REUSED',
  /** A request with the same `Idempotency-Key` is still being handled; send it again shortly. */
  'IDEMPOTENCY_IN_PROGRESS',
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'ORIGIN_REJECTED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** The body of every non-2xx JSON response. */
export type ErrorBody = {
  error: { code: ErrorCode | string; message: string; details?: unknown };
};
