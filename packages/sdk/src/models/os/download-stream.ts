/**
 * The stream `os.download` resolves with: a web `ReadableStream` of the image bytes that also emits
 * the official `'progress'` events, resumes a dropped connection with `Range` and verifies the
 * `X-Checksum-Sha256` header incrementally (memory stays flat whatever the image size).
 *
 * `os.download` imports this module on first use: defining a `ReadableStream` subclass makes Node
 * load its web streams, which would otherwise cost every SDK user start-up time.
 */
import type { BalenaStreamResponse } from '../../transport/types.js';
import { createSha256 } from '../../platform/index.js';
import type { Sha256 } from './sha256.js';
import { OsImageChecksumError } from './checksum-error.js';
import type { DownloadProgress } from './types.js';

/** Response header the API sends with the hex SHA-256 of the whole image. */
export const CHECKSUM_HEADER = 'X-Checksum-Sha256';

/** Chunks the stream reads ahead of its consumer. */
export const READ_AHEAD_CHUNKS = 8;

/** Opens the image from a byte offset (`Range: bytes=<offset>-` when not 0). */
export type OpenImage = (offset: number) => Promise<BalenaStreamResponse>;

/** Settings of {@link OsImageDownloadStream}. */
export interface DownloadStreamSettings {
  first: BalenaStreamResponse;
  open: OpenImage;
  maxResumeAttempts: number;
  verifyChecksum: boolean;
  signal: AbortSignal | undefined;
  onProgress?: (progress: DownloadProgress) => void;
}

type ProgressListener = (progress: DownloadProgress) => void;

function totalOf(response: BalenaStreamResponse): number | undefined {
  const range = response.headers.get('Content-Range');
  const total = range == null ? NaN : Number(range.split('/')[1]);
  return Number.isFinite(total) ? total : response.contentLength;
}

function rangeStartOf(response: BalenaStreamResponse): number {
  const match = /^bytes (\d+)-/.exec(response.headers.get('Content-Range') ?? '');
  return match == null ? 0 : Number(match[1]);
}

/** An OS image being downloaded: read it as a web stream; listen to `'progress'` for progress. */
export class OsImageDownloadStream extends ReadableStream<Uint8Array> {
  /** The image's Content-Type. */
  readonly mime: string | null;
  /** The image size in bytes, when the server sent it. */
  readonly total: number | undefined;
  /** The SHA-256 the server announced (verified at the end unless disabled), or null. */
  readonly checksum: string | null;
  readonly #listeners: Set<ProgressListener>;
  readonly #state: { received: number; resumes: number };

  /**
   * Wraps the first response of a download.
   *
   * @param settings - the first response, how to reopen, limits and hooks.
   * @example
   * const stream = new OsImageDownloadStream({ first, open, maxResumeAttempts: 5, verifyChecksum: true, signal: undefined });
   */
  constructor(settings: DownloadStreamSettings) {
    const { first, open, signal } = settings;
    const total = totalOf(first);
    const checksum = first.headers.get(CHECKSUM_HEADER);
    const etag = first.headers.get('ETag');
    const hashing: Promise<Sha256> | undefined =
      checksum != null && settings.verifyChecksum ? createSha256() : undefined;
    const startedAt = Date.now();
    let reader = first.body.getReader();
    const state = { received: 0, resumes: 0 };
    const listeners = new Set<ProgressListener>();
    const emit = () => {
      if (listeners.size === 0 && settings.onProgress === undefined) return;
      const elapsedSeconds = (Date.now() - startedAt) / 1000;
      const rate = elapsedSeconds > 0 ? state.received / elapsedSeconds : 0;
      const percentage = total ? (state.received / total) * 100 : undefined;
      const progress: DownloadProgress = {
        percentage,
        percent: percentage,
        total,
        received: state.received,
        eta: total !== undefined && rate > 0 ? (total - state.received) / rate : undefined,
      };
      settings.onProgress?.(progress);
      for (const listener of listeners) listener(progress);
    };

    const reopen = async (cause: unknown) => {
      if (signal?.aborted || state.resumes >= settings.maxResumeAttempts) {
        throw signal?.aborted ? signal.reason : cause;
      }
      state.resumes += 1;
      reader.releaseLock();
      const next = await open(state.received);
      // The ETag is compared here rather than sent as If-Range: Range alone needs no CORS preflight.
      const sameImage = etag == null || next.headers.get('ETag') === etag;
      if (next.statusCode !== 206 || rangeStartOf(next) !== state.received || !sameImage) {
        await next.body.cancel();
        throw new Error('The server cannot resume the OS image download', { cause });
      }
      reader = next.body.getReader();
    };

    // Resolved on the first pull: awaiting the promise for every chunk would cost a turn each.
    let hasher: Sha256 | undefined;

    super(
      {
        start: async () => {
          hasher = await hashing;
        },
        // Reads on while the queue has room, rather than one chunk per pull: fewer promise turns
        // per chunk, which is what bounds a fast (local) download.
        pull: async (controller) => {
          for (;;) {
            let result: ReadableStreamReadResult<Uint8Array>;
            try {
              result = await reader.read();
            } catch (error) {
              await reopen(error);
              continue;
            }
            if (result.done) {
              if (total !== undefined && state.received < total) {
                await reopen(new Error('The OS image download ended early'));
                continue;
              }
              if (hasher !== undefined && checksum != null) {
                const actual = hasher.digestHex();
                if (actual !== checksum.toLowerCase()) {
                  throw new OsImageChecksumError(checksum, actual);
                }
              }
              controller.close();
              return;
            }
            const chunk = result.value;
            hasher?.update(chunk);
            state.received += chunk.length;
            emit();
            controller.enqueue(chunk);
            if ((controller.desiredSize ?? 0) <= 0) return;
          }
        },
        cancel: async (reason) => {
          await reader.cancel(reason);
        },
      },
      // Reading a few chunks ahead keeps the socket busy while the consumer handles earlier ones.
      { highWaterMark: READ_AHEAD_CHUNKS },
    );
    this.#state = state;
    this.#listeners = listeners;
    this.mime = first.mime;
    this.total = total;
    this.checksum = checksum;
  }

  /** Bytes received so far. */
  get received(): number {
    return this.#state.received;
  }

  /** Reconnections made so far. */
  get resumes(): number {
    return this.#state.resumes;
  }

  /**
   * Adds a `'progress'` listener (the official event interface).
   *
   * @param event - `'progress'`.
   * @param listener - called with `{ percentage, percent, total, received, eta }` on every chunk.
   * @returns this stream.
   * @throws {Error} never.
   * @example
   * stream.on('progress', ({ percentage }) => console.log(percentage));
   */
  on(event: 'progress', listener: ProgressListener): this {
    if (event === 'progress') this.#listeners.add(listener);
    return this;
  }

  /**
   * Removes a `'progress'` listener.
   *
   * @param event - `'progress'`.
   * @param listener - the listener given to `on`.
   * @returns this stream.
   * @throws {Error} never.
   * @example
   * stream.off('progress', listener);
   */
  off(event: 'progress', listener: ProgressListener): this {
    if (event === 'progress') this.#listeners.delete(listener);
    return this;
  }
}
