/** A fixed-window attempt limiter: after `maxAttempts` failures in `windowMs`, the key is blocked for `blockMs`. */
export interface AttemptLimiterOptions {
  maxAttempts: number;
  windowMs: number;
  blockMs: number;
  /** the clock (tests pass a fake one) */
  now?: () => number;
}

/** Above this many tracked keys, expired entries are pruned on the next failure. */
const MAX_TRACKED_KEYS = 10_000;

interface Entry {
  windowStart: number;
  failures: number;
  blockedUntil: number;
}

/** Tracks failed attempts per key (e.g. per lower-cased username) in memory. */
export class AttemptLimiter {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  /**
   * Creates a limiter.
   * @param options limits and clock
   * @throws never
   * @example
   * const limiter = new AttemptLimiter({ maxAttempts: 10, windowMs: 7_200_000, blockMs: 3_600_000 });
   */
  constructor(private readonly options: AttemptLimiterOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Returns the seconds the caller must wait before trying again, or 0 when the key may try now.
   * @param key the rate-limited key
   * @throws never
   * @example
   * const retryAfter = limiter.retryAfterSeconds('jane');
   */
  retryAfterSeconds(key: string): number {
    const entry = this.entries.get(key);
    if (entry == null) return 0;
    const remaining = entry.blockedUntil - this.now();
    return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
  }

  /**
   * Records a failed attempt; the key becomes blocked once the window's limit is reached.
   * @param key the rate-limited key
   * @throws never
   * @example
   * limiter.recordFailure('jane');
   */
  recordFailure(key: string): void {
    const now = this.now();
    if (this.entries.size >= MAX_TRACKED_KEYS) this.prune(now);
    let entry = this.entries.get(key);
    if (entry == null || now - entry.windowStart >= this.options.windowMs) {
      entry = { windowStart: now, failures: 0, blockedUntil: 0 };
      this.entries.set(key, entry);
    }
    entry.failures += 1;
    if (entry.failures >= this.options.maxAttempts) {
      entry.blockedUntil = now + this.options.blockMs;
      entry.windowStart = entry.blockedUntil;
      entry.failures = 0;
    }
  }

  /** Drops entries whose window and block have both passed, so memory stays bounded. */
  private prune(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.blockedUntil <= now && now - entry.windowStart >= this.options.windowMs)
        this.entries.delete(key);
    }
  }

  /**
   * Forgets a key's failures (after a successful attempt).
   * @param key the rate-limited key
   * @throws never
   * @example
   * limiter.reset('jane');
   */
  reset(key: string): void {
    this.entries.delete(key);
  }
}
