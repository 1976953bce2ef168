import {
  canReadLinkedContent,
  type CreateReferralInput,
  type ListReferralsQuery,
  type PartnerKind,
  type ReferralResponse,
  type ReferralStatus,
  referralTransitions,
  toCentreDate,
  type UpdateReferralInput,
} from '../../../shared/index.js';
import type { FieldChange } from '../../../shared/index.js';
import { AppError, fieldError, notFound } from '../../http/app-error.js';
import type { Actor, Ctx } from '../../http/context.js';
import { requireLinkableConsultation } from '../counselling/consultations.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { toStaffReference } from '../users/users.service.js';
import { requireChangeableClient, requireUnmergedClient } from '../clients/clients.service.js';
import { selectPartner } from './partners.repo.js';
import {
  insertReferral,
  type ListedReferral,
  selectClientReferrals,
  selectListedReferral,
  selectReferralForUpdate,
  selectSharingConsent,
  updateReferralRow,
} from './referrals.repo.js';

/** Whether the reader may read a referral's reason and outcome (decision 022). */
function mayReadReferral(reader: Actor, { referral, consultation }: ListedReferral): boolean {
  return canReadLinkedContent(
    reader,
    { createdBy: referral.createdBy, consultation: consultation?.kind ? consultation : null },
    'counselling.content',
  );
}

function toReferralResponse(row: ListedReferral, reader: Actor): ReferralResponse {
  const { referral, partner, createdByName } = row;
  const visible = mayReadReferral(reader, row);
  return {
    id: referral.id,
    clientId: referral.clientId,
    partner: { ...partner, kind: partner.kind as PartnerKind },
    referredOn: referral.referredOn,
    reason: visible ? referral.reason : null,
    status: referral.status,
    outcome: visible ? referral.outcome : null,
    consultationId: referral.consultationId,
    contentHidden: !visible,
    consentId: referral.consentId,
    createdBy: toStaffReference(referral.createdBy, createdByName),
    createdAt: referral.createdAt.toISOString(),
    updatedAt: referral.updatedAt.toISOString(),
  };
}

async function loadReferral(ctx: Ctx, id: string): Promise<ReferralResponse> {
  const row = await selectListedReferral(ctx.db, id);
  if (!row) throw notFound('Referral');
  return toReferralResponse(row, ctx.actor);
}

/**
 * Refers a client to a partner. Sharing a client's data with a partner needs their consent: one
 * given by the referral's date and not withdrawn since (409 CONSENT_REQUIRED otherwise, and
 * nothing is written). The referral keeps the consent it relied on.
 */
export async function createReferral(ctx: Ctx, clientId: string, input: CreateReferralInput): Promise<ReferralResponse> {
  const today = toCentreDate(ctx.now);
  if (input.referredOn > today) throw fieldError('body.referredOn', 'in_future', 'A referral cannot be dated in the future');
  const id = await ctx.db.transaction(async (tx) => {
    await requireChangeableClient(tx, clientId, { lock: true });
    const partner = await selectPartner(tx, input.partnerId);
    if (!partner) throw fieldError('body.partnerId', 'unknown_partner', 'No such partner');
    if (partner.archived) throw fieldError('body.partnerId', 'archived_partner', 'The partner is archived');
    if (input.consultationId) await requireLinkableConsultation(tx, ctx.actor, input.consultationId, clientId);
    const consent = await selectSharingConsent(tx, clientId, input.referredOn, today);
    if (!consent) {
      throw new AppError('CONSENT_REQUIRED', "The client's consent to share data with partners is missing or withdrawn", {
        purpose: 'sharing_with_partners',
        referredOn: input.referredOn,
      });
    }
    const referral = await insertReferral(tx, { clientId, ...input, consentId: consent.id, createdBy: ctx.actor.id });
    await recordAudit(tx, ctx, {
      action: 'referral.created',
      entityType: 'referral',
      entityId: referral.id,
      clientId,
      changes: [
        { field: 'partnerId', after: partner.id },
        { field: 'referredOn' },
        { field: 'reason' },
        { field: 'status', after: 'sent' },
      ],
      details: { consentId: consent.id, consultationId: input.consultationId ?? null },
    });
    return referral.id;
  });
  return loadReferral(ctx, id);
}

/** One page of a client's referrals, latest first. The read is audited with the client. */
export async function findClientReferrals(ctx: Ctx, clientId: string, query: ListReferralsQuery) {
  await requireUnmergedClient(ctx.db, clientId);
  const { rows, total } = await selectClientReferrals(ctx.db, clientId, query);
  const items = rows.map((row) => toReferralResponse(row, ctx.actor));
  await recordAudit(ctx.db, ctx, {
    action: 'referral.read',
    entityType: 'client',
    entityId: clientId,
    clientId,
    details: { contentHidden: items.filter((item) => item.contentHidden).length },
  });
  return { items, total };
}

/**
 * Moves a referral on (see referralTransitions: 409 CONFLICT for a move that is not allowed) and
 * records its outcome. The audit keeps the statuses and only the name of the outcome.
 */
export async function updateReferral(ctx: Ctx, id: string, input: UpdateReferralInput): Promise<ReferralResponse> {
  const saved = await ctx.db.transaction(async (tx) => {
    const before = await selectReferralForUpdate(tx, id);
    if (!before) throw notFound('Referral');
    const listed = await selectListedReferral(tx, id);
    if (input.outcome !== undefined && listed && !mayReadReferral(ctx.actor, listed)) {
      throw new AppError('FORBIDDEN', 'The outcome of this referral is written only by who may read it');
    }
    await requireChangeableClient(tx, before.clientId, { lock: true });
    const changes: FieldChange[] = [];
    const values: { status?: ReferralStatus; outcome?: string | null } = {};
    if (input.status !== undefined && input.status !== before.status) {
      const allowed = referralTransitions[before.status];
      if (!allowed.includes(input.status)) {
        throw new AppError('CONFLICT', `A ${before.status} referral cannot become ${input.status}`, {
          from: before.status,
          to: input.status,
          allowed,
        });
      }
      values.status = input.status;
      changes.push({ field: 'status', before: before.status, after: input.status });
    }
    if (input.outcome !== undefined && input.outcome !== before.outcome) {
      values.outcome = input.outcome;
      changes.push({ field: 'outcome' });
    }
    if (changes.length === 0) return false;
    await updateReferralRow(tx, id, values);
    await recordAudit(tx, ctx, { action: 'referral.updated', entityType: 'referral', entityId: id, clientId: before.clientId, changes });
    return true;
  });
  const referral = await loadReferral(ctx, id);
  // A change to the stored values saved nothing: its answer is a read of the client's referral.
  if (!saved)
    await recordAudit(ctx.db, ctx, { action: 'referral.read', entityType: 'referral', entityId: id, clientId: referral.clientId });
  return referral;
}
