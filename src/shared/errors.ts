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
  /** An appointment that has not begun cannot be marked attended or no-show. */
  'APPOINTMENT_NOT_STARTED',
  /** Only who set an appointment's attended or no-show may undo it, and only the same day; `details.reason` says which. */
  'STATUS_UNDO_REFUSED',
  /** A referral needs the client's consent to share data with partners. */
  'CONSENT_REQUIRED',
  /**
   * The client belongs to another branch and the caller's role is kept to its own branch (decision
   * 022); `details.clientId` names the client, whose record opens after `POST /api/clients/:id/break-glass`.
   */
  'BRANCH_SCOPE',
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

/** The body of every non-2xx JSON response; `details` is at least `{}`. */
export type ErrorBody = {
  error: { code: ErrorCode | string; message: string; details: unknown };
};
