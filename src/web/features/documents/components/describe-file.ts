import { acceptedDocumentTypes } from '../../../../shared/index.js';

/** A file size as the reader's language writes it: 840 B, 12,5 kB, 3,2 MB. */
export function formatFileSize(bytes: number, locale: string): string {
  const [unit, value] =
    bytes >= 1024 * 1024 ? ['megabyte', bytes / 1024 / 1024] : bytes >= 1024 ? ['kilobyte', bytes / 1024] : ['byte', bytes];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** The short name of a document's kind (PDF, JPG, DOCX …), from the type found in its content. */
export function describeMediaType(mediaType: string): string {
  const type = acceptedDocumentTypes.find((candidate) => candidate.mediaType === mediaType);
  return type ? (type.extensions[0] ?? mediaType).toUpperCase() : mediaType;
}
