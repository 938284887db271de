/**
 * Pine-level retries with the semantics of pinejs-client-core 8.5: a client-wide retry setting
 * (off by default) merged field by field with per-call overrides, exponential backoff between
 * `minDelayMs` and `maxDelayMs`, and an optional `Retry-After` lower bound.
 */
import { sleep } from '../internal/abort.js';
import { isObjectLike } from './values.js';

/** How a pine call is retried; every field falls back to the client's setting. */
export interface RetryParametersObject {
  /** Whether an error may be retried (default: `canRetryDefaultHandler`). */
  canRetry?(err: unknown): boolean;
  /** Called before each wait; `attempt` is the number of the attempt about to start (2 for the first retry). */
  onRetry?(prevErr: unknown, delayMs: number, attempt: number, maxAttempts: number): void;
  /** Reads a `Retry-After` value (whole seconds) from an error; a longer wait than the backoff wins. */
  getRetryAfterHeader?(err: unknown): string | undefined;
  /** The wait before the first retry; it doubles with every further retry. */
  minDelayMs?: number;
  /** The longest backoff wait. */
  maxDelayMs?: number;
  /** Attempts in total, the first one included. */
  maxAttempts?: number;
}

/** A retry setting: the parameters, or `false` for no retries. */
export type RetryParameters = RetryParametersObject | false;

const TOO_MANY_REQUESTS = 429;

/**
 * The default retry predicate: errors without a numeric `statusCode` (network failures and the
 * like), 429 and every 5xx are retried; other HTTP errors are not.
 *
 * @param err - the error a call failed with.
 * @returns whether the call may be retried.
 * @throws {Error} never; it only reads the error's `statusCode`.
 * @example
 * canRetryDefaultHandler(Object.assign(new Error('busy'), { statusCode: 503 })); // true
 */
export function canRetryDefaultHandler(err: unknown): boolean {
  const statusCode =
    isObjectLike(err) && 'statusCode' in err ? (err as { statusCode: unknown }).statusCode : null;
  if (typeof statusCode !== 'number' || !Number.isFinite(statusCode)) {
    return true;
  }
  return statusCode === TOO_MANY_REQUESTS || (statusCode >= 500 && statusCode < 600);
}

/** The wait a `Retry-After` value of whole seconds asks for, if it is one. */
function retryAfterMs(raw: unknown): number | undefined {
  if (typeof raw !== 'string') {
    return undefined;
  }
  const seconds = parseInt(raw, 10);
  return Number.isInteger(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

function assertPositive(name: string, value: number | undefined, shown = value): number {
  if (value == null || value <= 0) {
    throw new Error(`pinejs-client ${name} be a positive integer, got: '${shown}'`);
  }
  return value;
}

/**
 * Calls `fnCall`, retrying it on retryable failures as the client and per-call settings say.
 *
 * With both settings off (the default) `fnCall` runs exactly once. Otherwise attempt `n` fails,
 * waits `min(2^(n-1) * minDelayMs, maxDelayMs)` (or longer when `getRetryAfterHeader` asks so)
 * and tries again, until it succeeds, `canRetry` says no, or `maxAttempts` is reached; the last
 * error is then thrown. An aborted `signal` stops retrying and ends a wait early.
 *
 * @param fnCall - the call to make, usually one request.
 * @param clientRetry - the client-wide setting.
 * @param retry - per-call overrides; `false` disables retries for this call.
 * @param signal - optional; once aborted, no further attempt is made.
 * @returns what `fnCall` resolved.
 * @throws {Error} when retrying is on and `minDelayMs`, `maxDelayMs` or `maxAttempts` is missing
 *   or not positive, or `minDelayMs > maxDelayMs` (before any call); otherwise the last error of `fnCall`,
 *   or the abort reason when `signal` aborts during a wait.
 * @example
 * await callWithRetry(() => transport(request), false, { minDelayMs: 100, maxDelayMs: 1000, maxAttempts: 3 });
 */
export async function callWithRetry<T>(
  fnCall: () => Promise<T>,
  clientRetry: RetryParameters,
  retry?: RetryParameters | null,
  signal?: AbortSignal,
): Promise<T> {
  if (retry === false || (retry == null && clientRetry === false)) {
    return await fnCall();
  }
  const defaults = clientRetry || {};
  const overrides = retry ?? {};
  const pick = <K extends keyof RetryParametersObject>(key: K) => overrides[key] ?? defaults[key];
  const minDelayMs = assertPositive('minDelayMs must', pick('minDelayMs'));
  const maxDelayMs = assertPositive('maxDelayMs must', pick('maxDelayMs'));
  // The upstream message names maxAttempts but shows maxDelayMs; kept identical on purpose.
  const maxAttempts = assertPositive('maxAttempts', pick('maxAttempts'), maxDelayMs);
  if (minDelayMs > maxDelayMs) {
    throw new Error('pinejs-client maxDelayMs must be greater than or equal to minDelayMs');
  }
  const onRetry = pick('onRetry');
  const getRetryAfterHeader = pick('getRetryAfterHeader');
  const canRetry = pick('canRetry') ?? canRetryDefaultHandler;
  for (let attempt = 1; ;) {
    try {
      return await fnCall();
    } catch (err) {
      if (attempt >= maxAttempts || !canRetry(err) || signal?.aborted) {
        throw err;
      }
      const backoffMs = Math.min(2 ** (attempt - 1) * minDelayMs, maxDelayMs);
      const delayMs = Math.max(backoffMs, retryAfterMs(getRetryAfterHeader?.(err)) ?? 0);
      attempt++;
      onRetry?.(err, delayMs, attempt, maxAttempts);
      await sleep(delayMs, signal);
    }
  }
}
