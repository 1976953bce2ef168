/**
 * Roles and the permission matrix: the single source of who may do what. The server checks it on
 * every route; the web client uses it only to hide what the user may not do.
 */
export const roles = ['admin', 'coordinator', 'social_counsellor', 'legal_counsellor', 'lecturer', 'receptionist', 'dpo'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'clients.read',
  'clients.write',
  'clients.archive',
  'clients.merge',
  'projects.read',
  'projects.manage',
  'branches.read',
  'branches.manage',
  'users.manage',
  'settings.manage',
  'audit.read',
] as const;
export type Permission = (typeof permissions)[number];

const clientWorkers = ['coordinator', 'social_counsellor', 'legal_counsellor', 'receptionist'] as const;

/** Which roles hold each permission. */
export const permissionMatrix: Record<Permission, readonly Role[]> = {
  'clients.read': [...clientWorkers, 'dpo'],
  'clients.write': clientWorkers,
  'clients.archive': ['coordinator', 'social_counsellor', 'legal_counsellor'],
  'clients.merge': ['coordinator'],
  'projects.read': roles,
  'projects.manage': ['admin', 'coordinator'],
  'branches.read': roles,
  'branches.manage': ['admin'],
  'users.manage': ['admin'],
  'settings.manage': ['admin'],
  'audit.read': ['admin', 'dpo'],
};

/** True when any of the roles holds the permission. */
export function hasPermission(userRoles: readonly Role[], permission: Permission): boolean {
  const allowed = permissionMatrix[permission];
  return userRoles.some((role) => allowed.includes(role));
}

/**
 * What a route requires: `public` (anyone), `signedIn` (any staff member, for their own account),
 * or a permission from the matrix.
 */
export type Access = 'public' | 'signedIn' | Permission;
