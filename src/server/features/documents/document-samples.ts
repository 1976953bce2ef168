/**
 * Small files of each kind the tests upload: just enough structure for the content to be
 * recognised as what it is (or, for the refused ones, as what it really is).
 */

/** A zip archive whose entries are stored uncompressed (as Office and OpenDocument files are zips). */
function storedZip(entries: { name: string; content: string }[]): Buffer {
  const parts = entries.map(({ name, content }) => {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    return Buffer.concat([header, nameBytes, data]);
  });
  return Buffer.concat(parts);
}

/**
 * A compound file (the container of Word and Excel 97–2003): a header, one FAT sector and one
 * directory sector naming the root and the given streams.
 */
function compoundFile(streamNames: string[]): Buffer {
  const sector = 512;
  const header = Buffer.alloc(sector, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(1, 0x30);
  header.fill(0xff, 0x4c);
  header.writeUInt32LE(0, 0x4c);
  const fat = Buffer.alloc(sector, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  const directory = Buffer.alloc(sector, 0);
  ['Root Entry', ...streamNames].slice(0, 4).forEach((name, index) => {
    const offset = index * 128;
    directory.write(name, offset, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, offset + 0x40);
    directory.writeUInt8(index === 0 ? 5 : 2, offset + 0x42);
  });
  return Buffer.concat([header, fat, directory]);
}

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from([0, 0, 0, 13]),
  Buffer.from('IHDR', 'latin1'),
  Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde]),
  Buffer.from([0, 0, 0, 0]),
  Buffer.from('IEND', 'latin1'),
  Buffer.from([0xae, 0x42, 0x60, 0x82]),
]);

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.alloc(64, 0)]);

const docx = storedZip([
  {
    name: '[Content_Types].xml',
    content:
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  },
  { name: 'word/document.xml', content: '<w:document/>' },
]);

const odt = storedZip([
  { name: 'mimetype', content: 'application/vnd.oasis.opendocument.text' },
  { name: 'content.xml', content: '<office:document-content/>' },
]);

/** Windows executables start with "MZ". */
const exe = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(62, 0), Buffer.from('PE\0\0', 'latin1'), Buffer.alloc(200, 0)]);

export const samples = {
  pdf,
  png,
  jpeg,
  docx,
  odt,
  doc: compoundFile(['1Table', 'WordDocument']),
  xls: compoundFile(['Workbook']),
  /** A compound file that is neither Word nor Excel (an installer, say). */
  otherCompound: compoundFile(['SummaryInformation', 'Installer']),
  exe,
  text: Buffer.from('Dobrý den, this is only text.\n', 'utf8'),
};
