import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { auditEvents, users } from '../../../db/schema/index.js';
import type { AuditAction, FieldChange } from '../../../shared/index.js';

/**
 * The audit entries of a record's changes after a version, oldest first: entries of versioned
 * changes carry `versionOf` and `version` in their details (decision 017). The client's or the
 * actions' index narrows the search before the details are read.
 */
export async function selectChangesSince(
  tx: Tx,
  record: { versionOf: string; clientId?: string | null | undefined; actions: readonly AuditAction[] },
  version: number,
) {
  const narrowing: SQL = record.clientId ? eq(auditEvents.clientId, record.clientId) : inArray(auditEvents.action, [...record.actions]);
  return tx
    .select({
      at: auditEvents.at,
      actorId: auditEvents.actorId,
      actorName: users.name,
      action: auditEvents.action,
      changes: auditEvents.changes,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        narrowing,
        sql`${auditEvents.details}->>'versionOf' = ${record.versionOf}`,
        sql`(${auditEvents.details}->>'version')::int > ${version}`,
      ),
    )
    .orderBy(asc(auditEvents.id))
    .limit(100);
}

export type ChangeSince = Awaited<ReturnType<typeof selectChangesSince>>[number] & { changes: FieldChange[] };
