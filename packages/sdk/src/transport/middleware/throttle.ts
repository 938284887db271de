import { abortReason, raceWithSignal, sleep } from '../../internal/abort.js';
import type { Middleware } from '../types.js';

/** Window of `requestLimit` when `requestLimitInterval` is not given. */
export const DEFAULT_REQUEST_LIMIT_INTERVAL_MS = 60_000;

/**
 * Limits `send` requests to `limit` starts in any sliding window of `intervalMs` (strict: a
 * request starts only when fewer than `limit` started in the last `intervalMs`). Requests wait
 * in arrival order; a wait ends early with a rejection when the request's signal aborts.
 * Streams are not throttled, as in the official SDK.
 *
 * @param limit - requests allowed per window; 0 or less disables throttling.
 * @param intervalMs - the window length.
 * @returns the middleware.
 * @example
 * const middleware = throttleMiddleware(10, 1000);
 */
export function throttleMiddleware(
  limit: number,
  intervalMs: number = DEFAULT_REQUEST_LIMIT_INTERVAL_MS,
): Middleware {
  const starts: number[] = [];
  let queue: Promise<void> = Promise.resolve();

  async function waitForSlot(signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      // A request aborted while queued must not take a slot from the ones behind it.
      if (signal?.aborted) {
        throw abortReason(signal);
      }
      const now = Date.now();
      while (starts.length > 0 && starts[0] <= now - intervalMs) {
        starts.shift();
      }
      if (starts.length < limit) {
        starts.push(now);
        return;
      }
      await sleep(starts[0] + intervalMs - now, signal);
    }
  }

  return (next) => async (request, context) => {
    if (limit <= 0 || context.mode !== 'send') {
      return next(request, context);
    }
    const turn = queue.then(() => waitForSlot(request.signal));
    // The next caller waits for this one's slot, whether it was granted or aborted.
    queue = turn.catch(() => undefined);
    await raceWithSignal(turn, request.signal);
    return next(request, context);
  };
}
