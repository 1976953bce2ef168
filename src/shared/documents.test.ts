import { describe, expect, it } from 'vitest';
import { extensionOf, isAcceptedDocument, maxFileNameLength, sanitizeFileName } from './documents.js';

describe('file names of uploaded documents', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['C:\\Users\\olena\\Довідка.pdf', 'Довідка.pdf'],
    ['  spaced \t name .pdf  ', 'spaced name .pdf'],
    ['line\nbreak\u0000.pdf', 'linebreak.pdf'],
    // A right-to-left override would show "invoice‮fdp.exe" as "invoiceexe.pdf".
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['zero\u200Bwidth.png', 'zerowidth.png'],
    ['.hidden.pdf', 'hidden.pdf'],
    ['Nguye\u0302\u0303n.pdf', 'Nguyễn.pdf'],
    ['../', ''],
  ])('keeps %j as %j', (raw, kept) => {
    expect(sanitizeFileName(raw)).toBe(kept);
  });

  it('shortens a long name before its extension', () => {
    const kept = sanitizeFileName(`${'я'.repeat(300)}.docx`);
    expect([...kept]).toHaveLength(maxFileNameLength);
    expect(kept.endsWith('я.docx')).toBe(true);
  });

  it('reads the extension in lower case, and none from a leading dot', () => {
    expect(extensionOf('Scan.JPEG')).toBe('jpeg');
    expect(extensionOf('archive.tar.gz')).toBe('gz');
    expect(extensionOf('.pdf')).toBe('');
    expect(extensionOf('README')).toBe('');
  });
});

describe('accepted documents', () => {
  it('accepts a known type whose name ends with one of its extensions', () => {
    expect(isAcceptedDocument('application/pdf', 'a.pdf')).toBe(true);
    expect(isAcceptedDocument('image/jpeg', 'a.JPG')).toBe(true);
    expect(isAcceptedDocument('image/heif', 'a.heic')).toBe(true);
    expect(isAcceptedDocument('application/msword', 'a.doc')).toBe(true);
  });

  it('refuses other types, and names that disagree with the content', () => {
    expect(isAcceptedDocument('image/png', 'a.pdf')).toBe(false);
    expect(isAcceptedDocument('application/x-msdownload', 'a.exe')).toBe(false);
    expect(isAcceptedDocument('application/zip', 'a.zip')).toBe(false);
    expect(isAcceptedDocument('application/pdf', 'a')).toBe(false);
    expect(isAcceptedDocument('application/vnd.ms-excel', 'a.doc')).toBe(false);
  });
});
