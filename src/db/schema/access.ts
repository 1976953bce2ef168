import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { clients } from './clients.js';

/**
 * "Breaking the glass" (decision 022): a staff member whose role is kept to its own branch opens a
 * client of another branch for a stated reason, until `expires_at`. The reason is kept here, not in
 * the audit trail (it is free text and may name people); the data protection officer reads both.
 */
export const breakGlassGrants = pgTable(
  'break_glass_grants',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id),
    clientId: uuid()
      .notNull()
      .references(() => clients.id),
    reason: text().notNull(),
    /** The client's branch when the glass was broken (null: the client had none). */
    clientBranchId: uuid(),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.userId, t.clientId, t.expiresAt), index().on(t.grantedAt), index().on(t.clientId)],
);
