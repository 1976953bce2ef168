import { z } from 'zod';
import { pagingQuery, removeInvisibleMarks, text, uuid, visibleLength } from './common.js';
import { permissions, roles } from './permissions.js';

/**
 * Branch scope (decision 022): the roles kept to the clients of their own branch. Every other role
 * works with the whole centre, as every role does by default.
 */
export const branchScopeSetting = z
  .object({
    /** Roles whose members read only clients of their own branch (and clients without a branch). */
    ownBranchRoles: z.array(z.enum(roles)),
  })
  .meta({ id: 'BranchScopeSetting' });
export type BranchScopeSetting = z.infer<typeof branchScopeSetting>;

/** A change of the branch scope: the roles to keep to their own branch (each once, in the order of `roles`). */
export const branchScopeInput = z.strictObject({
  ownBranchRoles: z
    .array(z.enum(roles))
    .max(roles.length * 2)
    .transform((list) => roles.filter((role) => list.includes(role))),
});

/** What a request names that belongs to a client: the client itself, or one of its records. */
export type ScopeTargetKind = 'client' | 'consultation' | 'plan' | 'goal' | 'referral' | 'document' | 'appointment' | 'task';

/** Why a client of another branch is opened; kept with the grant and shown to the data protection officer. */
export const breakGlassInput = z.strictObject({
  // Invisible and direction marks are removed first, so ten of them are not a reason.
  reason: z
    .string()
    .transform((reason) => removeInvisibleMarks(reason).trim())
    .pipe(text(500))
    .refine((reason) => visibleLength(reason) >= 10, {
      message: 'Say in a sentence why you need this record (10 characters at least)',
    }),
});
export type BreakGlassInput = z.infer<typeof breakGlassInput>;

export const breakGlassResponse = z
  .object({
    id: uuid,
    clientId: uuid,
    /** The record stays open to the caller until then: the end of the day in Prague. */
    expiresAt: z.string(),
  })
  .meta({ id: 'BreakGlassGrant' });
export type BreakGlassResponse = z.infer<typeof breakGlassResponse>;

/** What the data protection officer's list of sensitive changes holds. */
export const sensitiveChangeKinds = ['role_grant', 'break_glass', 'branch_scope'] as const;
export type SensitiveChangeKind = (typeof sensitiveChangeKinds)[number];

export const sensitiveChangesQuery = z.strictObject({
  kind: z.enum(sensitiveChangeKinds).optional(),
  ...pagingQuery,
});
export type SensitiveChangesQuery = z.infer<typeof sensitiveChangesQuery>;

const staffRef = z.object({ id: z.string(), name: z.string() });

export const sensitiveChange = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('role_grant'),
      id: z.string(),
      at: z.string(),
      actor: staffRef.nullable(),
      /** The staff member who was given the roles. */
      user: staffRef,
      /** True when the actor gave the roles to themselves. */
      selfGrant: z.boolean(),
      rolesBefore: z.array(z.enum(roles)),
      rolesAfter: z.array(z.enum(roles)),
      /** The permissions that read people's matters which the change added. */
      addedPermissions: z.array(z.enum(permissions)),
    }),
    z.object({
      kind: z.literal('break_glass'),
      id: z.string(),
      at: z.string(),
      actor: staffRef.nullable(),
      clientId: uuid,
      clientNumber: z.string().nullable(),
      /** The reason the staff member gave; null when the grant is not found (an entry older than the grants table). */
      reason: z.string().nullable(),
      expiresAt: z.string().nullable(),
    }),
    z.object({
      kind: z.literal('branch_scope'),
      id: z.string(),
      at: z.string(),
      actor: staffRef.nullable(),
      ownBranchRolesBefore: z.array(z.enum(roles)),
      ownBranchRolesAfter: z.array(z.enum(roles)),
    }),
  ])
  .meta({ id: 'SensitiveChange' });
export type SensitiveChange = z.infer<typeof sensitiveChange>;
