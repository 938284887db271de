/**
 * Polling subscriptions for `pine.subscribe`: run a query now, then again `intervalMs` after each
 * answer, and hand every result or error to the listeners.
 */
import type { PineSubscription } from './client-types.js';

/** The delay between polls when none is given, as in the official client. */
export const DEFAULT_POLL_INTERVAL_MS = 10_000;

/**
 * Starts polling a request function; the first request is sent immediately.
 *
 * @param requestFn - sends the query and resolves its result.
 * @param intervalMs - the delay after each answer before the next request.
 * @param signal - stops the subscription for good when aborted.
 * @returns the subscription handle.
 * @throws {Error} never; request failures go to the `'error'` listeners.
 * @example
 * const poll = createPollingSubscription(() => pine.get({ resource: 'device' }), 5000);
 * poll.on('data', (devices) => console.log(devices.length));
 */
export function createPollingSubscription<T>(
  requestFn: () => Promise<T>,
  intervalMs = DEFAULT_POLL_INTERVAL_MS,
  signal?: AbortSignal,
): PineSubscription<T> {
  const dataListeners = new Set<(result: T) => void>();
  const errorListeners = new Set<(error: unknown) => void>();
  let currentRequest: (() => Promise<T>) | null = requestFn;
  let interval = intervalMs;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function scheduleNext(): void {
    if (stopped) {
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => void runRequest(), interval);
  }

  function notify<V>(listeners: Set<(value: V) => void>, value: V, kind: string): void {
    for (const listener of [...listeners]) {
      // A throwing listener must neither stop the others nor be reported as a request error.
      try {
        listener(value);
      } catch (listenerError) {
        console.error(`pine subscription: a '${kind}' listener threw:`, listenerError);
      }
    }
  }

  async function runRequest(): Promise<void> {
    if (stopped || currentRequest == null) {
      return;
    }
    try {
      const result = await currentRequest();
      if (stopped) {
        return;
      }
      scheduleNext();
      notify(dataListeners, result, 'data');
    } catch (error) {
      if (stopped) {
        return;
      }
      scheduleNext();
      notify(errorListeners, error, 'error');
    }
  }

  function stop(): void {
    clearTimeout(timer);
    stopped = true;
  }

  function destroy(): void {
    stop();
    currentRequest = null;
    dataListeners.clear();
    errorListeners.clear();
  }

  function on(event: 'data' | 'error', listener: (value: never) => void): { unsubscribe(): void } {
    const listeners = (event === 'data' ? dataListeners : errorListeners) as Set<
      (value: never) => void
    >;
    listeners.add(listener);
    return { unsubscribe: () => void listeners.delete(listener) };
  }

  const subscription: PineSubscription<T> = {
    on: on as PineSubscription<T>['on'],
    setPollInterval(nextIntervalMs: number) {
      interval = nextIntervalMs;
      scheduleNext();
    },
    runRequest,
    start() {
      stopped = false;
      void runRequest();
    },
    stop,
    destroy,
  };

  if (signal?.aborted) {
    destroy();
  } else {
    signal?.addEventListener('abort', destroy, { once: true });
    void runRequest();
  }
  return subscription;
}
