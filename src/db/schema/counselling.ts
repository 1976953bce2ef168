import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { branches } from './centre.js';
import { clients, consents } from './clients.js';
import { services } from './services.js';

export const appointments = pgTable(
  'appointments',
  {
    id: uuid().primaryKey().defaultRandom(),
    staffId: text()
      .notNull()
      .references(() => users.id),
    branchId: uuid().references(() => branches.id),
    /** The client, or for someone not yet registered a contact name and phone. */
    clientId: uuid().references(() => clients.id),
    contactName: text(),
    contactPhone: text(),
    contactEmail: text(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    place: text(),
    purpose: text(),
    interpreterLanguage: text(),
    status: text().$type<'booked' | 'attended' | 'no_show' | 'cancelled'>().notNull().default('booked'),
    cancelReason: text(),
    /** Who last set the status and when: only they may undo an attended or no-show, and only that day. */
    statusChangedBy: text().references(() => users.id),
    statusChangedAt: timestamp({ withTimezone: true }),
    /** The consultation recorded from this appointment once attended. */
    serviceId: uuid().references((): AnyPgColumn => services.id),
    createdBy: text().references(() => users.id),
    /** One more with every saved change; compared with `If-Match` (decision 017). */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.staffId, t.startsAt),
    index().on(t.branchId, t.startsAt),
    index().on(t.clientId, t.startsAt),
    // The centre-wide calendar, with no counsellor or branch chosen.
    index().on(t.startsAt),
  ],
);

export const consultations = pgTable(
  'consultations',
  {
    serviceId: uuid()
      .primaryKey()
      .references(() => services.id),
    form: text().$type<'in_person' | 'phone' | 'online' | 'email' | 'outreach'>().notNull(),
    kind: text().$type<'social' | 'legal' | 'other'>().notNull(),
    topics: text().array().notNull().default(sql`'{}'::text[]`),
    interpreterLanguage: text(),
    interpreterKind: text().$type<'partner' | 'staff'>(),
    /** Confidential for legal consultations: read only by legal counsellors and the author. */
    notes: text(),
    outcome: text(),
    followUp: text(),
    appointmentId: uuid().references((): AnyPgColumn => appointments.id),
    createdBy: text().references(() => users.id),
    /** One more with every saved change; compared with `If-Match` (decision 017). */
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex().on(t.appointmentId),
    // "Is this topic in use?" when the topic list changes.
    index('consultations_topics_idx').using('gin', t.topics),
  ],
);

/** A client's individual plan: goals in life areas, reviewed with the client, closed with an outcome. */
export const plans = pgTable(
  'plans',
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id),
    status: text().$type<'open' | 'closed'>().notNull().default('open'),
    openedOn: date().notNull(),
    responsibleId: text().references(() => users.id),
    nextReviewOn: date(),
    closedOn: date(),
    outcome: text(),
    createdBy: text().references(() => users.id),
    /** One more with every saved change; compared with `If-Match` (decision 017). */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.clientId),
    index().on(t.responsibleId, t.status),
    // One open plan per client.
    uniqueIndex('plans_one_open_per_client').on(t.clientId).where(sql`${t.status} = 'open'`),
  ],
);

export const planGoals = pgTable(
  'plan_goals',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid()
      .notNull()
      .references(() => plans.id),
    area: text().notNull(),
    title: text().notNull(),
    status: text().notNull(),
    /** The steps towards the goal, in order: `{ text, done }`. */
    steps: jsonb().$type<{ text: string; done: boolean }[]>().notNull().default([]),
    responsibleId: text().references(() => users.id),
    dueOn: date(),
    /** One more with every saved change; compared with `If-Match` (decision 017). */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.planId)],
);

export const planReviews = pgTable(
  'plan_reviews',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid()
      .notNull()
      .references(() => plans.id),
    reviewedOn: date().notNull(),
    summary: text().notNull(),
    reviewedBy: text().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.planId, t.reviewedOn)],
);

export const tasks = pgTable(
  'tasks',
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    description: text(),
    dueOn: date().notNull(),
    /** Null when nobody is responsible yet; coordinators see these. */
    assigneeId: text().references(() => users.id),
    clientId: uuid().references(() => clients.id),
    kind: text().$type<'manual' | 'permit_expiry'>().notNull().default('manual'),
    status: text().$type<'open' | 'done' | 'cancelled'>().notNull().default('open'),
    /** For tasks made by a job: one task per source key, however often the job runs. */
    sourceKey: text().unique(),
    /**
     * The consultation the task follows up, if any: its content rule (decision 022) is the task's, so
     * the title of a legal consultation's follow-up is read only by who may read that consultation.
     */
    consultationId: uuid().references(() => consultations.serviceId),
    createdBy: text().references(() => users.id),
    completedBy: text().references(() => users.id),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.assigneeId, t.status, t.dueOn), index().on(t.clientId), index().on(t.status, t.dueOn)],
);

export const documents = pgTable(
  'documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id),
    /** The consultation the document belongs to, if any. */
    serviceId: uuid().references(() => services.id),
    fileName: text().notNull(),
    mediaType: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    /** Where the bytes are, relative to the document store. */
    storageKey: text().notNull().unique(),
    description: text(),
    uploadedBy: text().references(() => users.id),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
    deletedBy: text().references(() => users.id),
  },
  (t) => [index().on(t.clientId, t.uploadedAt), index().on(t.serviceId)],
);

export const partners = pgTable(
  'partners',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    kind: text().notNull(),
    services: text(),
    contactPerson: text(),
    phone: text(),
    email: text(),
    website: text(),
    address: text(),
    municipality: text(),
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    note: text(),
    archived: boolean().notNull().default(false),
    /** One more with every saved change; compared with `If-Match` (decision 017). */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.name)],
);

export const referrals = pgTable(
  'referrals',
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id),
    referredOn: date().notNull(),
    reason: text().notNull(),
    status: text().$type<'sent' | 'accepted' | 'completed' | 'declined' | 'cancelled'>().notNull().default('sent'),
    outcome: text(),
    /** The consent to share data with partners that was in force when the referral was made. */
    consentId: uuid()
      .notNull()
      .references(() => consents.id),
    /** The consultation the referral came from, if any: its reason and outcome follow that consultation's content rule. */
    consultationId: uuid().references(() => consultations.serviceId),
    createdBy: text().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.clientId, t.referredOn), index().on(t.partnerId)],
);

/** A counsellor's personal calendar feed; only the token's hash is kept, and revoking ends it. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId)],
);

/** Messages to clients (appointment reminders), sent by the configured sender from here. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    channel: text().$type<'email' | 'sms'>().notNull(),
    recipient: text().notNull(),
    subject: text(),
    body: text().notNull(),
    clientId: uuid().references(() => clients.id),
    appointmentId: uuid().references(() => appointments.id),
    /** What the message is for, e.g. `reminder:<appointment id>:email`, so a job never queues it twice. */
    purposeKey: text().unique(),
    status: text().$type<'pending' | 'sending' | 'sent' | 'failed'>().notNull().default('pending'),
    sendAfter: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    sender: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.status, t.sendAfter), index().on(t.appointmentId), index().on(t.clientId), index().on(t.createdAt)],
);
