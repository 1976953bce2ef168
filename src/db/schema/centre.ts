import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The centre this installation runs; exactly one row. */
export const centre = pgTable(
  'centre',
  {
    id: integer().primaryKey().default(1),
    name: text().notNull(),
    regionCode: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('centre_single_row', sql`${t.id} = 1`)],
);

export const branches = pgTable('branches', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  municipality: text().notNull(),
  address: text(),
  archived: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Centre-wide settings by key, each value validated by the shared schema when read. */
export const settings = pgTable('settings', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
