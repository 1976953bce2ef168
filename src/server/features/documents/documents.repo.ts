import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { consultations, documents, services, users } from '../../../db/schema/index.js';
import type { ListDocumentsQuery } from '../../../shared/index.js';

export type NewDocumentRow = typeof documents.$inferInsert;

/** Whether the id is a consultation of this client. */
export async function consultationOfClientExists(tx: Tx, clientId: string, consultationId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: services.id })
    .from(services)
    .innerJoin(consultations, eq(consultations.serviceId, services.id))
    .where(and(eq(services.id, consultationId), eq(services.kind, 'consultation'), eq(services.clientId, clientId)));
  return row !== undefined;
}

export async function insertDocument(tx: Tx, values: NewDocumentRow) {
  const [row] = await tx.insert(documents).values(values).returning();
  return row as typeof documents.$inferSelect;
}

/**
 * The columns of a document as listed or served, with who uploaded it and, for a document of a
 * consultation, that consultation's kind and author (which decide whether its content is shown).
 */
const documentColumns = {
  document: documents,
  uploadedByName: users.name,
  consultationKind: consultations.kind,
  consultationAuthor: consultations.createdBy,
};

export type DocumentWithContext = {
  document: typeof documents.$inferSelect;
  uploadedByName: string | null;
  consultationKind: string | null;
  consultationAuthor: string | null;
};

/** A document that was not deleted, with its context. */
export async function selectDocument(tx: Tx, id: string): Promise<DocumentWithContext | undefined> {
  const [row] = await tx
    .select(documentColumns)
    .from(documents)
    .leftJoin(users, eq(users.id, documents.uploadedBy))
    .leftJoin(consultations, eq(consultations.serviceId, documents.serviceId))
    .where(and(eq(documents.id, id), isNull(documents.deletedAt)));
  return row;
}

/**
 * One page of a client's documents that were not deleted, newest first, and how many there are
 * (both by the index on client and upload time; the count is separate so that a page past the
 * last still knows the total).
 */
export async function selectClientDocuments(tx: Tx, clientId: string, query: ListDocumentsQuery) {
  const where = and(
    eq(documents.clientId, clientId),
    isNull(documents.deletedAt),
    query.consultationId ? eq(documents.serviceId, query.consultationId) : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    tx
      .select(documentColumns)
      .from(documents)
      .leftJoin(users, eq(users.id, documents.uploadedBy))
      .leftJoin(consultations, eq(consultations.serviceId, documents.serviceId))
      .where(where)
      .orderBy(desc(documents.uploadedAt), desc(documents.id))
      .limit(query.limit)
      .offset(query.offset),
    tx.select({ total: count() }).from(documents).where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

/** Marks a document deleted; false when it was already (a concurrent delete). */
export async function markDocumentDeleted(tx: Tx, id: string, deletedBy: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(documents)
    .set({ deletedAt: at, deletedBy })
    .where(and(eq(documents.id, id), isNull(documents.deletedAt)))
    .returning({ id: documents.id });
  return rows.length > 0;
}
