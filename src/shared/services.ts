import { z } from 'zod';
import { sexes } from './clients.js';
import { countryCode, uuid } from './common.js';
import { staffReference } from './plans.js';
import { residenceCategories } from './residence.js';

/**
 * Kinds of service in the ledger (decision 010). Consultations are recorded now; enquiries, course
 * sessions attended and events attended will write their own rows into the same ledger, each with a
 * detail table keyed by the service id.
 */
export const serviceKinds = ['consultation', 'enquiry', 'course_session', 'event'] as const;
export type ServiceKind = (typeof serviceKinds)[number];

/**
 * Age bands of an anonymous service, where no date of birth is kept. They add up to the funder's
 * bands (under 18, 18–60, over 60) and keep the finer split counsellors report on.
 */
export const ageBands = ['under_15', '15_17', '18_25', '26_40', '41_60', 'over_60', 'unknown'] as const;
export type AgeBand = (typeof ageBands)[number];

/**
 * Who was served when nobody is named: all a report needs to count the person apart from identified
 * clients and break them down. `unknown` (and a null citizenship) say the person did not tell.
 */
export const anonymousProfile = z
  .strictObject({
    sex: z.enum(sexes),
    ageBand: z.enum(ageBands),
    /** ISO 3166-1 alpha-2; null when not known. */
    citizenship: countryCode.nullable(),
    residenceCategory: z.enum(residenceCategories),
  })
  .meta({ id: 'AnonymousProfile' });
export type AnonymousProfile = z.infer<typeof anonymousProfile>;

/**
 * The fields every service in the ledger has, whatever its kind: a kind's own response spreads these
 * and adds its details. Exactly one of `clientId` and `anonymousProfile` is set.
 */
export const serviceFields = {
  /** The service's id in the ledger; a kind's detail row has the same id. */
  id: uuid,
  /** The calendar day (Europe/Prague) the service was delivered, which reports count by. */
  occurredOn: z.string(),
  /** When it began, ISO 8601. */
  startedAt: z.string(),
  durationMinutes: z.number().int(),
  /** The project the service is counted against, if any. */
  projectId: z.string().nullable(),
  branchId: z.string().nullable(),
  /** Who delivered the service. */
  staff: staffReference.nullable(),
  clientId: z.string().nullable(),
  /** True for a service to someone not named: counted apart from identified clients. */
  anonymous: z.boolean(),
  anonymousProfile: anonymousProfile.nullable(),
};
