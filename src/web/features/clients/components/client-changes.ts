import type { TFunction } from 'i18next';
import type { Option } from '../../../components/intl/use-code-options.js';
import type { Formatters } from '../../../components/intl/use-format.js';
import type { ClientFormValues } from './client-form-values.js';
import { mergeFieldLabelKeys } from './merge-fields.js';

/** The label of each field of the client form, for saying which fields someone else changed. */
const labelKeys = { ...mergeFieldLabelKeys, residence: 'clients.residence' } as const satisfies Record<keyof ClientFormValues, string>;

export const clientFieldLabel = (t: TFunction, field: keyof ClientFormValues) => t(labelKeys[field]);

/** A form value as the reader reads it: names of countries, languages, categories and branches, not their codes. */
export function describeClientValue(
  field: keyof ClientFormValues,
  values: ClientFormValues,
  t: TFunction,
  format: Formatters,
  branches: Option[],
): string {
  switch (field) {
    case 'sex':
      return values.sex ? t(`sex.${values.sex}` as 'sex.unknown') : '';
    case 'dateOfBirth':
      return format.formatDate(values.dateOfBirth);
    case 'citizenships':
      return values.citizenships.map(format.formatCountry).join(', ');
    case 'languages':
      return values.languages.map(format.formatLanguage).join(', ');
    case 'preferredLanguage':
      return values.preferredLanguage ? format.formatLanguage(values.preferredLanguage) : '';
    case 'branchId':
      return branches.find((branch) => branch.value === values.branchId)?.label ?? '';
    case 'address':
      return [values.address.street, values.address.postcode, values.address.municipality, values.address.district]
        .filter(Boolean)
        .join(', ');
    case 'residence': {
      const { category, permitType, validFrom, validUntil } = values.residence;
      if (!category) return '';
      const period = [format.formatDate(validFrom), format.formatDate(validUntil)].filter(Boolean).join(' – ');
      return [t(`residenceCategory.${category}` as 'residenceCategory.unknown'), permitType, period].filter(Boolean).join(', ');
    }
    default:
      return values[field];
  }
}
