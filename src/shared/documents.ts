import { z } from 'zod';
import { optionalText, pagingQuery, removeInvisibleMarks, uuid } from './common.js';
import { documentRestrictedReasons } from './counselling.js';

/**
 * The kinds of file the centre accepts, as found in the file's content (never as claimed by the
 * browser or the name), each with the extensions a file name of that kind may end with.
 * Old Word and Excel files are accepted when their compound-file directory shows which they are.
 */
export const acceptedDocumentTypes = [
  { mediaType: 'application/pdf', extensions: ['pdf'] },
  { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  { mediaType: 'image/png', extensions: ['png'] },
  { mediaType: 'image/webp', extensions: ['webp'] },
  { mediaType: 'image/heic', extensions: ['heic', 'heif'] },
  { mediaType: 'image/heif', extensions: ['heic', 'heif'] },
  { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  { mediaType: 'application/msword', extensions: ['doc'] },
  { mediaType: 'application/vnd.ms-excel', extensions: ['xls'] },
] as const satisfies readonly { mediaType: string; extensions: readonly string[] }[];

/** Every extension an accepted file may have, for the upload form's file picker and its hint. */
export const acceptedDocumentExtensions = [...new Set(acceptedDocumentTypes.flatMap((type) => type.extensions))];

/** The extension of a file name, lower case and without the dot; '' when it has none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** True when the content's media type is accepted and the name's extension agrees with it. */
export function isAcceptedDocument(mediaType: string, fileName: string): boolean {
  const extension = extensionOf(fileName);
  return acceptedDocumentTypes.some((type) => type.mediaType === mediaType && (type.extensions as readonly string[]).includes(extension));
}

/** The longest file name kept (in characters); longer names are shortened before the extension. */
export const maxFileNameLength = 200;

/**
 * The name to keep for an uploaded file: the last part of any path the browser sent, without
 * control or invisible formatting characters (a right-to-left override can disguise `exe` as
 * `pdf`), in NFC, with runs of white space made one space. Letters of every script are kept.
 */
export function sanitizeFileName(raw: string): string {
  const lastPart = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = removeInvisibleMarks(lastPart.normalize('NFC'))
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^\.+/, '');
  const characters = [...cleaned];
  if (characters.length <= maxFileNameLength) return cleaned;
  const extension = extensionOf(cleaned);
  const keep = extension ? maxFileNameLength - extension.length - 1 : maxFileNameLength;
  return `${characters.slice(0, keep).join('').trimEnd()}${extension ? `.${extension}` : ''}`;
}

/** The form fields sent with the file (multipart/form-data) when uploading a document. */
export const uploadDocumentFields = {
  /** What the document is, e.g. "Residence permit, both sides". */
  description: optionalText(500).optional(),
  /** A consultation of this client the document belongs to. */
  consultationId: uuid.optional(),
};
export const uploadDocumentInput = z.strictObject(uploadDocumentFields);
export type UploadDocumentInput = z.infer<typeof uploadDocumentInput>;

export const listDocumentsQuery = z.strictObject({
  /** Only the documents of this consultation. */
  consultationId: uuid.optional(),
  ...pagingQuery,
});
export type ListDocumentsQuery = z.infer<typeof listDocumentsQuery>;

export const documentResponse = z
  .object({
    id: uuid,
    clientId: uuid,
    consultationId: uuid.nullable(),
    /**
     * True for a document of a legal consultation the reader may not see: its name and description
     * are left out (null) and it cannot be downloaded, as the content of the consultation itself.
     */
    restricted: z.boolean(),
    /** Why it is restricted: `role` (the reader's roles do not read documents) or `legal_content`; null when not. */
    restrictedReason: z.enum(documentRestrictedReasons).nullable(),
    fileName: z.string().nullable(),
    description: z.string().nullable(),
    /** The type found in the content; the file is served with it. */
    mediaType: z.string(),
    /** Null with `restricted`: an exact size helps confirm a guessed file. */
    sizeBytes: z.number().int().nullable(),
    /** SHA-256 of the content, hexadecimal. */
    /** Null with `restricted`. */
    sha256: z.string().nullable(),
    uploadedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'Document' });
export type DocumentResponse = z.infer<typeof documentResponse>;

/** What an upload may be, for the form to say so before a file is sent. */
export const documentUploadRules = z.object({
  /** The largest file accepted, in bytes (INTEGRA_DOCUMENT_MAX_MB). */
  maxBytes: z.number().int(),
  /** The extensions of the accepted kinds; the content must match the extension. */
  extensions: z.array(z.string()),
});
export type DocumentUploadRules = z.infer<typeof documentUploadRules>;
