import type { ClientReference, ClientSummary } from '../../../shared/index.js';
import type { ClientRow } from './clients.repo.js';

/** The list form of a client; `mergedInto` is only known where the survivor was looked up. */
export function toClientSummary(row: ClientRow, mergedInto: ClientReference | null = null): ClientSummary {
  return {
    id: row.id,
    clientNumber: row.clientNumber,
    givenName: row.givenName,
    familyName: row.familyName,
    givenNameNative: row.givenNameNative,
    familyNameNative: row.familyNameNative,
    sex: row.sex,
    dateOfBirth: row.dateOfBirth,
    citizenships: row.citizenships,
    residence: row.residenceCategory
      ? { category: row.residenceCategory, validFrom: row.residenceValidFrom, validUntil: row.residenceValidUntil }
      : null,
    branchId: row.branchId,
    archived: row.archived,
    mergedInto,
  };
}
