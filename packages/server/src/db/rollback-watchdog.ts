// pinejs guards every ROLLBACK with a 30 s watchdog timer (`env.db.rollbackTimeout`) that it never clears once the
// rollback is done. After any rejected write, that timer kept the process (a test runner, a CLI being stopped) alive
// for up to 30 s. This clears the watchdog as soon as the rollback settles; a rollback that really hangs still times out.
import type { dbModule } from '@balena/pinejs';

type Tx = dbModule.Tx;

interface RollbackCapable {
  _rollback(...args: unknown[]): Promise<void>;
}

const patchedPrototypes = new WeakSet<object>();

function hasRollback(value: object): value is RollbackCapable {
  return typeof (value as Partial<RollbackCapable>)._rollback === 'function';
}

/**
 * Makes every transaction of the same kind as `tx` clear the rollback watchdog when its rollback settles.
 *
 * The watchdog is armed synchronously when the rollback starts, so the timers created during that synchronous part
 * are exactly the watchdog; they are cleared when the rollback promise settles. Safe to call more than once.
 * @param tx an open pinejs transaction (its class is patched, not just this object).
 * @throws never; a transaction class without the expected rollback method is left alone.
 * @example
 * await pine.sbvrUtils.db.transaction(async (tx) => clearRollbackWatchdogs(tx));
 */
export function clearRollbackWatchdogs(tx: Tx): void {
  const prototype: unknown = Object.getPrototypeOf(tx);
  if (prototype == null || typeof prototype !== 'object') return;
  if (patchedPrototypes.has(prototype) || !hasRollback(prototype)) return;
  patchedPrototypes.add(prototype);
  const originalRollback = prototype._rollback;
  prototype._rollback = function rollbackClearingWatchdog(this: RollbackCapable, ...args) {
    const armed: Array<ReturnType<typeof setTimeout>> = [];
    const realSetTimeout = globalThis.setTimeout;
    const recordingSetTimeout = ((...timerArgs: Parameters<typeof setTimeout>) => {
      const timer = realSetTimeout(...timerArgs);
      armed.push(timer);
      return timer;
    }) as typeof setTimeout;
    globalThis.setTimeout = recordingSetTimeout;
    let rollingBack: Promise<void>;
    try {
      rollingBack = originalRollback.apply(this, args);
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
    return rollingBack.finally(() => {
      for (const timer of armed) clearTimeout(timer);
    });
  };
}
