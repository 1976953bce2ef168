import type { TFunction } from 'i18next';
import type { AnonymousProfile } from '../../../../shared/index.js';
import type { Formatters } from '../../../components/intl/use-format.js';

/** "Woman · 26–40 · Vietnam · permanent residence": who was served, without a name. */
export function describeAnonymousProfile(profile: AnonymousProfile, t: TFunction, format: Pick<Formatters, 'formatCountry'>): string {
  return [
    t(`sex.${profile.sex}`),
    t(`ageBand.${profile.ageBand}`),
    profile.citizenship ? format.formatCountry(profile.citizenship) : null,
    t(`residenceCategory.${profile.residenceCategory}`),
  ]
    .filter(Boolean)
    .join(' · ');
}
