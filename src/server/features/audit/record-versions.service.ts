import type { Tx } from '../../../db/open-database.js';
import type { AuditAction, StaleVersionDetails, VersionChange } from '../../../shared/index.js';
import { AppError } from '../../http/app-error.js';
import { selectChangesSince } from './record-versions.repo.js';

/** A versioned record as the check needs it: its kind and id, its stored version, and where its changes are audited. */
export type VersionedRecord = {
  type: string;
  id: string;
  version: number;
  /** The client whose trail holds the record's changes (the index the search uses). */
  clientId?: string | null | undefined;
  /** The actions of its changes, for records of no client (partners). */
  actions: readonly AuditAction[];
};

/** What the audit entry of a saved change adds to its details, so a later 412 can say what changed. */
export function versionStamp(type: string, id: string, version: number): { versionOf: string; version: number } {
  return { versionOf: `${type}:${id}`, version };
}

/**
 * Refuses a change made from an older version (412 STALE_VERSION), naming the fields changed since,
 * when and by whom. The caller holds the record's row lock, so no change can land between this check
 * and its own update. No expected version (no `If-Match`) skips the check.
 */
export async function requireVersion(tx: Tx, record: VersionedRecord, expected: number | undefined): Promise<void> {
  if (expected === undefined || expected === record.version) return;
  const rows = await selectChangesSince(tx, { versionOf: `${record.type}:${record.id}`, ...record }, expected);
  const changes: VersionChange[] = [];
  for (const row of rows) {
    const version = Number(row.details?.version ?? 0);
    const by = row.actorId ? { id: row.actorId, name: row.actorName ?? '' } : null;
    const fields = row.changes.length > 0 ? row.changes.map((change) => change.field) : fieldsOf(row.details, row.action);
    for (const field of fields) changes.push({ version, field, at: row.at.toISOString(), by });
  }
  const details: StaleVersionDetails = { currentVersion: record.version, givenVersion: expected, changes };
  throw new AppError('STALE_VERSION', 'The record was changed after you loaded it; load it again and reapply your changes', details);
}

/** The fields an entry without field changes names in its details (`fields`), or its action. */
function fieldsOf(details: Record<string, unknown> | null, action: AuditAction): string[] {
  const fields = details?.fields;
  return Array.isArray(fields) && fields.every((field) => typeof field === 'string') ? fields : [action];
}
