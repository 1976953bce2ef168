import { describe, expect, it } from 'vitest';
import { type ClientResponse, mergeableFields } from '../../../../shared/index.js';
import { differingFields, mergeFieldOrder } from './merge-fields.js';

function client(changes: Partial<ClientResponse> = {}): ClientResponse {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    clientNumber: '2026-00001',
    givenName: 'Oleksandr',
    familyName: 'Shevchenko',
    givenNameNative: 'Олександр',
    familyNameNative: 'Шевченко',
    sex: 'male',
    dateOfBirth: '1985-03-15',
    citizenships: ['UA'],
    residence: null,
    branchId: null,
    archived: false,
    mergedInto: null,
    languages: ['uk', 'ru'],
    preferredLanguage: 'uk',
    phone: '+420 777 123 456',
    email: null,
    address: { street: null, municipality: 'Teplice', postcode: '415 01', district: 'Teplice' },
    note: null,
    archivedAt: null,
    archiveReason: null,
    residenceHistory: [],
    consents: [],
    eligibility: [],
    mergedFrom: [],
    version: 1,
    createdAt: '2026-01-01T10:00:00Z',
    updatedAt: '2026-01-01T10:00:00Z',
    ...changes,
  };
}

describe('differingFields', () => {
  it('offers every mergeable field, and only those', () => {
    expect([...mergeFieldOrder].sort()).toEqual([...mergeableFields].sort());
  });

  it('finds nothing to choose between two equal records', () => {
    expect(differingFields(client(), client({ id: '00000000-0000-4000-8000-000000000002', clientNumber: '2026-00002' }))).toEqual([]);
  });

  it('lists the fields that differ, in the form order', () => {
    const other = client({ givenNameNative: null, dateOfBirth: '1985-03-16', email: 'o.shevchenko@example.org', note: 'Came by phone' });
    expect(differingFields(client(), other)).toEqual(['givenNameNative', 'dateOfBirth', 'email', 'note']);
  });

  it('treats lists in another order, blanks and a postcode with or without its space as the same', () => {
    const other = client({
      languages: ['ru', 'uk'],
      note: '  ',
      address: { street: '', municipality: 'Teplice', postcode: '41501', district: 'Teplice' },
    });
    expect(differingFields(client(), other)).toEqual([]);
  });

  it('sees a changed address, citizenship or branch', () => {
    const other = client({
      citizenships: ['UA', 'RU'],
      address: { street: null, municipality: 'Ústí nad Labem', postcode: null, district: 'Ústí nad Labem' },
      branchId: '00000000-0000-4000-8000-0000000000b1',
    });
    expect(differingFields(client(), other)).toEqual(['citizenships', 'address', 'branchId']);
  });
});
