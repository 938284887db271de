import { describe, expect, it } from 'vitest';
import { AttemptLimiter } from '../src/identity/rate-limit.js';

function limiterWithClock() {
  let now = 1_000_000;
  const limiter = new AttemptLimiter({
    maxAttempts: 3,
    windowMs: 60_000,
    blockMs: 30_000,
    now: () => now,
  });
  return { limiter, advance: (ms: number) => (now += ms) };
}

describe('AttemptLimiter', () => {
  it('blocks a key after the limit within the window, for the block time', () => {
    const { limiter, advance } = limiterWithClock();
    limiter.recordFailure('jane');
    limiter.recordFailure('jane');
    expect(limiter.retryAfterSeconds('jane')).toBe(0);
    limiter.recordFailure('jane');
    expect(limiter.retryAfterSeconds('jane')).toBe(30);
    expect(limiter.retryAfterSeconds('john')).toBe(0);
    advance(29_500);
    expect(limiter.retryAfterSeconds('jane')).toBe(1);
    advance(500);
    expect(limiter.retryAfterSeconds('jane')).toBe(0);
  });

  it('starts a new window once the old one has passed', () => {
    const { limiter, advance } = limiterWithClock();
    limiter.recordFailure('jane');
    limiter.recordFailure('jane');
    advance(60_000);
    limiter.recordFailure('jane');
    expect(limiter.retryAfterSeconds('jane')).toBe(0);
  });

  it('forgets failures after a success', () => {
    const { limiter } = limiterWithClock();
    limiter.recordFailure('jane');
    limiter.recordFailure('jane');
    limiter.reset('jane');
    limiter.recordFailure('jane');
    expect(limiter.retryAfterSeconds('jane')).toBe(0);
  });
});
