/** Residence categories of Czech law (see DOMAIN.md section 2). */
export const residenceCategories = [
  'short_stay_visa',
  'long_term_visa',
  'long_term_residence',
  'permanent_residence',
  'eu_temporary_residence',
  'asylum_applicant',
  'asylum',
  'subsidiary_protection',
  'temporary_protection',
  'special_long_term_residence',
  'tolerance_visa',
  'other',
  'unknown',
] as const;
export type ResidenceCategory = (typeof residenceCategories)[number];
