import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ServiceKind } from '../../shared/index.js';
import { users } from './auth.js';
import { branches } from './centre.js';
import { clients } from './clients.js';
import { projects } from './projects.js';

/**
 * The ledger of services delivered: one row per service, whatever its kind. Reports count from here,
 * so a person served in three ways is one participant. Each kind keeps its own details in a table of
 * its own whose primary key is the service's id (consultations now; enquiries, course attendance and
 * event attendance later).
 */
export const services = pgTable(
  'services',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().$type<ServiceKind>().notNull(),
    occurredOn: date().notNull(),
    startedAt: timestamp({ withTimezone: true }),
    durationMinutes: integer(),
    projectId: uuid().references(() => projects.id),
    branchId: uuid().references(() => branches.id),
    staffId: text().references(() => users.id),
    /** Null for an anonymous service, which keeps only the profile below. */
    clientId: uuid().references(() => clients.id),
    anonymousSex: text().$type<'female' | 'male' | 'other' | 'unknown'>(),
    anonymousAgeBand: text(),
    anonymousCitizenship: text(),
    anonymousResidenceCategory: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.clientId, t.occurredOn),
    index().on(t.occurredOn, t.kind),
    index().on(t.projectId, t.occurredOn),
    index().on(t.staffId, t.occurredOn),
  ],
);
