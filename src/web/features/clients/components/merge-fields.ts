import type { ClientResponse, MergeableField } from '../../../../shared/index.js';

/** The label of each field a merge chooses between, from the client form's own labels. */
export const mergeFieldLabelKeys = {
  familyName: 'clients.familyName',
  givenName: 'clients.givenName',
  familyNameNative: 'clients.familyNameNative',
  givenNameNative: 'clients.givenNameNative',
  sex: 'clients.sex',
  dateOfBirth: 'clients.dateOfBirth',
  citizenships: 'clients.citizenships',
  languages: 'clients.languages',
  preferredLanguage: 'clients.preferredLanguage',
  phone: 'clients.phone',
  email: 'clients.email',
  address: 'clients.address',
  branchId: 'clients.branch',
  note: 'clients.note',
} as const satisfies Record<MergeableField, string>;

/** The fields in the order the merge screen shows them: as on the client form. */
export const mergeFieldOrder = Object.keys(mergeFieldLabelKeys) as MergeableField[];

/** A field's value in a form that compares as the person would: blanks alike, lists in any order. */
function comparable(client: ClientResponse, field: MergeableField): string {
  const value = client[field];
  if (Array.isArray(value)) return JSON.stringify([...value].sort());
  if (field === 'address') {
    const { street, municipality, postcode, district } = client.address;
    return JSON.stringify([street, municipality, postcode?.replace(/\s/g, ''), district].map((part) => part?.trim() || null));
  }
  if (typeof value === 'string') return JSON.stringify(value.trim() || null);
  return JSON.stringify(value ?? null);
}

/** The fields whose values differ between two records of one person: the ones to choose between. */
export function differingFields(survivor: ClientResponse, duplicate: ClientResponse): MergeableField[] {
  return mergeFieldOrder.filter((field) => comparable(survivor, field) !== comparable(duplicate, field));
}
