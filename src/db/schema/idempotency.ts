import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Answers to creating requests sent with an `Idempotency-Key` (decision 017), kept a day so that the
 * same request sent again (a double click, a retry after a lost answer) gets the first answer instead
 * of making a second record. The row is inserted before the request is handled: its primary key
 * makes two requests with one key at the same moment handled once.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: text().notNull(),
    key: text().notNull(),
    /** Method and route pattern, e.g. `POST /api/clients/:id/consultations`. */
    route: text().notNull(),
    /** SHA-256 of the method, the path and the body: the same key with another request is refused. */
    fingerprint: text().notNull(),
    /** Null while the first request is being handled. */
    status: integer(),
    /** The answer's body as sent (JSON text), and the headers that matter to a replay. */
    body: text(),
    headers: jsonb().$type<Record<string, string>>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index().on(t.createdAt)],
);
