import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';

/**
 * The media type a file's content shows (its magic bytes and structure), or undefined when the
 * content is of no kind known here (text, for one, has no signature). What the browser or the
 * name claims plays no part.
 */
export async function detectMediaType(filePath: string): Promise<string | undefined> {
  const found = await fileTypeFromFile(filePath);
  if (!found) return undefined;
  // Old Office files, installers and Outlook messages share one container format (MS-CFB).
  if (found.mime === 'application/x-cfb') return detectCompoundDocument(filePath);
  return found.mime;
}

/** Sector numbers from here up are markers (end of chain, free …), not sectors. */
const lastRegularSector = 0xfffffffa;
/** The FAT sectors the header lists itself; a directory beyond them is not followed. */
const headerFatSectors = 109;
/** Enough for any real document's directory, and a bound on a malicious chain. */
const maxDirectorySectors = 64;

/**
 * Word 97–2003 or Excel 97–2003, told apart by the streams their compound file's directory names
 * (`WordDocument`; `Workbook` or `Book`); undefined for any other compound file.
 */
async function detectCompoundDocument(filePath: string): Promise<string | undefined> {
  const handle = await open(filePath, 'r');
  try {
    const read = async (position: number, length: number) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    };
    const header = await read(0, 512);
    if (header.length < 512) return undefined;
    const sectorSize = 2 ** header.readUInt16LE(0x1e);
    if (sectorSize !== 512 && sectorSize !== 4096) return undefined;
    const entriesPerFatSector = sectorSize / 4;
    const offsetOf = (sector: number) => (sector + 1) * sectorSize;
    const nextSector = async (sector: number) => {
      const fatIndex = Math.floor(sector / entriesPerFatSector);
      if (fatIndex >= headerFatSectors) return lastRegularSector;
      const entry = await read(offsetOf(header.readUInt32LE(0x4c + fatIndex * 4)) + (sector % entriesPerFatSector) * 4, 4);
      return entry.length === 4 ? entry.readUInt32LE(0) : lastRegularSector;
    };

    const names = new Set<string>();
    let sector = header.readUInt32LE(0x30);
    for (let visited = 0; sector < lastRegularSector && visited < maxDirectorySectors; visited++) {
      const entries = await read(offsetOf(sector), sectorSize);
      // Each directory entry is 128 bytes: its name in UTF-16, then the name's length in bytes.
      for (let offset = 0; offset + 128 <= entries.length; offset += 128) {
        const nameBytes = entries.readUInt16LE(offset + 0x40);
        if (nameBytes >= 2 && nameBytes <= 64) names.add(entries.toString('utf16le', offset, offset + nameBytes - 2));
      }
      sector = await nextSector(sector);
    }
    if (names.has('WordDocument')) return 'application/msword';
    if (names.has('Workbook') || names.has('Book')) return 'application/vnd.ms-excel';
    return undefined;
  } finally {
    await handle.close();
  }
}
