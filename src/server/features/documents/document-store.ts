import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A file written to the store's incoming folder, with its size and SHA-256 taken on the way. */
export type IncomingFile = { tempPath: string; sizeBytes: number; sha256: string };

/**
 * The folder that keeps uploaded documents. Files are named by a generated storage key, never by
 * anything a user typed; a file being received waits in `.incoming` on the same file system, so
 * placing it is one atomic rename.
 */
export type DocumentStore = {
  /** Writes the stream to the incoming folder; null (and nothing left behind) when it exceeds maxBytes. */
  receive: (stream: Readable, maxBytes: number) => Promise<IncomingFile | null>;
  /** Moves a received file to its storage key. */
  place: (tempPath: string, storageKey: string) => Promise<void>;
  /** A stream of a stored file, or null when the file is missing. */
  read: (storageKey: string) => Promise<Readable | null>;
  /** Removes a stored file, if it is there. */
  remove: (storageKey: string) => Promise<void>;
  /** Removes a received file that will not be placed, if it is still there. */
  discard: (tempPath: string) => Promise<void>;
};

/** The storage key of a new document: spread over 256 folders by the first characters of its id. */
export function storageKeyOf(documentId: string): string {
  return `${documentId.slice(0, 2)}/${documentId}`;
}

class TooLarge extends Error {}

export function createDocumentStore(root: string): DocumentStore {
  const incoming = path.join(root, '.incoming');
  const pathOf = (storageKey: string) => {
    const resolved = path.resolve(root, storageKey);
    if (!resolved.startsWith(`${path.resolve(root)}${path.sep}`)) throw new Error('Storage key outside the document folder');
    return resolved;
  };

  return {
    async receive(stream, maxBytes) {
      await mkdir(incoming, { recursive: true, mode: 0o700 });
      const tempPath = path.join(incoming, `${randomUUID()}.part`);
      const hash = createHash('sha256');
      let sizeBytes = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          sizeBytes += chunk.length;
          if (sizeBytes > maxBytes) return done(new TooLarge());
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        // flush: the bytes are on disk before the metadata row that points to them is committed.
        await pipeline(stream, measure, createWriteStream(tempPath, { mode: 0o600, flush: true }));
      } catch (error) {
        await rm(tempPath, { force: true });
        if (error instanceof TooLarge) return null;
        throw error;
      }
      return { tempPath, sizeBytes, sha256: hash.digest('hex') };
    },

    async place(tempPath, storageKey) {
      const target = pathOf(storageKey);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await rename(tempPath, target);
    },

    async read(storageKey) {
      try {
        const handle = await open(pathOf(storageKey), 'r');
        return handle.createReadStream();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },

    remove: (storageKey) => rm(pathOf(storageKey), { force: true }),
    discard: (tempPath) => rm(tempPath, { force: true }),
  };
}
