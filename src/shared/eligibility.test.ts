import { describe, expect, it } from 'vitest';
import { type EligibilityFacts, evaluateEligibility, type TargetGroupRule } from './eligibility.js';
import { residenceCategories, type ResidenceCategory } from './residence.js';

const today = '2026-11-23';

/** AMIF/23/01: third-country nationals legally residing in the region and persons with international protection. */
const amif2301: TargetGroupRule = {
  thirdCountryNationals: true,
  euCitizens: false,
  ukrainiansAnyStatus: false,
  residenceCategories: [
    'long_term_visa',
    'long_term_residence',
    'permanent_residence',
    'asylum',
    'subsidiary_protection',
    'temporary_protection',
    'special_long_term_residence',
  ],
  requireValidResidence: true,
  regionCode: 'CZ-42',
};

const facts = (overrides: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  citizenships: ['VN'],
  residence: { category: 'permanent_residence', validFrom: '2015-01-01', validUntil: null },
  district: 'Teplice',
  ...overrides,
});

const codes = (result: ReturnType<typeof evaluateEligibility>) => result.reasons.map((r) => r.code);

describe('evaluateEligibility', () => {
  const inTargetGroup: Record<ResidenceCategory, boolean> = {
    short_stay_visa: false,
    long_term_visa: true,
    long_term_residence: true,
    permanent_residence: true,
    eu_temporary_residence: false,
    asylum_applicant: false,
    asylum: true,
    subsidiary_protection: true,
    temporary_protection: true,
    special_long_term_residence: true,
    tolerance_visa: false,
    other: false,
    unknown: false,
  };

  it.each(residenceCategories.map((category) => [category, inTargetGroup[category]] as const))(
    'a third-country national with %s is eligible: %s',
    (category, expected) => {
      const result = evaluateEligibility(
        facts({ residence: { category, validFrom: '2025-01-01', validUntil: '2027-12-31' } }),
        amif2301,
        today,
      );
      expect(result.eligible).toBe(expected);
      const residenceReason = result.reasons.find((r) => r.code.startsWith('residence_'));
      expect(residenceReason?.ok).toBe(expected);
    },
  );

  it('explains a Ukrainian with temporary protection in Teplice step by step', () => {
    const result = evaluateEligibility(
      facts({ citizenships: ['UA'], residence: { category: 'temporary_protection', validFrom: '2026-04-01', validUntil: '2027-03-31' } }),
      amif2301,
      today,
    );
    expect(result).toEqual({
      eligible: true,
      reasons: [
        { code: 'third_country_national', ok: true, params: { country: 'UA' } },
        { code: 'residence_qualifies', ok: true, params: { category: 'temporary_protection', validUntil: '2027-03-31' } },
        { code: 'lives_in_region', ok: true, params: { district: 'Teplice', region: 'CZ-42' } },
      ],
    });
  });

  it.each(['SK', 'DE', 'IS', 'LI', 'NO', 'CH'])('a citizen of %s is not a third-country national', (country) => {
    const result = evaluateEligibility(
      facts({ citizenships: [country], residence: { category: 'eu_temporary_residence', validFrom: null, validUntil: null } }),
      amif2301,
      today,
    );
    expect(result.eligible).toBe(false);
    expect(result.reasons[0]).toEqual({ code: 'free_movement_citizen', ok: false, params: { country } });
  });

  it('admits EU citizens when the project does, whatever their residence category', () => {
    const rule = { ...amif2301, euCitizens: true };
    const result = evaluateEligibility(
      facts({ citizenships: ['PL'], residence: { category: 'eu_temporary_residence', validFrom: null, validUntil: null } }),
      rule,
      today,
    );
    expect(result.eligible).toBe(true);
    expect(codes(result)).toEqual(['free_movement_admitted', 'lives_in_region']);
  });

  it('treats a dual citizen of Ukraine and Slovakia as an EU citizen', () => {
    const result = evaluateEligibility(facts({ citizenships: ['UA', 'SK'] }), amif2301, today);
    expect(result.eligible).toBe(false);
    expect(result.reasons[0]).toEqual({ code: 'free_movement_citizen', ok: false, params: { country: 'SK' } });
  });

  it('admits a UA+SK dual citizen when the project takes Ukrainians with any status', () => {
    const rule = { ...amif2301, ukrainiansAnyStatus: true };
    const result = evaluateEligibility(facts({ citizenships: ['UA', 'SK'], residence: null }), rule, today);
    expect(result.eligible).toBe(true);
    expect(codes(result)).toEqual(['ukrainian_any_status', 'lives_in_region']);
  });

  it('a dual citizen of two third countries is a third-country national', () => {
    const result = evaluateEligibility(facts({ citizenships: ['RU', 'KZ'] }), amif2301, today);
    expect(result.eligible).toBe(true);
    expect(result.reasons[0]).toMatchObject({ code: 'third_country_national', ok: true });
  });

  it('refuses third-country nationals when the project admits only EU citizens', () => {
    const rule = { ...amif2301, thirdCountryNationals: false, euCitizens: true };
    const result = evaluateEligibility(facts({ citizenships: ['VN'] }), rule, today);
    expect(result.eligible).toBe(false);
    expect(result.reasons[0]).toEqual({ code: 'third_country_not_admitted', ok: false, params: { country: 'VN' } });
  });

  it('an expired permit makes the client ineligible, and says until when it was valid', () => {
    const result = evaluateEligibility(
      facts({ residence: { category: 'long_term_residence', validFrom: '2023-01-01', validUntil: '2026-11-22' } }),
      amif2301,
      today,
    );
    expect(result.eligible).toBe(false);
    expect(result.reasons).toContainEqual({
      code: 'residence_expired',
      ok: false,
      params: { category: 'long_term_residence', validUntil: '2026-11-22' },
    });
  });

  it('a permit valid until today is still valid', () => {
    const result = evaluateEligibility(
      facts({ residence: { category: 'long_term_residence', validFrom: '2023-01-01', validUntil: today } }),
      amif2301,
      today,
    );
    expect(result.eligible).toBe(true);
  });

  it('a permit valid only from tomorrow is not yet valid', () => {
    const result = evaluateEligibility(
      facts({ residence: { category: 'long_term_visa', validFrom: '2026-11-24', validUntil: '2027-11-23' } }),
      amif2301,
      today,
    );
    expect(result.eligible).toBe(false);
    expect(codes(result)).toContain('residence_not_yet_valid');
  });

  it('ignores validity when the project does not require it', () => {
    const rule = { ...amif2301, requireValidResidence: false };
    const result = evaluateEligibility(
      facts({ residence: { category: 'long_term_residence', validFrom: null, validUntil: '2020-01-01' } }),
      rule,
      today,
    );
    expect(result.eligible).toBe(true);
  });

  it('needs a known citizenship and a known residence status', () => {
    const result = evaluateEligibility(facts({ citizenships: [], residence: null }), amif2301, today);
    expect(result.eligible).toBe(false);
    expect(codes(result)).toEqual(['citizenship_missing', 'residence_missing', 'lives_in_region']);
  });

  it('reports every failing step at once', () => {
    const result = evaluateEligibility(
      facts({
        citizenships: ['VN'],
        residence: { category: 'asylum_applicant', validFrom: null, validUntil: null },
        district: 'Brno-město',
      }),
      amif2301,
      today,
    );
    expect(result.reasons.filter((r) => !r.ok).map((r) => r.code)).toEqual(['residence_not_in_target_group', 'lives_outside_region']);
  });

  it('needs an address in the region when the project is regional, and not otherwise', () => {
    expect(codes(evaluateEligibility(facts({ district: null }), amif2301, today))).toContain('address_missing');
    expect(evaluateEligibility(facts({ district: null }), { ...amif2301, regionCode: null }, today).eligible).toBe(true);
  });
});
