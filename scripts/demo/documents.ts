import { Readable } from 'node:stream';
import type { DocumentStore } from '../../src/server/features/documents/document-store.js';
import { uploadDocument } from '../../src/server/features/documents/documents.service.js';
import type { Ctx } from '../../src/server/http/context.js';
import { uploadDocumentInput } from '../../src/shared/index.js';
import { stripDiacritics } from './transliteration.js';

/**
 * A one-page PDF showing the given lines, marked as a demo document. The built-in Helvetica has no
 * Czech letters, so the text goes without diacritics (and other letters beyond ASCII become dashes).
 */
function createDemoPdf(lines: readonly string[]): Buffer {
  const toPdfText = (line: string) =>
    stripDiacritics(line)
      .replace(/[^ -~]/g, '-')
      .replace(/[\\()]/g, (c) => `\\${c}`);
  const text = ['INTEGRA - UKAZKOVY DOKUMENT (DEMO)', '', ...lines]
    .map((line, index) => `BT /F1 ${index === 0 ? 14 : 11} Tf 72 ${770 - index * 20} Td (${toPdfText(line)}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/**
 * Uploads a demo PDF to a client (or one of the client's consultations) the way the upload route
 * does: the file is received into the store's incoming folder, then the use case checks its type,
 * keeps it and audits the upload.
 */
export async function uploadDemoDocument(
  ctx: Ctx,
  store: DocumentStore,
  clientId: string,
  document: { fileName: string; description: string; lines: readonly string[]; consultationId?: string },
): Promise<void> {
  const content = createDemoPdf(document.lines);
  const incoming = await store.receive(Readable.from([content]), content.length);
  if (!incoming) throw new Error('The demo document did not fit the size it was given');
  const input = uploadDocumentInput.parse({ description: document.description, consultationId: document.consultationId });
  await uploadDocument(ctx, store, clientId, { ...incoming, fileName: document.fileName }, input);
}
