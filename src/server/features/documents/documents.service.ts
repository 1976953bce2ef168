import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  acceptedDocumentExtensions,
  mayReadDocument,
  type ConsultationKind,
  type DocumentResponse,
  documentRestriction,
  isAcceptedDocument,
  type ListDocumentsQuery,
  sanitizeFileName,
  type UploadDocumentInput,
} from '../../../shared/index.js';
import type { Tx } from '../../../db/open-database.js';
import { AppError, fieldError, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireChangeableClient, requireUnmergedClient } from '../clients/clients.service.js';
import { toStaffReference } from '../users/users.service.js';
import { type DocumentStore, storageKeyOf } from './document-store.js';
import { detectMediaType } from './document-types.js';
import {
  consultationOfClientExists,
  type DocumentWithContext,
  insertDocument,
  markDocumentDeleted,
  selectClientDocuments,
  selectDocument,
} from './documents.repo.js';

/**
 * Whether the reader may see a document's name and content: only holders of documents.read (a file's
 * name can say as much as the file: "psychiatric report.pdf"), and of a legal consultation's document
 * only those who may read the consultation. Others see that a document exists, its type and date.
 */
function maySeeDocument(ctx: Ctx, row: DocumentWithContext): boolean {
  return mayReadDocument(ctx.actor, row.consultationKind as ConsultationKind | null, row.consultationAuthor);
}

/** Why the list hides the document's name, or null: it shows it to those who may see it, and to whoever uploaded it. */
const restrictionOf = (ctx: Ctx, row: DocumentWithContext) =>
  row.document.uploadedBy === ctx.actor.id
    ? null
    : documentRestriction(ctx.actor, row.consultationKind as ConsultationKind | null, row.consultationAuthor);

function toDocumentResponse(ctx: Ctx, row: DocumentWithContext): DocumentResponse {
  const { document } = row;
  const restrictedReason = restrictionOf(ctx, row);
  const visible = restrictedReason === null;
  return {
    id: document.id,
    clientId: document.clientId,
    consultationId: document.serviceId,
    restricted: !visible,
    restrictedReason,
    fileName: visible ? document.fileName : null,
    description: visible ? document.description : null,
    mediaType: document.mediaType,
    // An exact size, like a checksum, would help confirm a guessed file.
    sizeBytes: visible ? document.sizeBytes : null,
    // A checksum would let someone confirm a guessed file.
    sha256: visible ? document.sha256 : null,
    uploadedBy: toStaffReference(document.uploadedBy, row.uploadedByName),
    uploadedAt: document.uploadedAt.toISOString(),
  };
}

export type UploadedFile = { tempPath: string; fileName: string; sizeBytes: number; sha256: string };

/**
 * Keeps a received file as a client's document. The type is taken from the content, and the name's
 * extension must agree with it. The metadata row and its audit entry are written in one
 * transaction that also moves the file into place, so a failed write leaves no file behind and a
 * placed file always has its row. The received file is gone afterwards, whatever happened.
 */
export async function uploadDocument(
  ctx: Ctx,
  store: DocumentStore,
  clientId: string,
  file: UploadedFile,
  input: UploadDocumentInput,
): Promise<DocumentResponse> {
  try {
    const fileName = sanitizeFileName(file.fileName);
    const mediaType = await detectMediaType(file.tempPath);
    if (!mediaType || !isAcceptedDocument(mediaType, fileName)) {
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        'This kind of file is not accepted, or its name does not end with the extension of its kind',
        { accepted: acceptedDocumentExtensions },
      );
    }
    const id = randomUUID();
    const storageKey = storageKeyOf(id);
    try {
      await ctx.db.transaction(async (tx) => {
        await requireChangeableClient(tx, clientId, { lock: true });
        if (input.consultationId && !(await consultationOfClientExists(tx, clientId, input.consultationId))) {
          throw fieldError('body.consultationId', 'unknown_consultation', 'No such consultation of this client');
        }
        await insertDocument(tx, {
          id,
          clientId,
          serviceId: input.consultationId ?? null,
          fileName,
          mediaType,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          storageKey,
          description: input.description ?? null,
          uploadedBy: ctx.actor.id,
          uploadedAt: ctx.now,
        });
        await recordAudit(tx, ctx, {
          action: 'document.uploaded',
          entityType: 'document',
          entityId: id,
          clientId,
          changes: [
            'fileName',
            'mediaType',
            'sizeBytes',
            ...(input.description ? ['description'] : []),
            ...(input.consultationId ? ['consultationId'] : []),
          ].map((field) => ({ field })),
        });
        await store.place(file.tempPath, storageKey);
      });
    } catch (error) {
      await store.remove(storageKey);
      throw error;
    }
    return toDocumentResponse(ctx, (await selectDocument(ctx.db, id)) as DocumentWithContext);
  } finally {
    await store.discard(file.tempPath);
  }
}

/** One page of a client's documents, newest first. The read is audited with the client. */
export async function findClientDocuments(ctx: Ctx, clientId: string, query: ListDocumentsQuery) {
  await requireUnmergedClient(ctx.db, clientId);
  const { rows, total } = await selectClientDocuments(ctx.db, clientId, query);
  await recordAudit(ctx.db, ctx, { action: 'document.read', entityType: 'client', entityId: clientId, clientId });
  return { items: rows.map((row) => toDocumentResponse(ctx, row)), total };
}

/** A document the reader may see, or 404 / 403 (for a legal consultation's document of someone else). */
async function requireVisibleDocument(ctx: Ctx, tx: Tx, id: string): Promise<DocumentWithContext> {
  const row = await selectDocument(tx, id);
  if (!row) throw notFound('Document');
  if (!maySeeDocument(ctx, row)) {
    throw new AppError(
      'FORBIDDEN',
      "Only counsellors may open documents, and a legal consultation's document only legal counsellors and its author",
    );
  }
  return row;
}

export type DocumentContent = { stream: Readable; fileName: string; mediaType: string; sizeBytes: number };

/**
 * Opens a document's file for download. The download is audited before a byte is sent; a file
 * missing from the store is the server's fault (500, logged), not the reader's.
 */
export async function openDocumentContent(ctx: Ctx, store: DocumentStore, id: string): Promise<DocumentContent> {
  const { document } = await requireVisibleDocument(ctx, ctx.db, id);
  const stream = await store.read(document.storageKey);
  if (!stream) throw new Error(`The file of document ${id} is missing from the document folder`);
  try {
    await recordAudit(ctx.db, ctx, { action: 'document.downloaded', entityType: 'document', entityId: id, clientId: document.clientId });
  } catch (error) {
    stream.destroy();
    throw error;
  }
  return { stream, fileName: document.fileName, mediaType: document.mediaType, sizeBytes: document.sizeBytes };
}

/**
 * Deletes a document from the client's record: it is no longer listed or served, while its row
 * (who deleted it, when) and its file stay for the retention rules to remove (decision 013).
 */
export async function deleteDocument(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { document } = await requireVisibleDocument(ctx, tx, id);
    await requireChangeableClient(tx, document.clientId, { lock: true });
    if (!(await markDocumentDeleted(tx, id, ctx.actor.id, ctx.now))) throw notFound('Document');
    await recordAudit(tx, ctx, {
      action: 'document.deleted',
      entityType: 'document',
      entityId: id,
      clientId: document.clientId,
      changes: [{ field: 'deletedAt' }],
    });
  });
}
