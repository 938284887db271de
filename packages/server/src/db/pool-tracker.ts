// Tracks the pg pools pinejs creates: shutdown ends them, and their clients report input errors as 400s.
import pg from 'pg';
import { recordInputErrors } from './error-mapping.js';

const openPools = new Set<pg.Pool>();
let installed = false;

/**
 * Makes every `pg.Pool` created from now on (pinejs creates its own) known to {@link endTrackedPools}.
 *
 * pinejs looks `Pool` up on the `pg` module object each time it connects, so a subclass set there is used.
 * @example
 * trackPgPools();
 * await pine.init(app, config, dbOptions);
 */
export function trackPgPools(): void {
  if (installed) return;
  installed = true;
  const OriginalPool = pg.Pool;
  class TrackedPool extends OriginalPool {
    constructor(config?: pg.PoolConfig) {
      super(config);
      openPools.add(this);
      this.on('connect', recordInputErrors);
    }
  }
  pg.Pool = TrackedPool;
}

/**
 * Ends every tracked pool; without it, stopping the embedded database makes open clients log errors.
 * @example
 * await endTrackedPools();
 */
export async function endTrackedPools(): Promise<void> {
  const pools = [...openPools];
  openPools.clear();
  await Promise.all(pools.map((pool) => pool.end().catch(() => undefined)));
}
