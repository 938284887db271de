/**
 * Returns the abort reason of a signal, or a standard `AbortError` when it has none.
 *
 * @param signal - an aborted signal.
 * @returns the value to reject with.
 * @example
 * throw abortReason(signal);
 */
export function abortReason(signal: AbortSignal): unknown {
  if (signal.reason !== undefined) {
    return signal.reason;
  }
  const error = new Error('This operation was aborted');
  error.name = 'AbortError';
  return error;
}

/**
 * Waits for a number of milliseconds; rejects with the abort reason as soon as the signal aborts.
 *
 * @param ms - how long to wait.
 * @param signal - optional; aborting it ends the wait early with a rejection.
 * @returns a promise that resolves after the wait.
 * @example
 * await sleep(1000, controller.signal);
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Creates a controller whose signal also aborts when any of the given signals aborts
 * (`AbortSignal.any` is missing on Node 18).
 *
 * @param signals - signals to follow; undefined entries are skipped.
 * @returns the controller and a `dispose` that stops following the inputs.
 * @example
 * const { controller, dispose } = linkSignals([userSignal]);
 */
export function linkSignals(signals: ReadonlyArray<AbortSignal | undefined>): {
  controller: AbortController;
  dispose: () => void;
} {
  const controller = new AbortController();
  const cleanups: Array<() => void> = [];
  for (const signal of signals) {
    if (signal === undefined) {
      continue;
    }
    if (signal.aborted) {
      controller.abort(abortReason(signal));
      break;
    }
    const forward = () => controller.abort(abortReason(signal));
    signal.addEventListener('abort', forward, { once: true });
    cleanups.push(() => signal.removeEventListener('abort', forward));
  }
  return { controller, dispose: () => cleanups.forEach((cleanup) => cleanup()) };
}

/**
 * Settles like the given promise, or rejects with the abort reason as soon as the signal aborts.
 *
 * @param promise - the work to wait for (it keeps running after an abort).
 * @param signal - optional abort signal.
 * @returns the promise's value.
 * @example
 * await raceWithSignal(queueTurn, request.signal);
 */
export function raceWithSignal<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (signal === undefined) {
    return promise;
  }
  if (signal.aborted) {
    return Promise.reject(abortReason(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
