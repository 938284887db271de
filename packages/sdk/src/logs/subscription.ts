// A live logs subscription: one ndjson stream at a time, replaced when it drops or goes idle, resumed
// from the last line received, with the official `line`/`error` events, lifecycle events, and an
// async iterator.
import { isBalenaError } from '../errors/guards.js';
import type { BalenaStreamResponse } from '../transport/types.js';
import { TypedEmitter } from './emitter.js';
import { NdjsonParser } from './ndjson.js';
import { ResumeCursor, type ResumeQuery } from './resume-cursor.js';
import type {
  LogMessage,
  LogsDisconnectReason,
  LogsReconnectOptions,
  LogsSubscriptionEvents,
} from './types.js';

/** Default wait before the first reconnection. */
export const DEFAULT_RECONNECT_INITIAL_DELAY_MS = 500;
/** Default cap of one reconnection wait. */
export const DEFAULT_RECONNECT_MAX_DELAY_MS = 30_000;
/** Default silence after which a stream counts as dead (the API sends a keep-alive every 58 s). */
export const DEFAULT_LOGS_IDLE_TIMEOUT_MS = 90_000;

/** What a subscription needs from the SDK. */
export interface LogsStreamSource {
  /** Opens `GET /device/v2/<uuid>/logs?stream=1` with the query. */
  open(query: ResumeQuery, signal: AbortSignal): Promise<BalenaStreamResponse>;
  /** Report lines that are not JSON as errors (the SDK's `debug` option). */
  strict: boolean;
}

/** Settings of a subscription, defaults applied. */
export interface LogsSubscriptionSettings {
  initial: ResumeQuery;
  reconnect:
    (Required<Omit<LogsReconnectOptions, 'maxAttempts'>> & { maxAttempts: number }) | false;
  idleTimeoutMs: number;
}

interface ConnectionOutcome {
  reason: LogsDisconnectReason;
  error?: unknown;
  /** the stream opened (the server answered 200) */
  opened: boolean;
}

const IDLE = Symbol('idle');

function isFatal(error: unknown): boolean {
  // The API refused us (gone device, revoked token, lost access): reconnecting cannot help.
  if (isBalenaError(error, 'BalenaNotLoggedIn') || isBalenaError(error, 'BalenaExpiredToken')) {
    return true;
  }
  if (!isBalenaError(error, 'BalenaRequestError')) return false;
  const status = error.statusCode;
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

function isLogMessage(value: unknown): value is LogMessage {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Record<string, unknown>;
  return typeof line.message === 'string' && typeof line.createdAt === 'number';
}

/** A subscription to one device's logs (see `logs.subscribe`). */
export class LogsSubscription
  extends TypedEmitter<LogsSubscriptionEvents>
  implements AsyncIterable<LogMessage>
{
  readonly #source: LogsStreamSource;
  readonly #settings: LogsSubscriptionSettings;
  readonly #cursor: ResumeCursor;
  readonly #controller = new AbortController();
  #ended = false;
  #failure: { error: unknown } | undefined;
  #iterating = false;
  readonly #queue: LogMessage[] = [];
  #wake: (() => void) | undefined;

  /**
   * Creates a subscription; it connects on {@link LogsSubscription.start}.
   * @param source - how to open a stream.
   * @param settings - initial query, reconnection and idle timeout.
   * @example
   * const subscription = new LogsSubscription(source, settings);
   */
  constructor(source: LogsStreamSource, settings: LogsSubscriptionSettings) {
    super();
    this.#source = source;
    this.#settings = settings;
    this.#cursor = new ResumeCursor(settings.initial);
  }

  /** Whether the subscription is over. */
  get closed(): boolean {
    return this.#ended;
  }

  /** `createdAt` of the newest line delivered, where a reconnection resumes. */
  get lastCreatedAt(): number | undefined {
    return this.#cursor.lastCreatedAt;
  }

  /**
   * Starts the connection loop (called by `logs.subscribe`).
   * @example
   * subscription.start();
   */
  start(): void {
    void this.#run();
  }

  /**
   * Disconnects from the logs feed; no `line` or `error` is emitted afterwards (`end` is).
   * @example
   * subscription.unsubscribe();
   */
  unsubscribe(): void {
    if (this.#ended) return;
    this.#controller.abort();
    this.#finish();
  }

  /**
   * Iterates the lines received after the iterator is created; ends on unsubscribe, throws a fatal error.
   * Leaving the loop (`break`) unsubscribes.
   * @returns the async iterator.
   * @example
   * for await (const line of subscription) console.log(line.message);
   */
  [Symbol.asyncIterator](): AsyncIterator<LogMessage> {
    this.#iterating = true;
    return {
      next: async () => {
        for (;;) {
          const line = this.#queue.shift();
          if (line !== undefined) return { value: line, done: false };
          if (this.#failure !== undefined) {
            const { error } = this.#failure;
            this.#failure = undefined;
            throw error;
          }
          if (this.#ended) return { value: undefined, done: true };
          await new Promise<void>((resolve) => {
            this.#wake = resolve;
          });
        }
      },
      return: async () => {
        this.unsubscribe();
        return { value: undefined, done: true };
      },
    };
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  #finish(failure?: unknown): void {
    if (this.#ended) return;
    this.#ended = true;
    if (failure !== undefined) {
      if (this.#iterating) this.#failure = { error: failure };
      this.emit('error', failure);
    }
    this.emit('end');
    this.#notify();
  }

  #deliver(value: unknown): void {
    if (this.#ended || !isLogMessage(value) || !this.#cursor.accept(value)) return;
    if (this.#iterating) this.#queue.push(value);
    this.emit('line', value);
    this.#notify();
  }

  async #run(): Promise<void> {
    const { reconnect } = this.#settings;
    let failures = 0;
    for (let attempt = 0; !this.#ended; attempt += 1) {
      const outcome = await this.#connectOnce(attempt);
      if (this.#ended) return;
      if (reconnect === false || (outcome.reason === 'error' && isFatal(outcome.error))) {
        this.#finish(outcome.error);
        return;
      }
      this.emit('disconnect', { reason: outcome.reason, error: outcome.error });
      failures = outcome.opened ? 1 : failures + 1;
      if (failures > reconnect.maxAttempts) {
        this.#finish(outcome.error ?? new Error(`Logs stream ${outcome.reason}; giving up`));
        return;
      }
      const base = Math.min(reconnect.maxDelayMs, reconnect.initialDelayMs * 2 ** (failures - 1));
      // Jitter spreads the reconnections of many clients after a server restart.
      const delayMs = Math.round(base * (0.5 + Math.random() / 2));
      this.emit('reconnect', { attempt: attempt + 1, delayMs });
      await this.#wait(delayMs);
    }
  }

  #wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#controller.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#controller.signal.addEventListener('abort', done, { once: true });
    });
  }

  async #connectOnce(attempt: number): Promise<ConnectionOutcome> {
    const connection = new AbortController();
    const stopFollowing = () => connection.abort();
    this.#controller.signal.addEventListener('abort', stopFollowing, { once: true });
    const { idleTimeoutMs } = this.#settings;
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    const armIdle = () => {
      clearTimeout(idleTimer);
      if (idleTimeoutMs > 0) idleTimer = setTimeout(() => connection.abort(IDLE), idleTimeoutMs);
    };
    let opened = false;
    const parser = new NdjsonParser(
      {
        onValue: (value) => this.#deliver(value),
        onInvalid: (line, error) => {
          if (!this.#ended)
            this.emit('error', new Error(`Invalid log line: ${line}`, { cause: error }));
        },
      },
      this.#source.strict,
    );
    try {
      armIdle();
      const query = this.#cursor.nextQuery();
      const response = await this.#source.open(query, connection.signal);
      opened = true;
      if (this.#ended) return { reason: 'ended', opened };
      this.#cursor.noteConnected(Date.parse(response.headers.get('Date') ?? ''));
      this.emit('connect', {
        attempt,
        resumedFrom: attempt === 0 ? undefined : this.#cursor.lastCreatedAt,
      });
      const reader = response.body.getReader();
      armIdle();
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        armIdle();
        parser.push(chunk.value);
      }
      parser.end();
      return { reason: 'ended', opened };
    } catch (error) {
      if (connection.signal.reason === IDLE) return { reason: 'idle', opened };
      return { reason: 'error', error, opened };
    } finally {
      clearTimeout(idleTimer);
      this.#controller.signal.removeEventListener('abort', stopFollowing);
      connection.abort();
    }
  }
}
