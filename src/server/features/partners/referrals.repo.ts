import { and, count, desc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { consents, consultations, partners, referrals, users } from '../../../db/schema/index.js';
import type { ListReferralsQuery } from '../../../shared/index.js';

export type ReferralRow = typeof referrals.$inferSelect;

/**
 * The client's latest consent to share data with partners that was given by `on` and is still in
 * force `today` (not withdrawn by then), share-locked so a withdrawal waits for the referral.
 */
export async function selectSharingConsent(tx: Tx, clientId: string, on: string, today: string) {
  const [row] = await tx
    .select({ id: consents.id })
    .from(consents)
    .where(
      and(
        eq(consents.clientId, clientId),
        eq(consents.purpose, 'sharing_with_partners'),
        lte(consents.givenOn, on),
        or(isNull(consents.withdrawnOn), gt(consents.withdrawnOn, today)),
      ),
    )
    .orderBy(desc(consents.givenOn), desc(consents.createdAt))
    .limit(1)
    .for('share');
  return row;
}

export async function insertReferral(tx: Tx, values: typeof referrals.$inferInsert): Promise<ReferralRow> {
  const [row] = await tx.insert(referrals).values(values).returning();
  return row as ReferralRow;
}

export async function updateReferralRow(tx: Tx, id: string, values: Partial<typeof referrals.$inferInsert>): Promise<void> {
  await tx
    .update(referrals)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(referrals.id, id));
}

export async function selectReferralForUpdate(tx: Tx, id: string): Promise<ReferralRow | undefined> {
  const [row] = await tx.select().from(referrals).where(eq(referrals.id, id)).for('update');
  return row;
}

/** A referral as listed: with its partner and who made it, in one query. */
const listedColumns = {
  referral: referrals,
  partner: { id: partners.id, name: partners.name, kind: partners.kind, archived: partners.archived },
  createdByName: users.name,
  consultation: { kind: consultations.kind, createdBy: consultations.createdBy },
};

export type ListedReferral = {
  referral: ReferralRow;
  partner: { id: string; name: string; kind: string; archived: boolean };
  createdByName: string | null;
  /** The consultation it came from (its kind and author decide who reads the content), if any. */
  consultation: { kind: 'social' | 'legal' | 'other'; createdBy: string | null } | null;
};

export async function selectListedReferral(tx: Tx, id: string): Promise<ListedReferral | undefined> {
  const [row] = await tx
    .select(listedColumns)
    .from(referrals)
    .innerJoin(partners, eq(partners.id, referrals.partnerId))
    .leftJoin(users, eq(users.id, referrals.createdBy))
    .leftJoin(consultations, eq(consultations.serviceId, referrals.consultationId))
    .where(eq(referrals.id, id));
  return row;
}

/** One page of a client's referrals, latest first (by the index on client and date), and how many there are. */
export async function selectClientReferrals(tx: Tx, clientId: string, query: ListReferralsQuery) {
  const where = eq(referrals.clientId, clientId);
  const [rows, [counted]] = await Promise.all([
    tx
      .select(listedColumns)
      .from(referrals)
      .innerJoin(partners, eq(partners.id, referrals.partnerId))
      .leftJoin(users, eq(users.id, referrals.createdBy))
      .leftJoin(consultations, eq(consultations.serviceId, referrals.consultationId))
      .where(where)
      .orderBy(desc(referrals.referredOn), desc(referrals.createdAt), desc(referrals.id))
      .limit(query.limit)
      .offset(query.offset),
    tx.select({ total: count() }).from(referrals).where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}
