import { boolean, date, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { TargetGroupRule } from '../../shared/index.js';

export const projects = pgTable('projects', {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
  funder: text().notNull(),
  startsOn: date().notNull(),
  endsOn: date().notNull(),
  active: boolean().notNull().default(true),
  targetGroup: jsonb().$type<TargetGroupRule>().notNull(),
  description: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
