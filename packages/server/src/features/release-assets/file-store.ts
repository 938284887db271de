// Files behind WebResource fields (release assets): stored on disk under the server's data folder.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

/** What is known about a stored file besides its bytes. */
export interface StoredFileMeta {
  filename: string;
  contentType: string;
  size: number;
}

/** A folder of uploaded files addressed by random keys. */
export interface FileStore {
  /** Writes a stream to a new key; returns the key and the byte count. */
  put(stream: Readable, meta: Omit<StoredFileMeta, 'size'>): Promise<{ key: string; size: number }>;
  /** Concatenates files (in order) into a new key and returns it. */
  concat(
    sources: string[],
    meta: Omit<StoredFileMeta, 'size'>,
  ): Promise<{ key: string; size: number }>;
  /** Opens a stored file, or returns undefined for an unknown key. */
  open(key: string): Promise<{ stream: Readable; meta: StoredFileMeta } | undefined>;
  /** Deletes a stored file; unknown keys are ignored. */
  remove(key: string): Promise<void>;
  /** A scratch folder for upload parts. */
  readonly partsDir: string;
}

const KEY_PATTERN = /^[0-9a-f]{32}$/;

/**
 * Tells whether a string is a file key this store could have issued.
 * @param key the candidate.
 * @throws never
 * @example
 * isFileKey('0123456789abcdef0123456789abcdef'); // true
 */
export function isFileKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/**
 * Opens (creating it if needed) the file store of a server.
 * @param dataDir the server's data folder; `memory://` (or none) uses a fresh temporary folder.
 * @throws when the folder cannot be created.
 * @example
 * const store = createFileStore('.data');
 */
export function createFileStore(dataDir: string | undefined): FileStore {
  const root =
    dataDir == null || dataDir.startsWith('memory://')
      ? fs.mkdtempSync(path.join(os.tmpdir(), 'balena-local-files-'))
      : path.resolve(dataDir, 'files');
  const partsDir = path.join(root, 'parts');
  fs.mkdirSync(partsDir, { recursive: true });
  const dataPath = (key: string) => path.join(root, key);
  const metaPath = (key: string) => path.join(root, `${key}.json`);

  async function writeMeta(key: string, meta: StoredFileMeta) {
    await fsp.writeFile(metaPath(key), JSON.stringify(meta));
  }

  return {
    partsDir,
    async put(stream, meta) {
      const key = crypto.randomBytes(16).toString('hex');
      await pipeline(stream, fs.createWriteStream(dataPath(key)));
      const { size } = await fsp.stat(dataPath(key));
      await writeMeta(key, { ...meta, size });
      return { key, size };
    },
    async concat(sources, meta) {
      const key = crypto.randomBytes(16).toString('hex');
      const out = fs.createWriteStream(dataPath(key));
      for (const source of sources) {
        await pipeline(fs.createReadStream(source), out, { end: false });
      }
      await new Promise<void>((resolve, reject) =>
        out.end((err?: Error | null) => (err ? reject(err) : resolve())),
      );
      const { size } = await fsp.stat(dataPath(key));
      await writeMeta(key, { ...meta, size });
      return { key, size };
    },
    async open(key) {
      if (!isFileKey(key)) return undefined;
      try {
        const meta = JSON.parse(await fsp.readFile(metaPath(key), 'utf8')) as StoredFileMeta;
        return { stream: fs.createReadStream(dataPath(key)), meta };
      } catch {
        return undefined;
      }
    },
    async remove(key) {
      if (!isFileKey(key)) return;
      await fsp.rm(dataPath(key), { force: true });
      await fsp.rm(metaPath(key), { force: true });
    },
  };
}
