import { z } from 'zod';
import { personName, text, uiLanguage } from './common.js';
import { roles } from './permissions.js';
import { regionCodes } from './regions.js';
import { emailAddress, password } from './users.js';

export const setupStatusResponse = z.object({ setupRequired: z.boolean() });

/** First run: the centre and its first administrator. */
export const setupInput = z.strictObject({
  centreName: text(200),
  regionCode: z.enum(regionCodes),
  adminName: personName(200),
  adminEmail: emailAddress,
  adminPassword: password,
  /** The administrator's UI language: the one the setup page was filled in. */
  locale: uiLanguage.default('cs'),
});
export type SetupInput = z.infer<typeof setupInput>;

export const branchInput = z.strictObject({
  name: text(200),
  municipality: text(120),
  address: z.string().trim().max(300).nullable().optional(),
});
export const updateBranchInput = branchInput.partial().extend({ archived: z.boolean().optional() });
export const branchResponse = z
  .object({
    id: z.string(),
    name: z.string(),
    municipality: z.string(),
    address: z.string().nullable(),
    archived: z.boolean(),
  })
  .meta({ id: 'Branch' });

export const settingsResponse = z.object({
  /** Roles whose members must sign in with a second factor (TOTP). */
  twoFactorRequiredRoles: z.array(z.enum(roles)),
});
export const updateSettingsInput = z.strictObject({ twoFactorRequiredRoles: z.array(z.enum(roles)).max(roles.length) });
export type Settings = z.infer<typeof settingsResponse>;
