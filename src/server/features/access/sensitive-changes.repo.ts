import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import type { FieldChange, Role, SensitiveChangeKind } from '../../../shared/index.js';

export type SensitiveEventRow = {
  id: string;
  at: Date | string;
  action: 'user.roles_changed' | 'user.created' | 'client.break_glass' | 'settings.updated';
  actorId: string | null;
  actorName: string | null;
  entityId: string | null;
  clientId: string | null;
  changes: FieldChange[];
  details: Record<string, unknown> | null;
  userName: string | null;
  reason: string | null;
  expiresAt: Date | string | null;
  clientNumber: string | null;
};

const textArray = (values: readonly string[]) =>
  values.length === 0
    ? sql`array[]::text[]`
    : sql`array[${sql.join(
        values.map((value) => sql`${value}`),
        sql`, `,
      )}]::text[]`;

/**
 * The audit entries the data protection officer watches (decision 022), newest first: role changes
 * and new users that add a role reading people's matters, openings of another branch's client, and
 * changes of the branch scope. Each action is served by the index on (action, at).
 */
export async function selectSensitiveEvents(
  tx: Tx,
  options: { kind: SensitiveChangeKind | undefined; sensitiveRoles: readonly Role[]; limit: number; offset: number },
) {
  const roles = textArray(options.sensitiveRoles);
  const kinds = {
    role_grant: sql`(e.action = 'user.roles_changed' and exists (
        select 1 from jsonb_array_elements(e.changes) ch, jsonb_array_elements_text(ch->'after') r
        where ch->>'field' = 'roles' and r = any(${roles}) and not coalesce(ch->'before', '[]'::jsonb) @> to_jsonb(r)))
      or (e.action = 'user.created' and exists (
        select 1 from jsonb_array_elements_text(coalesce(e.details->'roles', '[]'::jsonb)) r where r = any(${roles})))`,
    break_glass: sql`e.action = 'client.break_glass'`,
    branch_scope: sql`(e.action = 'settings.updated' and e.entity_id = 'branch_scope')`,
  };
  const where = options.kind
    ? kinds[options.kind]
    : sql.join(
        Object.values(kinds).map((condition) => sql`(${condition})`),
        sql` or `,
      );
  const filtered = sql`from audit_events e where e.action in ('user.roles_changed', 'user.created', 'client.break_glass', 'settings.updated') and (${where})`;
  const [page, counted] = await Promise.all([
    tx.execute<SensitiveEventRow>(sql`
      select e.id::text as id, e.at, e.action, e.actor_id as "actorId", a.name as "actorName", e.entity_id as "entityId",
             e.client_id as "clientId", e.changes, e.details, u.name as "userName", g.reason, g.expires_at as "expiresAt",
             c.client_number as "clientNumber"
      from (select e.* ${filtered} order by e.at desc, e.id desc limit ${options.limit} offset ${options.offset}) e
      left join users a on a.id = e.actor_id
      left join users u on e.entity_type = 'user' and u.id = e.entity_id
      left join break_glass_grants g on e.action = 'client.break_glass' and g.id::text = e.details->>'grantId'
      left join clients c on c.id = e.client_id
      order by e.at desc, e.id desc`),
    tx.execute<{ total: number }>(sql`select count(*)::int as total ${filtered}`),
  ]);
  return { rows: page.rows, total: Number(counted.rows[0]?.total ?? 0) };
}
