import { and, arrayOverlaps, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { accounts, sessions, twoFactors, users } from '../../../db/schema/index.js';
import type { Role } from '../../../shared/index.js';

export type UserRow = typeof users.$inferSelect;

export async function selectUser(tx: Tx, id: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  return row;
}

export async function selectUserByEmail(tx: Tx, email: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.email, email));
  return row;
}

type UsersQuery = { q?: string | undefined; active: 'true' | 'false' | 'all'; limit: number; offset: number };

function usersWhere(query: UsersQuery) {
  const pattern = query.q ? `%${escapeLike(query.q)}%` : undefined;
  return and(
    pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
    query.active === 'all' ? undefined : eq(users.active, query.active === 'true'),
  );
}

export async function selectUsers(tx: Tx, query: UsersQuery) {
  return tx
    .select({ user: users, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(users)
    .where(usersWhere(query))
    .orderBy(asc(users.name), asc(users.id))
    .limit(query.limit)
    .offset(query.offset);
}

function activeStaffWhere(roles: readonly Role[], id?: string) {
  return and(eq(users.active, true), arrayOverlaps(users.roles, [...roles]), id ? eq(users.id, id) : undefined);
}

/** Active staff holding one of the roles, by name; only the one with `id` when given; a page when `limit` is given. */
export function selectActiveStaff(tx: Tx, roles: readonly Role[], filter: { id?: string; limit?: number; offset?: number }) {
  const query = tx
    .select({ id: users.id, name: users.name, branchId: users.branchId, roles: users.roles })
    .from(users)
    .where(activeStaffWhere(roles, filter.id))
    .orderBy(asc(users.name), asc(users.id))
    .$dynamic();
  return filter.limit === undefined ? query : query.limit(filter.limit).offset(filter.offset ?? 0);
}

export async function countActiveStaff(tx: Tx, roles: readonly Role[]): Promise<number> {
  const [row] = await tx.select({ total: count() }).from(users).where(activeStaffWhere(roles));
  return row?.total ?? 0;
}

/** How many users match the query's filters, whatever its page. */
export async function countUsers(tx: Tx, query: UsersQuery): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(users)
    .where(usersWhere(query));
  return row?.n ?? 0;
}

/**
 * Inserts a user with their password credential. False when the e-mail is taken, also by a
 * concurrent insert (which a check before the insert cannot see).
 */
export async function insertUserRow(tx: Tx, values: typeof users.$inferInsert, passwordHash: string): Promise<boolean> {
  const inserted = await tx.insert(users).values(values).onConflictDoNothing({ target: users.email }).returning({ id: users.id });
  if (inserted.length === 0) return false;
  await tx.insert(accounts).values({
    id: crypto.randomUUID(),
    accountId: values.id,
    providerId: 'credential',
    userId: values.id,
    password: passwordHash,
  });
  return true;
}

export async function updateUserRow(tx: Tx, id: string, values: Partial<typeof users.$inferInsert>) {
  const [row] = await tx
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export async function selectPasswordHash(tx: Tx, userId: string): Promise<string | null> {
  const [row] = await tx
    .select({ password: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')));
  return row?.password ?? null;
}

export async function updatePasswordHash(tx: Tx, userId: string, passwordHash: string) {
  await tx
    .update(accounts)
    .set({ password: passwordHash, updatedAt: new Date() })
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')));
}

/** Ends sessions of a user at once; `keepToken` spares the session making the request. */
export async function deleteSessionsOf(tx: Tx, userId: string, keepToken?: string) {
  await tx.delete(sessions).where(and(eq(sessions.userId, userId), keepToken ? sql`${sessions.token} <> ${keepToken}` : undefined));
}

/**
 * Serialises changes that could leave Integra without an active administrator, until the
 * transaction ends: a second demotion waits, then counts with the first one committed.
 */
export async function lockAdminCount(tx: Tx): Promise<void> {
  // 4242 serialises the first-run setup (centre.service.ts); this key is the users' own.
  await tx.execute(sql`select pg_advisory_xact_lock(4243)`);
}

/** Removes a user's authenticator (TOTP secret and backup codes) and turns two-factor sign-in off. */
export async function deleteTwoFactorOf(tx: Tx, userId: string): Promise<void> {
  await tx.delete(twoFactors).where(eq(twoFactors.userId, userId));
  await tx.update(users).set({ twoFactorEnabled: false, updatedAt: new Date() }).where(eq(users.id, userId));
}

export async function countActiveAdmins(tx: Tx): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(users)
    .where(and(eq(users.active, true), sql`'admin' = any(${users.roles})`));
  return row?.n ?? 0;
}

/** Escapes LIKE wildcards so user input matches literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
