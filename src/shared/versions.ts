import { z } from 'zod';

/**
 * A record's version: 1 when created, one more with every change that is saved (decision 017). The
 * answer's `ETag` header carries it as `W/"<version>"`; an `If-Match` naming an older one is refused
 * with 412 STALE_VERSION.
 */
export const recordVersion = z.number().int().min(1);

/** One change saved after the version the caller had: which field, when, by whom (from the audit trail). */
export const versionChange = z.object({
  /** The version the change made. */
  version: z.number().int(),
  field: z.string(),
  at: z.string(),
  by: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type VersionChange = z.infer<typeof versionChange>;

/** `details` of a 412 STALE_VERSION answer: the version now stored and what changed since the caller's. */
export const staleVersionDetails = z.object({
  currentVersion: z.number().int(),
  givenVersion: z.number().int(),
  changes: z.array(versionChange),
});
export type StaleVersionDetails = z.infer<typeof staleVersionDetails>;

/** The `If-Match` value for a version, in the form the API's `ETag` header has. */
export const versionTag = (version: number) => `W/"${version}"`;

/**
 * The version an `If-Match` value names: `W/"3"`, `"3"` or `3`; `*` (any version) gives null. A value
 * that names no version is undefined (400 at the edge).
 */
export function versionOfTag(value: string): number | null | undefined {
  const trimmed = value.trim();
  if (trimmed === '*') return null;
  const match = /^(?:W\/)?"?([1-9][0-9]{0,9})"?$/.exec(trimmed);
  if (!match?.[1]) return undefined;
  const version = Number(match[1]);
  return Number.isSafeInteger(version) && version <= 2_147_483_647 ? version : undefined;
}

/** An `Idempotency-Key`: 8 to 100 letters, digits, `-`, `_`, `.` or `:` (a UUID fits). */
export const idempotencyKey = z.string().regex(/^[A-Za-z0-9._:-]{8,100}$/);

/** The request headers of a change of a versioned record, for the API's documentation and validation. */
export const ifMatchHeaders = z.looseObject({
  'if-match': z
    .string()
    .max(100)
    .optional()
    .describe('The `ETag` of the version the change was made from (`W/"3"`); an older one is refused with 412 STALE_VERSION.'),
});
