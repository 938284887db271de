// Chunked ("multipart") upload sessions: begun on a release asset, parts PUT to signed URLs, then committed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

/** Smallest part size a client may ask for (as S3 multipart uploads). */
export const MINIMUM_PART_SIZE = 5 * 1024 * 1024;
/** Part size used when the client names none. */
export const DEFAULT_PART_SIZE = 5 * 1024 * 1024;
const SESSION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** One pending upload. */
export interface UploadSession {
  uuid: string;
  /** Secret that signs the part URLs. */
  token: string;
  resourceName: string;
  resourceId: number;
  fieldName: string;
  actor: number | undefined;
  filename: string;
  contentType: string;
  size: number;
  chunkSize: number;
  partCount: number;
  /** ETag (MD5 hex) of each received part, by part number. */
  partETags: Map<number, string>;
  expiresAt: number;
}

/** The in-memory registry of pending uploads (sessions do not survive a restart). */
export interface UploadSessions {
  begin(
    input: Omit<UploadSession, 'uuid' | 'token' | 'partCount' | 'partETags' | 'expiresAt'>,
  ): UploadSession;
  /** The pending, unexpired session with this uuid, if any. */
  find(uuid: string): UploadSession | undefined;
  /** Stores one part's bytes; returns its ETag, or undefined when the URL is not valid. */
  receivePart(
    uuid: string,
    partNumber: number,
    token: string,
    body: Readable,
  ): Promise<string | undefined>;
  /** Paths of the parts in order. */
  partPaths(session: UploadSession): string[];
  /** Forgets a session and deletes its parts. */
  finish(session: UploadSession): Promise<void>;
}

/**
 * Creates the registry of chunked uploads, keeping parts under a scratch folder.
 * @param partsDir where parts are written while an upload is pending.
 * @throws never (errors surface from the methods)
 * @example
 * const sessions = createUploadSessions(store.partsDir);
 */
export function createUploadSessions(partsDir: string): UploadSessions {
  const sessions = new Map<string, UploadSession>();
  const partPath = (uuid: string, partNumber: number) =>
    path.join(partsDir, uuid, String(partNumber));

  return {
    begin(input) {
      const session: UploadSession = {
        ...input,
        uuid: crypto.randomUUID(),
        token: crypto.randomBytes(24).toString('hex'),
        partCount: Math.max(1, Math.ceil(input.size / input.chunkSize)),
        partETags: new Map(),
        expiresAt: Date.now() + SESSION_LIFETIME_MS,
      };
      sessions.set(session.uuid, session);
      return session;
    },
    find(uuid) {
      const session = sessions.get(uuid);
      if (session == null || session.expiresAt < Date.now()) return undefined;
      return session;
    },
    async receivePart(uuid, partNumber, token, body) {
      const session = this.find(uuid);
      if (session == null || session.token.length !== token.length) return undefined;
      if (!crypto.timingSafeEqual(Buffer.from(session.token), Buffer.from(token))) return undefined;
      if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > session.partCount)
        return undefined;
      await fsp.mkdir(path.join(partsDir, uuid), { recursive: true });
      const hash = crypto.createHash('md5');
      body.on('data', (chunk: Buffer) => hash.update(chunk));
      await pipeline(body, fs.createWriteStream(partPath(uuid, partNumber)));
      const etag = hash.digest('hex');
      session.partETags.set(partNumber, etag);
      return etag;
    },
    partPaths(session) {
      return Array.from({ length: session.partCount }, (_, i) => partPath(session.uuid, i + 1));
    },
    async finish(session) {
      sessions.delete(session.uuid);
      await fsp.rm(path.join(partsDir, session.uuid), { recursive: true, force: true });
    },
  };
}
