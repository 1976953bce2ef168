import {
  type CreatePartnerInput,
  type ListPartnersQuery,
  type PartnerKind,
  partnerAuditFields,
  partnerAuditValueFields,
  type PartnerResponse,
  type UpdatePartnerInput,
} from '../../../shared/index.js';
import { notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { changedValues, diffFields, recordAudit } from '../audit/audit.service.js';
import { requireVersion, versionStamp } from '../audit/record-versions.service.js';
import { insertPartner, type PartnerRow, selectPartner, selectPartnerPage, updatePartnerRow } from './partners.repo.js';

export function toPartnerResponse(row: PartnerRow): PartnerResponse {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as PartnerKind,
    services: row.services,
    contactPerson: row.contactPerson,
    phone: row.phone,
    email: row.email,
    website: row.website,
    address: row.address,
    municipality: row.municipality,
    languages: row.languages,
    note: row.note,
    archived: row.archived,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A partner before it was added: the creation's audit entry names every field that was given. */
const unsaved: Record<string, unknown> = { languages: [], archived: false };

/** The directory of partners, by name; the search ignores case and accents. */
export async function findPartners(ctx: Ctx, query: ListPartnersQuery) {
  const { rows, total } = await selectPartnerPage(ctx.db, query);
  return { items: rows.map(toPartnerResponse), total };
}

export async function getPartner(ctx: Ctx, id: string): Promise<PartnerResponse> {
  const row = await selectPartner(ctx.db, id);
  if (!row) throw notFound('Partner');
  return toPartnerResponse(row);
}

export async function createPartner(ctx: Ctx, input: CreatePartnerInput): Promise<PartnerResponse> {
  return ctx.db.transaction(async (tx) => {
    const row = await insertPartner(tx, input);
    await recordAudit(tx, ctx, {
      action: 'partner.created',
      entityType: 'partner',
      entityId: row.id,
      changes: diffFields<Record<string, unknown>>(unsaved, row, partnerAuditFields, partnerAuditValueFields),
    });
    return toPartnerResponse(row);
  });
}

/**
 * Changes a partner, archiving included (partners are never deleted: referrals point to them). From
 * an older version than the stored one (`expectedVersion`), nothing changes (412).
 */
export async function updatePartner(ctx: Ctx, id: string, input: UpdatePartnerInput, expectedVersion?: number): Promise<PartnerResponse> {
  return ctx.db.transaction(async (tx) => {
    const before = await selectPartner(tx, id, { forUpdate: true });
    if (!before) throw notFound('Partner');
    await requireVersion(tx, { type: 'partner', id, version: before.version, actions: ['partner.updated'] }, expectedVersion);
    const changed = changedValues(before, input);
    // Values equal to the stored ones change nothing: no write, no new updatedAt, no empty audit entry.
    if (Object.keys(changed).length === 0) return toPartnerResponse(before);
    const after = await updatePartnerRow(tx, id, changed);
    const changes = diffFields<Record<string, unknown>>(before, after, partnerAuditFields, partnerAuditValueFields);
    const details = versionStamp('partner', id, after.version);
    await recordAudit(tx, ctx, { action: 'partner.updated', entityType: 'partner', entityId: id, changes, details });
    return toPartnerResponse(after);
  });
}
