// Where a reconnecting subscription resumes, and which lines it has already delivered.
import type { LogMessage } from './types.js';

/** The query of the next stream request. */
export interface ResumeQuery {
  count?: number | 'all';
  start?: number | string;
}

function lineKey(line: LogMessage): string {
  const serviceId = line.isSystem ? '' : String(line.serviceId);
  return `${line.createdAt}\u0000${line.timestamp}\u0000${serviceId}\u0000${line.message}`;
}

/**
 * Tracks the newest `createdAt` delivered and the lines delivered at exactly that time. A resumed
 * stream asks for `start = createdAt` (the API includes lines at `start`), so the lines at the
 * boundary come again and are recognised here; older lines cannot come again.
 */
export class ResumeCursor {
  #lastCreatedAt: number | undefined;
  #atBoundary = new Set<string>();
  #startedAt: number | undefined;

  /**
   * Creates a cursor for the subscription's own query.
   * @param initial - the `count`/`start` of the first request.
   * @example
   * const cursor = new ResumeCursor({ count: 10 });
   */
  constructor(readonly initial: ResumeQuery) {}

  /** The newest `createdAt` delivered so far. */
  get lastCreatedAt(): number | undefined {
    return this.#lastCreatedAt;
  }

  /**
   * Records when the first stream opened by the API's clock (its `Date` header), the resume point
   * before any line arrived.
   * @param serverTime - epoch ms, or undefined when unknown.
   * @example
   * cursor.noteConnected(Date.parse(response.headers.get('Date') ?? ''));
   */
  noteConnected(serverTime: number | undefined): void {
    if (this.#startedAt === undefined && serverTime !== undefined && Number.isFinite(serverTime)) {
      this.#startedAt = serverTime;
    }
  }

  /**
   * Says whether a line is new, and records it if so.
   * @param line - a line from the stream.
   * @returns false for a line delivered before (a resumed stream's overlap).
   * @example
   * if (cursor.accept(line)) emit(line);
   */
  accept(line: LogMessage): boolean {
    const last = this.#lastCreatedAt;
    if (last !== undefined && line.createdAt < last) return false;
    const key = lineKey(line);
    if (last !== undefined && line.createdAt === last) {
      if (this.#atBoundary.has(key)) return false;
    } else {
      this.#atBoundary = new Set();
      this.#lastCreatedAt = line.createdAt;
    }
    this.#atBoundary.add(key);
    return true;
  }

  /**
   * The query of the next request: the initial one until something is known, then from the last line.
   * @returns `count` and `start` for the stream request.
   * @example
   * const qs = { ...cursor.nextQuery(), stream: 1 };
   */
  nextQuery(): ResumeQuery {
    if (this.#lastCreatedAt !== undefined) return { start: this.#lastCreatedAt, count: 'all' };
    // No line yet: everything since the first stream opened is new to the caller (the Date header
    // has second precision, so round down; any earlier line in that second is new too).
    if (this.#startedAt !== undefined && this.initial.start === undefined) {
      return { start: Math.floor(this.#startedAt / 1000) * 1000, count: 'all' };
    }
    return this.initial;
  }
}
