import { type SQL, sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ConsentPurpose, EligibilityReason, ResidenceCategory } from '../../shared/index.js';
import { users } from './auth.js';
import { branches } from './centre.js';
import { projects } from './projects.js';

export const clients = pgTable(
  'clients',
  {
    id: uuid().primaryKey().defaultRandom(),
    clientNumber: text().notNull().unique(),
    givenName: text().notNull(),
    familyName: text().notNull(),
    givenNameNative: text(),
    familyNameNative: text(),
    sex: text().$type<'female' | 'male' | 'other' | 'unknown'>().notNull(),
    dateOfBirth: date(),
    citizenships: text().array().notNull().default(sql`'{}'::text[]`),
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    preferredLanguage: text(),
    phone: text(),
    email: text(),
    street: text(),
    municipality: text(),
    postcode: text(),
    district: text(),
    branchId: uuid().references(() => branches.id),
    note: text(),
    // The current residence record, copied here so lists filter and sort without a join.
    residenceCategory: text().$type<ResidenceCategory>(),
    residenceValidFrom: date(),
    residenceValidUntil: date(),
    /** Accent- and case-folded names for the plain name search (kept by a generated column). */
    searchText: text().generatedAlwaysAs(
      (): SQL =>
        sql`integra_fold(coalesce(${clients.givenName}, '') || ' ' || coalesce(${clients.familyName}, '') || ' ' || coalesce(${clients.givenNameNative}, '') || ' ' || coalesce(${clients.familyNameNative}, ''))`,
    ),
    archived: boolean().notNull().default(false),
    archivedAt: timestamp({ withTimezone: true }),
    archiveReason: text(),
    createdBy: text().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.familyName, t.givenName, t.id),
    index().on(t.givenName, t.familyName, t.id),
    index().on(t.createdAt),
    index().on(t.dateOfBirth),
    index().on(t.branchId),
    index().on(t.residenceCategory),
    index().on(t.residenceValidUntil),
    index('clients_citizenships_idx').using('gin', t.citizenships),
    index('clients_search_text_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** The history of a client's residence status; the newest record is the current one. */
export const residenceRecords = pgTable(
  'residence_records',
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id),
    category: text().$type<ResidenceCategory>().notNull(),
    permitType: text(),
    validFrom: date(),
    validUntil: date(),
    recordedBy: text().references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.clientId, t.recordedAt)],
);

export const consents = pgTable(
  'consents',
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id),
    purpose: text().$type<ConsentPurpose>().notNull(),
    givenOn: date().notNull(),
    withdrawnOn: date(),
    note: text(),
    recordedBy: text()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.clientId)],
);

/** Eligibility of each client for each active project, recomputed by the pure rule on every change. */
export const clientEligibility = pgTable(
  'client_eligibility',
  {
    clientId: uuid()
      .notNull()
      .references(() => clients.id),
    projectId: uuid()
      .notNull()
      .references(() => projects.id),
    eligible: boolean().notNull(),
    reasons: jsonb().$type<EligibilityReason[]>().notNull(),
    computedOn: date().notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.projectId] }), index().on(t.projectId, t.eligible)],
);

/** The last client number handed out in each year. */
export const clientNumberCounters = pgTable('client_number_counters', {
  year: integer().primaryKey(),
  lastValue: integer().notNull(),
});
