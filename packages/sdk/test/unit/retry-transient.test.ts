import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TRANSIENT_RETRY } from '../../src/transport/middleware/retry-transient.js';
import { createFakeFetch, jsonResponse, makeTransport } from './helpers.js';

describe('transient-failure retry middleware', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // Full jitter picks the top of each backoff window, so waits are exact.
    vi.spyOn(Math, 'random').mockReturnValue(1);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('is off by default: a 503 fails at once', async () => {
    const fetch = createFakeFetch(() => jsonResponse('busy', 503));
    await expect(makeTransport(fetch).request.send({ url: '/x' })).rejects.toMatchObject({
      statusCode: 503,
    });
    expect(fetch.calls).toHaveLength(1);
  });

  it('when on, retries GET after 502/503/504 with exponential backoff', async () => {
    const fetch = createFakeFetch((_call, index) =>
      index < 2 ? jsonResponse('bad gateway', index === 0 ? 502 : 504) : jsonResponse({ ok: 1 }),
    );
    const { request } = makeTransport(fetch, { retryTransientErrors: true });
    const pending = request.send({ url: '/x' });
    await vi.advanceTimersByTimeAsync(DEFAULT_TRANSIENT_RETRY.baseDelayMs - 1);
    expect(fetch.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(DEFAULT_TRANSIENT_RETRY.baseDelayMs * 2);
    expect((await pending).body).toEqual({ ok: 1 });
    expect(fetch.calls).toHaveLength(3);
  });

  it('retries network errors, caps attempts and the delay', async () => {
    const fetch = createFakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    const { request } = makeTransport(fetch, {
      retryTransientErrors: { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 150 },
    });
    const pending = request.send({ url: '/x' }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(100 + 150 + 149);
    expect(fetch.calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ code: 'BalenaNetworkError' });
    expect(fetch.calls).toHaveLength(4);
  });

  it('never retries non-idempotent methods or non-transient statuses', async () => {
    const fetch = createFakeFetch((call) => jsonResponse('x', call.method === 'POST' ? 503 : 500));
    const { request } = makeTransport(fetch, { retryTransientErrors: true });
    await expect(request.send({ url: '/x', method: 'POST', body: {} })).rejects.toMatchObject({
      statusCode: 503,
    });
    await expect(request.send({ url: '/x' })).rejects.toMatchObject({ statusCode: 500 });
    expect(fetch.calls).toHaveLength(2);
  });

  it('can be switched per request', async () => {
    const fetch = createFakeFetch((_call, index) =>
      index === 0 ? jsonResponse('x', 503) : jsonResponse({}),
    );
    const { request } = makeTransport(fetch);
    const pending = request.send({ url: '/x', retryTransientErrors: true });
    await vi.advanceTimersByTimeAsync(DEFAULT_TRANSIENT_RETRY.baseDelayMs);
    await pending;
    expect(fetch.calls).toHaveLength(2);
  });
});
