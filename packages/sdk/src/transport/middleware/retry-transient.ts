import { isBalenaError } from '../../errors/index.js';
import { sleep } from '../../internal/abort.js';
import { isReplayableBody } from '../body.js';
import type { Middleware, TransientRetryOptions } from '../types.js';

/** Defaults of the transient-failure retry policy (used when it is switched on). */
export const DEFAULT_TRANSIENT_RETRY: Required<TransientRetryOptions> = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
};

/** Methods that may be sent twice without changing the outcome (RFC 9110 idempotent methods). */
export const IDEMPOTENT_METHODS: readonly string[] = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'];

/** Statuses that signal a temporary problem of the server or a proxy in front of it. */
export const TRANSIENT_STATUS_CODES: readonly number[] = [502, 503, 504];

function resolvePolicy(
  setting: boolean | TransientRetryOptions | undefined,
): Required<TransientRetryOptions> | undefined {
  if (setting === undefined || setting === false) {
    return undefined;
  }
  return { ...DEFAULT_TRANSIENT_RETRY, ...(setting === true ? {} : setting) };
}

function isTransientFailure(error: unknown): boolean {
  if (isBalenaError(error, 'BalenaRequestError')) {
    return TRANSIENT_STATUS_CODES.includes(error.statusCode);
  }
  return (
    isBalenaError(error, 'BalenaNetworkError') || isBalenaError(error, 'BalenaRequestTimeoutError')
  );
}

/**
 * Retries idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE) after HTTP 502/503/504, network
 * failures and timeouts, with capped exponential backoff and full jitter.
 *
 * Off by default, like the official SDK (which retries nothing but 429): switch it on SDK-wide
 * with the `retryTransientErrors` option or per request with the request option of that name.
 * Never retries POST/PATCH, stream bodies, or requests whose signal aborted.
 *
 * @param sdkSetting - the SDK-wide setting: false, true (defaults) or a policy.
 * @returns the middleware.
 * @example
 * const middleware = retryTransientMiddleware({ maxRetries: 3 });
 */
export function retryTransientMiddleware(
  sdkSetting: boolean | TransientRetryOptions | undefined,
): Middleware {
  return (next) => async (request, context) => {
    const policy = resolvePolicy(request.retryTransientErrors ?? sdkSetting);
    if (
      policy === undefined ||
      !IDEMPOTENT_METHODS.includes(request.method) ||
      !isReplayableBody(request.body)
    ) {
      return next(request, context);
    }
    for (let attempt = 0; ; attempt++) {
      try {
        return await next(request, context);
      } catch (error) {
        if (attempt >= policy.maxRetries || !isTransientFailure(error) || request.signal?.aborted) {
          throw error;
        }
        const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
        await sleep(Math.round(Math.random() * ceiling), request.signal);
      }
    }
  };
}
