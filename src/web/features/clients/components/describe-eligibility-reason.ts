import type { TFunction } from 'i18next';
import {
  type EligibilityReason,
  type RegionCode,
  regionCodes,
  residenceCategories,
  type ResidenceCategory,
} from '../../../../shared/index.js';
import type { Formatters } from '../../../components/intl/use-format.js';

const reasonCodes: readonly EligibilityReason['code'][] = [
  'citizenship_missing',
  'third_country_national',
  'third_country_not_admitted',
  'free_movement_citizen',
  'free_movement_admitted',
  'ukrainian_any_status',
  'residence_missing',
  'residence_qualifies',
  'residence_not_in_target_group',
  'residence_expired',
  'residence_not_yet_valid',
  'lives_in_region',
  'address_missing',
  'lives_outside_region',
];

/** One step of an eligibility explanation as a sentence in the UI language, e.g. "Lives in Teplice district". */
export function describeEligibilityReason(
  reason: { code: string; params?: Record<string, string> | undefined },
  t: TFunction,
  format: Pick<Formatters, 'formatCountry' | 'formatDate'>,
): string {
  const params = reason.params ?? {};
  const values = {
    country: params.country ? format.formatCountry(params.country) : '',
    category: (residenceCategories as readonly string[]).includes(params.category ?? '')
      ? t(`residenceCategory.${params.category as ResidenceCategory}`)
      : (params.category ?? ''),
    validUntil: format.formatDate(params.validUntil),
    validFrom: format.formatDate(params.validFrom),
    district: params.district ?? '',
    region: (regionCodes as readonly string[]).includes(params.region ?? '')
      ? t(`region.${params.region as RegionCode}`)
      : (params.region ?? ''),
  };
  const code = reason.code as EligibilityReason['code'];
  if (!reasonCodes.includes(code)) return t('eligibility.reason.unknown');
  if (code === 'residence_qualifies' && params.validUntil) return t('eligibility.reason.residence_qualifies_until', values);
  return t(`eligibility.reason.${code}`, values);
}
