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
  'counselling.read',
  'counselling.write',
  'counselling.content',
  'counselling.legal_content',
  'counselling.configure',
  'appointments.read',
  'appointments.write',
  'tasks.manage',
  'documents.read',
  'documents.write',
  'partners.read',
  'partners.manage',
  'outbox.read',
] as const;
export type Permission = (typeof permissions)[number];

const clientWorkers = ['coordinator', 'social_counsellor', 'legal_counsellor', 'receptionist'] as const;
const counsellors = ['coordinator', 'social_counsellor', 'legal_counsellor'] as const;

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
  /** Consultations, plans, referrals and the timeline; of a legal consultation only that it took place. */
  'counselling.read': [...clientWorkers, 'dpo'],
  'counselling.write': counsellors,
  /**
   * The content of consultations, plans and referrals — notes, outcomes, follow-ups, topics, goals,
   * steps, reviews, reasons — and of tasks that follow up a consultation (decision 022). Receptionists
   * and the data protection officer see only that these exist.
   */
  'counselling.content': counsellors,
  /** The content of legal consultations (their authors read their own too). */
  'counselling.legal_content': ['legal_counsellor'],
  /** The topic list and the working hours. */
  'counselling.configure': ['admin', 'coordinator'],
  'appointments.read': clientWorkers,
  'appointments.write': clientWorkers,
  'tasks.manage': clientWorkers,
  'documents.read': [...counsellors, 'dpo'],
  'documents.write': clientWorkers,
  'partners.read': roles,
  'partners.manage': ['admin', 'coordinator'],
  /** The messages sent to clients: their contacts and appointments, so only those who may read clients. */
  'outbox.read': ['coordinator'],
};

/**
 * Permissions that guard no route of their own but decide what a response shows: the content of
 * counselling records is in an answer only for holders of `counselling.content` (and the author), and
 * of legal ones only for holders of `counselling.legal_content` too.
 */
export const contentPermissions: readonly Permission[] = ['counselling.content', 'counselling.legal_content'];

/**
 * Permissions that read people's matters: a role grant that adds one of them is listed for the data
 * protection officer among the sensitive changes (decision 022).
 */
export const sensitivePermissions: readonly Permission[] = [
  'clients.read',
  'counselling.content',
  'counselling.legal_content',
  'documents.read',
];

/** The roles that hold at least one sensitive permission. */
export const sensitiveRoles: readonly Role[] = roles.filter((role) => sensitivePermissions.some((p) => permissionMatrix[p].includes(role)));

/** Of the sensitive permissions, those `after` holds and `before` did not. */
export function addedSensitivePermissions(before: readonly Role[], after: readonly Role[]): Permission[] {
  return sensitivePermissions.filter((p) => hasPermission(after, p) && !hasPermission(before, p));
}

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
