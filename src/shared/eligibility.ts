import { z } from 'zod';
import { freeMovementCountries } from './reference-codes.js';
import { type RegionCode, regionCodes, regions } from './regions.js';
import { type ResidenceCategory, residenceCategories } from './residence.js';

/** A project's target group, as configuration (target groups differ between projects). */
export const targetGroupRule = z
  .strictObject({
    /** Citizens of countries outside the EU, EEA and Switzerland are admitted. */
    thirdCountryNationals: z.boolean(),
    /** EU, EEA and Swiss citizens are admitted too. */
    euCitizens: z.boolean(),
    /** Citizens of Ukraine are admitted whatever their residence status. */
    ukrainiansAnyStatus: z.boolean(),
    /** Residence categories that qualify a third-country national. */
    residenceCategories: z.array(z.enum(residenceCategories)).max(residenceCategories.length),
    /** The current residence record must be valid on the day of evaluation. */
    requireValidResidence: z.boolean(),
    /** The client must live in this region (by the district of their address); null: anywhere. */
    regionCode: z.enum(regionCodes).nullable(),
  })
  .meta({ id: 'TargetGroupRule' });
export type TargetGroupRule = z.infer<typeof targetGroupRule>;

/** One step of the explanation; `params` fill the translated sentence. */
export type EligibilityReason = {
  code:
    | 'citizenship_missing'
    | 'third_country_national'
    | 'third_country_not_admitted'
    | 'free_movement_citizen'
    | 'free_movement_admitted'
    | 'ukrainian_any_status'
    | 'residence_missing'
    | 'residence_qualifies'
    | 'residence_not_in_target_group'
    | 'residence_expired'
    | 'residence_not_yet_valid'
    | 'lives_in_region'
    | 'address_missing'
    | 'lives_outside_region';
  ok: boolean;
  params?: Record<string, string>;
};

export const eligibilityReason = z.object({
  code: z.string(),
  ok: z.boolean(),
  params: z.record(z.string(), z.string()).optional(),
});

export const eligibilityResult = z.object({
  projectId: z.string(),
  projectCode: z.string(),
  eligible: z.boolean(),
  reasons: z.array(eligibilityReason),
});

/** What eligibility needs to know about a client. */
export type EligibilityFacts = {
  citizenships: readonly string[];
  residence: { category: ResidenceCategory; validFrom: string | null; validUntil: string | null } | null;
  district: string | null;
};

/**
 * Decide whether a client belongs to a project's target group on a given day and explain why,
 * step by step: citizenship, residence status and its validity, place of living. Every failing
 * step is reported, so staff see everything that needs fixing at once.
 */
export function evaluateEligibility(
  facts: EligibilityFacts,
  rule: TargetGroupRule,
  today: string,
): { eligible: boolean; reasons: EligibilityReason[] } {
  const reasons: EligibilityReason[] = [];
  const freeMovement = facts.citizenships.filter((c) => freeMovementCountries.has(c));
  const thirdCountry = facts.citizenships.filter((c) => !freeMovementCountries.has(c));
  const ukrainian = facts.citizenships.includes('UA');

  let residenceDecides = true;
  if (facts.citizenships.length === 0) {
    reasons.push({ code: 'citizenship_missing', ok: false });
  } else if (ukrainian && rule.ukrainiansAnyStatus) {
    reasons.push({ code: 'ukrainian_any_status', ok: true, params: { country: 'UA' } });
    residenceDecides = false;
  } else if (freeMovement.length > 0) {
    // A dual citizen holding an EU/EEA/CH citizenship has free movement rights: not a third-country national.
    const country = freeMovement[0] as string;
    if (rule.euCitizens) {
      reasons.push({ code: 'free_movement_admitted', ok: true, params: { country } });
      residenceDecides = false;
    } else {
      reasons.push({ code: 'free_movement_citizen', ok: false, params: { country } });
    }
  } else if (rule.thirdCountryNationals) {
    reasons.push({ code: 'third_country_national', ok: true, params: { country: thirdCountry[0] as string } });
  } else {
    reasons.push({ code: 'third_country_not_admitted', ok: false, params: { country: thirdCountry[0] as string } });
  }

  if (residenceDecides) reasons.push(...explainResidence(facts.residence, rule, today));
  if (rule.regionCode) reasons.push(explainRegion(facts.district, rule.regionCode));

  return { eligible: reasons.every((r) => r.ok), reasons };
}

function explainResidence(residence: EligibilityFacts['residence'], rule: TargetGroupRule, today: string): EligibilityReason[] {
  if (!residence || residence.category === 'unknown') return [{ code: 'residence_missing', ok: false }];
  const params: Record<string, string> = { category: residence.category };
  if (residence.validUntil) params.validUntil = residence.validUntil;
  if (!rule.residenceCategories.includes(residence.category)) {
    return [{ code: 'residence_not_in_target_group', ok: false, params }];
  }
  if (rule.requireValidResidence && residence.validUntil && residence.validUntil < today) {
    return [{ code: 'residence_expired', ok: false, params }];
  }
  if (rule.requireValidResidence && residence.validFrom && residence.validFrom > today) {
    return [{ code: 'residence_not_yet_valid', ok: false, params: { ...params, validFrom: residence.validFrom } }];
  }
  return [{ code: 'residence_qualifies', ok: true, params }];
}

function explainRegion(district: string | null, regionCode: RegionCode): EligibilityReason {
  if (!district) return { code: 'address_missing', ok: false, params: { region: regionCode } };
  const inRegion = (regions[regionCode] as readonly string[]).includes(district);
  return { code: inRegion ? 'lives_in_region' : 'lives_outside_region', ok: inRegion, params: { district, region: regionCode } };
}
