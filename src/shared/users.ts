import { z } from 'zod';
import { pagingQuery, personName, uiLanguage, uuid } from './common.js';
import { roles } from './permissions.js';

/** Passwords: at least 12 characters (long passphrases are welcome), at most 128. */
export const password = z.string().min(12, { message: 'Password must have at least 12 characters' }).max(128);
export const emailAddress = z
  .email()
  .max(200)
  .transform((e) => e.toLowerCase());

export const createUserInput = z.strictObject({
  name: personName(200),
  email: emailAddress,
  password,
  roles: z.array(z.enum(roles)).min(1).max(roles.length),
  branchId: uuid.nullable().optional(),
  locale: uiLanguage.default('cs'),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z
  .strictObject({
    name: personName(200),
    roles: z.array(z.enum(roles)).min(1).max(roles.length),
    branchId: uuid.nullable(),
    /** false deactivates the account and ends its sessions at once. */
    active: z.boolean(),
  })
  .partial();
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const listUsersQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  active: z.enum(['true', 'false', 'all']).default('all'),
  ...pagingQuery,
});

export const userResponse = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    roles: z.array(z.enum(roles)),
    branchId: z.string().nullable(),
    locale: uiLanguage,
    active: z.boolean(),
    twoFactorEnabled: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type UserResponse = z.infer<typeof userResponse>;

/** The signed-in user, with what the web client needs to shape its screens. */
export const meResponse = userResponse.extend({
  permissions: z.array(z.string()),
  /** A role of the user requires two-factor sign-in, and the user has not set it up yet. */
  twoFactorSetupRequired: z.boolean(),
  /** A role of the user requires two-factor sign-in, so it cannot be turned off. */
  twoFactorRequired: z.boolean(),
  centre: z.object({ name: z.string(), regionCode: z.string() }),
});
export type MeResponse = z.infer<typeof meResponse>;

export const updateMeInput = z.strictObject({ locale: uiLanguage });
export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: password,
});

/** An administrator sets a new password for a staff member, to hand over in person. */
export const setUserPasswordInput = z.strictObject({ newPassword: password });
export type SetUserPasswordInput = z.infer<typeof setUserPasswordInput>;
