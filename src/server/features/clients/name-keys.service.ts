import { namePartKeys, splitNameParts } from '../../../shared/index.js';
import type { Db } from '../../../db/open-database.js';
import { selectClientsWithStaleNameKeys, updateClientNameKeys } from './name-keys.repo.js';

/** Raise when the key rules in shared/names change: start-up then recomputes every client's keys. */
export const nameKeysVersion = 1;

export type ClientNames = {
  givenName: string;
  familyName: string;
  givenNameNative?: string | null | undefined;
  familyNameNative?: string | null | undefined;
};

/** The stored search keys of a client's four names: every part's keys, once each. */
export function nameKeyColumns(names: ClientNames) {
  const parts = [names.givenName, names.familyName, names.givenNameNative ?? '', names.familyNameNative ?? ''].flatMap(splitNameParts);
  const keys = [...new Set(parts.flatMap(namePartKeys))].sort();
  return { nameKeys: keys, nameKeyText: ` ${keys.join(' ')} `, nameKeysVersion };
}

const nameFields = ['givenName', 'familyName', 'givenNameNative', 'familyNameNative'] as const;

/** New keys when a change touches a name (of the client as it will be), else nothing to store. */
export function nameKeysOfChange(before: ClientNames, changes: Partial<ClientNames>) {
  return nameFields.some((field) => field in changes) ? nameKeyColumns({ ...before, ...changes }) : {};
}

/**
 * Computes the keys of clients whose keys are missing or were made by older rules, in batches. Runs at
 * start-up before the server answers, so a search never misses a client for want of keys.
 */
export async function backfillNameKeys(db: Db, batchSize = 500): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await selectClientsWithStaleNameKeys(db, nameKeysVersion, batchSize);
    if (rows.length === 0) return done;
    await updateClientNameKeys(
      db,
      rows.map((row) => ({ id: row.id, ...nameKeyColumns(row) })),
    );
    done += rows.length;
  }
}
