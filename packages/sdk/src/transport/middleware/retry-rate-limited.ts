import { isBalenaError } from '../../errors/index.js';
import { sleep } from '../../internal/abort.js';
import { isReplayableBody } from '../body.js';
import type { Middleware } from '../types.js';

/** Longest `Retry-After` wait the SDK accepts by default; longer ones fail at once. */
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

/** Retries after HTTP 429 by default before the 429 error is thrown. */
export const DEFAULT_MAX_RATE_LIMIT_RETRIES = 5;

/** `true`, or a predicate that gets the wait in ms and returns whether to retry. */
export type RetryRateLimitedRequests = boolean | ((retryAfterMs: number) => boolean);

/** Options of {@link retryRateLimitedMiddleware}. */
export interface RateLimitRetryPolicy {
  /** Whether (or when) to retry; false disables the middleware. */
  retryRateLimitedRequests: RetryRateLimitedRequests;
  /** A longer `Retry-After` fails at once instead of waiting. */
  maxRetryAfterMs?: number;
  /** Retries per request. */
  maxRetries?: number;
}

/**
 * Reads a `Retry-After` header: whole non-negative seconds, or an HTTP date.
 *
 * @param value - the header value.
 * @param now - the current time in ms (for dates).
 * @returns the wait in ms (0 for a date in the past), or undefined when unparsable.
 * @example
 * parseRetryAfter('3', Date.now()); // 3000
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value == null || value.trim() === '') {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number.parseInt(trimmed, 10) * 1000;
  }
  // An HTTP date always names a weekday/month; bare numbers like '-1' are not dates.
  if (!/[a-z]/i.test(trimmed)) {
    return undefined;
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Re-sends a request that got HTTP 429 after the time in its `Retry-After` header, when the
 * policy allows: not for `doNotRetry` requests, not for stream bodies that cannot be replayed,
 * not when the wait exceeds `maxRetryAfterMs` or the predicate says no, and at most `maxRetries`
 * times. The wait ends early when the request's signal aborts.
 *
 * @param policy - the retry policy.
 * @returns the middleware.
 * @example
 * const middleware = retryRateLimitedMiddleware({ retryRateLimitedRequests: true });
 */
export function retryRateLimitedMiddleware(policy: RateLimitRetryPolicy): Middleware {
  const maxRetryAfterMs = policy.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const maxRetries = policy.maxRetries ?? DEFAULT_MAX_RATE_LIMIT_RETRIES;
  const allow = policy.retryRateLimitedRequests;

  return (next) => async (request, context) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await next(request, context);
      } catch (error) {
        if (
          allow === false ||
          !isBalenaError(error, 'BalenaRequestError') ||
          error.statusCode !== 429 ||
          request.doNotRetry === true ||
          !isReplayableBody(request.body) ||
          attempt >= maxRetries
        ) {
          throw error;
        }
        const waitMs = parseRetryAfter(error.responseHeaders.get('Retry-After'), Date.now());
        if (
          waitMs === undefined ||
          waitMs > maxRetryAfterMs ||
          (typeof allow === 'function' && !allow(waitMs))
        ) {
          throw error;
        }
        await sleep(waitMs, request.signal);
      }
    }
  };
}
