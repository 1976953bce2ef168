import { type ClientResponse, formatPhone } from '../../../../shared/index.js';
import { toNullableText } from '../../../components/forms/text-value.js';

/** The client form's values: text fields hold '' where the API holds null. */
export type ClientFormValues = {
  givenName: string;
  familyName: string;
  givenNameNative: string;
  familyNameNative: string;
  sex: string;
  dateOfBirth: string | null;
  citizenships: string[];
  languages: string[];
  preferredLanguage: string | null;
  phone: string;
  email: string;
  address: { street: string; municipality: string; postcode: string; district: string | null };
  branchId: string | null;
  note: string;
  residence: { category: string | null; permitType: string; validFrom: string | null; validUntil: string | null };
};

/** An empty form, or one filled from an existing record. */
export function toClientFormValues(client?: ClientResponse, defaults?: { branchId?: string | null }): ClientFormValues {
  return {
    givenName: client?.givenName ?? '',
    familyName: client?.familyName ?? '',
    givenNameNative: client?.givenNameNative ?? '',
    familyNameNative: client?.familyNameNative ?? '',
    sex: client?.sex ?? '',
    dateOfBirth: client?.dateOfBirth ?? null,
    citizenships: client?.citizenships ?? [],
    languages: client?.languages ?? [],
    preferredLanguage: client?.preferredLanguage ?? null,
    phone: client?.phone ? formatPhone(client.phone) : '',
    email: client?.email ?? '',
    address: {
      street: client?.address.street ?? '',
      municipality: client?.address.municipality ?? '',
      postcode: client?.address.postcode ?? '',
      district: client?.address.district ?? null,
    },
    branchId: client ? client.branchId : (defaults?.branchId ?? null),
    note: client?.note ?? '',
    residence: {
      category: client?.residence?.category ?? null,
      permitType: client?.residence?.permitType ?? '',
      validFrom: client?.residence?.validFrom ?? null,
      validUntil: client?.residence?.validUntil ?? null,
    },
  };
}

/** What the form sends: trimmed texts, nulls for blanks, residence only when a category is chosen. */
export function toClientPayload(values: ClientFormValues) {
  return {
    givenName: values.givenName.trim(),
    familyName: values.familyName.trim(),
    givenNameNative: toNullableText(values.givenNameNative),
    familyNameNative: toNullableText(values.familyNameNative),
    sex: values.sex,
    dateOfBirth: values.dateOfBirth || null,
    citizenships: values.citizenships,
    languages: values.languages,
    preferredLanguage: values.preferredLanguage || null,
    phone: toNullableText(values.phone),
    email: toNullableText(values.email),
    address: {
      street: toNullableText(values.address.street),
      municipality: toNullableText(values.address.municipality),
      postcode: toNullableText(values.address.postcode),
      district: values.address.district || null,
    },
    branchId: values.branchId || null,
    note: toNullableText(values.note),
    ...(values.residence.category
      ? {
          residence: {
            category: values.residence.category,
            permitType: toNullableText(values.residence.permitType),
            validFrom: values.residence.validFrom || null,
            validUntil: values.residence.validUntil || null,
          },
        }
      : {}),
  };
}
