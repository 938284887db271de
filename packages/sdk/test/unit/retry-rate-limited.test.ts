import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_MAX_RETRY_AFTER_MS,
  parseRetryAfter,
} from '../../src/transport/middleware/retry-rate-limited.js';
import { createFakeFetch, jsonResponse, makeTransport } from './helpers.js';

const tooMany = (retryAfter: string) =>
  jsonResponse('Too Many Requests', 429, { 'Retry-After': retryAfter });

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('429 retry middleware', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits Retry-After seconds, then re-sends', async () => {
    const fetch = createFakeFetch((_call, index) =>
      index === 0 ? tooMany('2') : jsonResponse({ ok: 1 }),
    );
    const { request } = makeTransport(fetch, { retryRateLimitedRequests: true });
    const pending = request.send({ url: '/x' });
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetch.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).body).toEqual({ ok: 1 });
    expect(fetch.calls).toHaveLength(2);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const fetch = createFakeFetch((_call, index) =>
      index === 0 ? tooMany('Thu, 01 Jan 2026 00:00:05 GMT') : jsonResponse({}),
    );
    const { request } = makeTransport(fetch, { retryRateLimitedRequests: true });
    const pending = request.send({ url: '/x' });
    await vi.advanceTimersByTimeAsync(4999);
    expect(fetch.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(fetch.calls).toHaveLength(2);
  });

  it('fails at once when the wait exceeds the cap', async () => {
    const fetch = createFakeFetch(() => tooMany(String(DEFAULT_MAX_RETRY_AFTER_MS / 1000 + 1)));
    const { request } = makeTransport(fetch, { retryRateLimitedRequests: true });
    await expect(request.send({ url: '/x' })).rejects.toMatchObject({ statusCode: 429 });
    expect(fetch.calls).toHaveLength(1);
    const capped = createFakeFetch(() => tooMany('3'));
    const custom = makeTransport(capped, { retryRateLimitedRequests: true, maxRetryAfterMs: 2000 });
    await expect(custom.request.send({ url: '/x' })).rejects.toMatchObject({ statusCode: 429 });
    expect(capped.calls).toHaveLength(1);
  });

  it('asks the predicate with the wait in ms', async () => {
    const predicate = vi.fn((ms: number) => ms < 5000);
    const fetch = createFakeFetch((_call, index) => (index === 0 ? tooMany('1') : tooMany('9')));
    const { request } = makeTransport(fetch, { retryRateLimitedRequests: predicate });
    const pending = request.send({ url: '/x' }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await pending).toMatchObject({ statusCode: 429 });
    expect(predicate.mock.calls).toEqual([[1000], [9000]]);
    expect(fetch.calls).toHaveLength(2);
  });

  it('stops after maxRateLimitRetries retries', async () => {
    const fetch = createFakeFetch(() => tooMany('1'));
    const { request } = makeTransport(fetch, {
      retryRateLimitedRequests: true,
      maxRateLimitRetries: 2,
    });
    const pending = request.send({ url: '/x' }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await pending).toMatchObject({ statusCode: 429 });
    expect(fetch.calls).toHaveLength(3);
  });

  it('does not retry when disabled, with doNotRetry, or with a stream body', async () => {
    const off = createFakeFetch(() => tooMany('1'));
    await expect(makeTransport(off).request.send({ url: '/x' })).rejects.toMatchObject({
      statusCode: 429,
    });
    expect(off.calls).toHaveLength(1);

    const fetch = createFakeFetch(() => tooMany('1'));
    const { request } = makeTransport(fetch, { retryRateLimitedRequests: true });
    await expect(request.send({ url: '/x', doNotRetry: true })).rejects.toMatchObject({
      statusCode: 429,
    });
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new Uint8Array([1]));
        controller.close();
      },
    });
    await expect(request.send({ url: '/upload', method: 'PUT', body })).rejects.toMatchObject({
      statusCode: 429,
    });
    expect(fetch.calls).toHaveLength(2);
  });

  it('stops waiting when the signal aborts', async () => {
    const fetch = createFakeFetch(() => tooMany('30'));
    const { request } = makeTransport(fetch, { retryRateLimitedRequests: true });
    const controller = new AbortController();
    const pending = request
      .send({ url: '/x' }, { signal: controller.signal })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort(new Error('user gave up'));
    expect(((await pending) as Error).message).toBe('user gave up');
    expect(fetch.calls).toHaveLength(1);
  });
});
