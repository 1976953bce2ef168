import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sanitizeFileName, uploadDocumentFields } from '../../../shared/index.js';
import { AppError, fieldError } from '../../http/app-error.js';
import { installNulCharacterGuard } from '../../http/nul-character-guard.js';
import type { DocumentStore } from './document-store.js';

/** A file received with an upload, waiting in the store's incoming folder for the use case to place it. */
export class ReceivedFile {
  constructor(
    readonly tempPath: string,
    /** The name as the browser sent it; the use case sanitises it. */
    readonly fileName: string,
    readonly sizeBytes: number,
    readonly sha256: string,
  ) {}
}

/**
 * The body of an upload as its route's schema sees it: the form fields and the received file. Only
 * a multipart part can become a ReceivedFile, so a JSON body is refused as a body without a file.
 */
export const uploadDocumentBody = z.strictObject({
  file: z
    .instanceof(ReceivedFile, { message: 'Send one file as the multipart/form-data part "file"' })
    .meta({ type: 'string', format: 'binary', description: 'The document; its type is checked by its content.' }),
  ...uploadDocumentFields,
});

const badForm = (message: string, field = 'body') => fieldError(field, 'invalid_form', message);

/**
 * Makes the routes of this scope accept one file in a multipart/form-data body: the file is
 * streamed to the document store (hashed on the way, refused at maxBytes, never held in memory)
 * before validation, and removed again whenever the use case does not place it.
 * Registered in a scope of its own, so the app's other routes keep their JSON body limit.
 */
export async function acceptUploads(app: FastifyInstance, store: DocumentStore, maxBytes: number): Promise<void> {
  await app.register(fastifyMultipart, {
    // busboy's own file limit sits one byte above ours, so the store's count is what refuses a file.
    limits: { fileSize: maxBytes + 1, fields: 10, fieldSize: 8 * 1024, parts: 12, headerPairs: 50 },
    throwFileSizeLimit: false,
  });
  const received = new WeakMap<FastifyRequest, string>();
  // A refused request (invalid fields, a failed use case) removes the file before it is answered;
  // any other ending, a dropped connection included, removes what is left once it is over.
  const discardReceived = async (request: FastifyRequest) => {
    const tempPath = received.get(request);
    received.delete(request);
    if (tempPath) await store.discard(tempPath);
  };

  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return;
    const fields: Record<string, unknown> = {};
    try {
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          fields[part.fieldname] = part.fieldname in fields ? [fields[part.fieldname], part.value].flat() : part.value;
          continue;
        }
        if (received.has(request)) throw badForm('Send one file per upload', 'body.file');
        if (part.fieldname !== 'file') throw badForm('Send the file as the part named "file"', 'body.file');
        // The name's extension is checked against the content, so a part without a usable name is refused here.
        if (!sanitizeFileName(part.filename ?? '')) throw badForm('Send the file with its file name', 'body.file');
        const incoming = await store.receive(part.file, maxBytes);
        if (!incoming) {
          throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${Math.floor(maxBytes / 1024 / 1024)} MiB`, { maxBytes });
        }
        received.set(request, incoming.tempPath);
        fields.file = new ReceivedFile(incoming.tempPath, part.filename, incoming.sizeBytes, incoming.sha256);
      }
    } catch (error) {
      await discardReceived(request);
      // A failure of the form itself (cut short, over a parser limit) is the sender's; a failure of
      // the disk is ours and stays a 500.
      if (error instanceof AppError || isFileSystemError(error)) throw error;
      throw badForm('The multipart/form-data body could not be read');
    }
    request.body = fields;
  });
  // The app checks parsed bodies for NUL characters before this scope's form is read: check again.
  installNulCharacterGuard(app);
  app.addHook('onError', discardReceived);
  app.addHook('onResponse', discardReceived);
  app.addHook('onRequestAbort', discardReceived);
}

function isFileSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}
