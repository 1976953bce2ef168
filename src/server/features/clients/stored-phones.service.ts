import { toStoredPhone } from '../../../shared/index.js';
import type { Db } from '../../../db/open-database.js';
import { selectPhonesNotStoredForm, storedPhoneColumns, updateStoredPhones } from './stored-phones.repo.js';

/**
 * Brings phone numbers stored before phones were checked into E.164 (decision 023), at start-up: each
 * one that parses as a valid number (a Czech one when it has no country code) is rewritten; one that
 * does not is left as it was, and shown as it is. Rows already in E.164 are not read, so a start
 * after the first costs one scan per table that finds nothing. Returns how many were
 * rewritten and how many were left.
 */
export async function normaliseStoredPhones(db: Db, batchSize = 500): Promise<{ converted: number; leftAsTyped: number }> {
  let converted = 0;
  let leftAsTyped = 0;
  for (const column of storedPhoneColumns) {
    let afterId: string | null = null;
    for (;;) {
      const rows = await selectPhonesNotStoredForm(db, column, afterId, batchSize);
      if (rows.length === 0) break;
      const parsed = rows.flatMap((row) => {
        const phone = toStoredPhone(row.phone);
        return phone && phone !== row.phone ? [{ id: row.id, phone }] : [];
      });
      await updateStoredPhones(db, column, parsed);
      converted += parsed.length;
      leftAsTyped += rows.length - parsed.length;
      afterId = rows[rows.length - 1]?.id ?? null;
    }
  }
  return { converted, leftAsTyped };
}
