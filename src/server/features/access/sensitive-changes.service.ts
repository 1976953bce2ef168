import {
  addedSensitivePermissions,
  type Role,
  roles as allRoles,
  type SensitiveChange,
  type SensitiveChangesQuery,
  sensitiveRoles,
} from '../../../shared/index.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { type SensitiveEventRow, selectSensitiveEvents } from './sensitive-changes.repo.js';

const asRoles = (value: unknown): Role[] => (Array.isArray(value) ? allRoles.filter((role) => (value as unknown[]).includes(role)) : []);

const iso = (value: Date | string) => new Date(value).toISOString();

function toSensitiveChange(row: SensitiveEventRow): SensitiveChange {
  const base = { id: row.id, at: iso(row.at), actor: row.actorId ? { id: row.actorId, name: row.actorName ?? '' } : null };
  switch (row.action) {
    case 'user.created':
    case 'user.roles_changed': {
      const change = row.changes.find((c) => c.field === 'roles');
      const before = row.action === 'user.created' ? [] : asRoles(change?.before);
      const after = row.action === 'user.created' ? asRoles(row.details?.roles) : asRoles(change?.after);
      return {
        ...base,
        kind: 'role_grant',
        user: { id: row.entityId ?? '', name: row.userName ?? '' },
        selfGrant: row.actorId !== null && row.actorId === row.entityId,
        rolesBefore: before,
        rolesAfter: after,
        addedPermissions: addedSensitivePermissions(before, after),
      };
    }
    case 'client.break_glass':
      return {
        ...base,
        kind: 'break_glass',
        clientId: row.clientId ?? '',
        clientNumber: row.clientNumber,
        reason: row.reason,
        expiresAt: row.expiresAt ? iso(row.expiresAt) : null,
      };
    case 'settings.updated': {
      const change = row.changes.find((c) => c.field === 'ownBranchRoles');
      return { ...base, kind: 'branch_scope', ownBranchRolesBefore: asRoles(change?.before), ownBranchRolesAfter: asRoles(change?.after) };
    }
  }
}

/**
 * The data protection officer's list of sensitive changes (decision 022): who was given a role that
 * reads people's matters (self-grants flagged), who opened a client of another branch and why, and
 * who changed the branch scope. Reading it is audited.
 */
export async function findSensitiveChanges(ctx: Ctx, query: SensitiveChangesQuery) {
  const { rows, total } = await selectSensitiveEvents(ctx.db, {
    kind: query.kind,
    sensitiveRoles,
    limit: query.limit,
    offset: query.offset,
  });
  await recordAudit(ctx.db, ctx, { action: 'audit.read', details: { view: 'sensitive_changes', kind: query.kind ?? null } });
  return { items: rows.map(toSensitiveChange), total };
}
