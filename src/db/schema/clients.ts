import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
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
    /**
     * Comparison keys of every part of the four names (see shared/names), computed in TypeScript on
     * each write; `nameKeysVersion` tells which version of the key rules made them, so start-up can
     * recompute rows made by an older one.
     */
    nameKeys: text().array().notNull().default(sql`'{}'::text[]`),
    /** The same keys as one string, " key key ", for trigram similarity and prefix search. */
    nameKeyText: text().notNull().default(''),
    nameKeysVersion: smallint().notNull().default(0),
    /** The phone number's digits without a leading 00 and without the Czech 420, for search in any format. */
    phoneDigits: text().generatedAlwaysAs(
      (): SQL =>
        sql`nullif(regexp_replace(regexp_replace(regexp_replace(coalesce(${clients.phone}, ''), '[^0-9]', '', 'g'), '^00', ''), '^420(?=[0-9]{9}$)', ''), '')`,
    ),
    /** Set when this record was merged into another (the survivor); the record then only points there. */
    mergedIntoId: uuid().references((): AnyPgColumn => clients.id),
    mergedAt: timestamp({ withTimezone: true }),
    archived: boolean().notNull().default(false),
    archivedAt: timestamp({ withTimezone: true }),
    archiveReason: text(),
    /** One more with every saved change; compared with `If-Match` (decision 017). */
    version: integer().notNull().default(1),
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
    index('clients_name_keys_idx').using('gin', t.nameKeys),
    index('clients_name_key_text_trgm_idx').using('gin', sql`${t.nameKeyText} gin_trgm_ops`),
    index('clients_phone_digits_reversed_idx').on(sql`reverse(${t.phoneDigits}) text_pattern_ops`),
    // Any six or more digits of the number, wherever they are in it: a trigram index serves LIKE '%…%'.
    index('clients_phone_digits_trgm_idx').using('gin', sql`${t.phoneDigits} gin_trgm_ops`),
    index('clients_email_lower_idx').on(sql`lower(${t.email})`),
    index().on(t.mergedIntoId),
    index().on(t.nameKeysVersion),
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
