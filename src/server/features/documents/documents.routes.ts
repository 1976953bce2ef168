import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptedDocumentExtensions,
  documentResponse,
  documentUploadRules,
  errorResponse,
  idParams,
  listDocumentsQuery,
  okResponse,
  page,
} from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { createDocumentStore, type DocumentStore } from './document-store.js';
import { acceptUploads, uploadDocumentBody } from './document-upload.js';
import { deleteDocument, findClientDocuments, openDocumentContent, uploadDocument } from './documents.service.js';

export type DocumentsRoutesOptions = {
  /** The folder that keeps the files (`config.documentDir`). */
  documentDir: string;
  /** The largest file accepted (`config.documentMaxBytes`). */
  maxBytes: number;
};

/**
 * The Content-Disposition of a download: always an attachment (never shown inside Integra's own
 * pages), with an ASCII stand-in for the name and the exact name encoded as RFC 5987 / 6266 say.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export const documentsRoutes: FastifyPluginAsyncZod<DocumentsRoutesOptions> = async (app, options) => {
  const store = createDocumentStore(options.documentDir);
  await app.register(uploadRoutes, { store, maxBytes: options.maxBytes });

  app.get(
    '/api/documents/upload-rules',
    {
      config: { access: 'documents.write' },
      schema: {
        tags: ['documents'],
        summary: 'The largest file and the kinds of file an upload accepts',
        response: { 200: documentUploadRules },
      },
    },
    () => ({ maxBytes: options.maxBytes, extensions: acceptedDocumentExtensions }),
  );

  app.get(
    '/api/clients/:id/documents',
    {
      config: { access: 'counselling.read' },
      schema: {
        tags: ['documents'],
        summary: "A client's documents, newest first (the read is audited)",
        description:
          "A document of a legal consultation is listed for everyone who may read counselling; only legal counsellors and the consultation's author see its name and description, others get `restricted: true` with both null, and `restrictedReason` says why: `legal_content`, or `role` for roles that read no documents (who uploaded a document always sees its name).",
        params: idParams,
        querystring: listDocumentsQuery,
        response: { 200: page(documentResponse), 404: errorResponse, 409: errorResponse },
      },
    },
    (request) => findClientDocuments(contextOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/documents/:id/content',
    {
      config: { access: 'documents.read' },
      schema: {
        tags: ['documents'],
        summary: "Download a document's file (every download is audited first)",
        description:
          "Answers the file as an attachment with the type found in its content, `X-Content-Type-Options: nosniff` and `Cache-Control: no-store`. A document of a legal consultation: 403 unless the reader is a legal counsellor or the consultation's author.",
        params: idParams,
        produces: ['application/octet-stream'],
        response: {
          200: z.unknown().meta({ description: 'The file, in the type found in its content', type: 'string', format: 'binary' }),
          403: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const content = await openDocumentContent(contextOf(request), store, request.params.id);
      return reply
        .header('content-type', content.mediaType)
        .header('content-length', content.sizeBytes)
        .header('content-disposition', attachmentDisposition(content.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(content.stream);
    },
  );

  app.delete(
    '/api/documents/:id',
    {
      config: { access: 'documents.write' },
      schema: {
        tags: ['documents'],
        summary: 'Delete a document from the client record',
        description: 'The document is no longer listed or served; the deletion is audited and the file is kept until retention removes it.',
        params: idParams,
        response: { 200: okResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request) => {
      await deleteDocument(contextOf(request), request.params.id);
      return { ok: true as const };
    },
  );
};

/** The upload, in a scope of its own: only here is a multipart body read. */
const uploadRoutes: FastifyPluginAsyncZod<{ store: DocumentStore; maxBytes: number }> = async (app, { store, maxBytes }) => {
  await acceptUploads(app, store, maxBytes);
  app.post(
    '/api/clients/:id/documents',
    {
      config: { access: 'documents.write' },
      schema: {
        tags: ['documents'],
        summary: 'Upload a document to a client, or to one of their consultations',
        description: [
          'A multipart/form-data body with one file (part `file`) and optionally `description` and `consultationId`.',
          'Accepted: PDF, JPEG, PNG, WebP, HEIC, DOCX, XLSX, ODT, ODS, DOC and XLS, recognised by their content; the name',
          'must end with the extension of that kind (415 UNSUPPORTED_MEDIA_TYPE otherwise). A file over the configured size',
          'limit (INTEGRA_DOCUMENT_MAX_MB) is refused with 413 PAYLOAD_TOO_LARGE and nothing is kept.',
        ].join(' '),
        consumes: ['multipart/form-data'],
        params: idParams,
        body: uploadDocumentBody,
        response: { 201: documentResponse, 404: errorResponse, 409: errorResponse, 413: errorResponse, 415: errorResponse },
      },
    },
    async (request, reply) => {
      const { file, ...input } = request.body;
      return reply.status(201).send(await uploadDocument(contextOf(request), store, request.params.id, file, input));
    },
  );
};
