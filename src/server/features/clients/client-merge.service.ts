import { requireClientInScope } from '../access/branch-scope.service.js';
import {
  clientAuditFields,
  clientAuditValueFields,
  type ClientResponse,
  type MergeableField,
  type MergeClientsInput,
  mergeableFields,
  toCentreDate,
} from '../../../shared/index.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { diffFields, recordAudit } from '../audit/audit.service.js';
import { versionStamp } from '../audit/record-versions.service.js';
import { closeDuplicateOpenPlan, lockClients, markMergedAway, moveClientRecords, repointMergedRecords } from './client-merge.repo.js';
import { type ClientRow, type NewClientRow, selectResidenceHistory, updateClientRow } from './clients.repo.js';
import { getClient, residenceColumns } from './clients.service.js';
import { recomputeEligibilityForClient } from './eligibility.service.js';
import { nameKeysOfChange } from './name-keys.service.js';

/** The columns each mergeable field stands for: an address is taken whole, never mixed from two. */
const columnsOfField: Record<MergeableField, readonly (keyof ClientRow & keyof NewClientRow)[]> = {
  givenName: ['givenName'],
  familyName: ['familyName'],
  givenNameNative: ['givenNameNative'],
  familyNameNative: ['familyNameNative'],
  sex: ['sex'],
  dateOfBirth: ['dateOfBirth'],
  citizenships: ['citizenships'],
  languages: ['languages'],
  preferredLanguage: ['preferredLanguage'],
  phone: ['phone'],
  email: ['email'],
  address: ['street', 'municipality', 'postcode', 'district'],
  branchId: ['branchId'],
  note: ['note'],
};

/** The duplicate's values of the chosen fields, where they differ from the survivor's. */
function takenColumns(survivor: ClientRow, duplicate: ClientRow, fields: readonly MergeableField[]): Partial<NewClientRow> {
  const taken: Record<string, unknown> = {};
  for (const column of fields.flatMap((field) => columnsOfField[field])) {
    if (JSON.stringify(survivor[column] ?? null) !== JSON.stringify(duplicate[column] ?? null)) taken[column] = duplicate[column];
  }
  return taken as Partial<NewClientRow>;
}

/**
 * Merges two records of one person: `duplicateId` into the survivor `survivorId`. Each field keeps
 * the survivor's value unless `takeFromDuplicate` names it; every client-owned record moves to the
 * survivor; the duplicate is archived and points to the survivor (it is never deleted, so its
 * number and links still resolve). Both records are audited, without the reason or personal values.
 */
export async function mergeClients(ctx: Ctx, survivorId: string, input: MergeClientsInput): Promise<ClientResponse> {
  if (input.duplicateId === survivorId) {
    throw new AppError('VALIDATION_FAILED', 'A client cannot be merged into itself', [
      { field: 'body.duplicateId', code: 'custom', message: 'A client cannot be merged into itself' },
    ]);
  }
  // The route's own client is checked by the branch-scope hook; the duplicate named in the body too.
  await requireClientInScope(ctx, 'client', input.duplicateId);
  await ctx.db.transaction(async (tx) => {
    const locked = await lockClients(tx, [survivorId, input.duplicateId]);
    const survivor = locked.find((row) => row.id === survivorId);
    const duplicate = locked.find((row) => row.id === input.duplicateId);
    if (!survivor || !duplicate) throw notFound('Client');
    if (survivor.mergedIntoId || duplicate.mergedIntoId) {
      throw new AppError('CONFLICT', 'A record that was merged into another cannot take part in a merge; use the record it points to');
    }
    if (survivor.archived) throw new AppError('CONFLICT', 'An archived client cannot take over another record; restore it first');

    const takeFromDuplicate = mergeableFields.filter((field) => input.takeFromDuplicate.includes(field));
    const columns = takenColumns(survivor, duplicate, takeFromDuplicate);
    Object.assign(columns, nameKeysOfChange(survivor, columns));

    const previouslyMergedIds = await repointMergedRecords(tx, duplicate.id, survivor.id);
    const closedPlanId = await closeDuplicateOpenPlan(tx, duplicate.id, survivor.id, toCentreDate(ctx.now));
    await moveClientRecords(tx, duplicate.id, survivor.id);
    // On the survivor, where the plan now is: its timeline shows the closing.
    if (closedPlanId) {
      await recordAudit(tx, ctx, {
        action: 'plan.closed',
        entityType: 'plan',
        entityId: closedPlanId,
        clientId: survivor.id,
        details: { planId: closedPlanId, closedOn: toCentreDate(ctx.now), outcome: 'records_merged', duplicateId: duplicate.id },
      });
    }
    // The current residence is the newest record of the combined history, whichever record it came from.
    const [newest] = await selectResidenceHistory(tx, survivor.id);
    if (newest) Object.assign(columns, residenceColumns(newest));
    const after = await updateClientRow(tx, survivor.id, columns);
    if (!after) throw notFound('Client');
    await markMergedAway(tx, duplicate.id, survivor.id, input.reason, ctx.now);
    // The duplicate's stored eligibility was deleted with the move; the survivor's facts may have changed.
    await recomputeEligibilityForClient(tx, survivor.id, ctx.now);

    // Ids, numbers and field names only: the reason is free text and stays on the archived record.
    await recordAudit(tx, ctx, {
      action: 'client.merged',
      entityType: 'client',
      entityId: survivor.id,
      clientId: survivor.id,
      changes: diffFields(survivor, after, clientAuditFields, clientAuditValueFields),
      details: {
        duplicateId: duplicate.id,
        duplicateNumber: duplicate.clientNumber,
        takeFromDuplicate,
        previouslyMergedIds,
        ...versionStamp('client', survivor.id, after.version),
      },
    });
    await recordAudit(tx, ctx, {
      action: 'client.merged_away',
      entityType: 'client',
      entityId: duplicate.id,
      clientId: duplicate.id,
      changes: duplicate.archived ? [] : [{ field: 'archived', before: false, after: true }],
      details: { survivorId: survivor.id, survivorNumber: survivor.clientNumber },
    });
  });
  return getClient(ctx, survivorId);
}
