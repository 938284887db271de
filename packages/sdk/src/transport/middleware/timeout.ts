import { BalenaRequestTimeoutError } from '../../errors/index.js';
import { linkSignals } from '../../internal/abort.js';
import type { Middleware } from '../types.js';
import { resolveRequestUrl } from '../url.js';

/** Time `request.send` waits for a complete response, as balena-request does. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 59_000;

/**
 * Fails a request with `BalenaRequestTimeoutError` when it takes longer than its `timeout`
 * (default {@link DEFAULT_REQUEST_TIMEOUT_MS} for `send`; streams only time out when a `timeout`
 * is given, and only until the response headers arrive). Aborts the underlying fetch.
 *
 * @param defaultTimeoutMs - the timeout of `send` requests that do not set one.
 * @returns the middleware.
 * @example
 * const middleware = timeoutMiddleware(59_000);
 */
export function timeoutMiddleware(
  defaultTimeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS,
): Middleware {
  return (next) => async (request, context) => {
    const timeoutMs = request.timeout ?? (context.mode === 'send' ? defaultTimeoutMs : undefined);
    if (timeoutMs === undefined || timeoutMs <= 0 || !Number.isFinite(timeoutMs)) {
      return next(request, context);
    }
    const { controller, dispose } = linkSignals([request.signal]);
    const timeoutReason = new BalenaRequestTimeoutError(
      { method: request.method, url: resolveRequestUrl({ ...request, qs: undefined }) },
      timeoutMs,
    );
    const timer = setTimeout(() => controller.abort(timeoutReason), timeoutMs);
    try {
      return await next({ ...request, signal: controller.signal }, context);
    } catch (error) {
      if (controller.signal.reason === timeoutReason) {
        throw timeoutReason;
      }
      throw error;
    } finally {
      clearTimeout(timer);
      // A stream keeps following the caller's signal after the headers arrived.
      if (context.mode === 'send') {
        dispose();
      }
    }
  };
}
