import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../../src/transport/middleware/timeout.js';
import { createFakeFetch, makeTransport } from './helpers.js';

const hangingFetch = () =>
  createFakeFetch(
    (call) =>
      new Promise<Response>((_resolve, reject) => {
        if (call.signal?.aborted) reject(call.signal.reason);
        call.signal?.addEventListener('abort', () => reject(call.signal?.reason));
      }),
  );

describe('timeout middleware', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fails send after 59 s by default and aborts the fetch', async () => {
    expect(DEFAULT_REQUEST_TIMEOUT_MS).toBe(59_000);
    const fetch = hangingFetch();
    const { request } = makeTransport(fetch);
    const pending = request.send({ url: '/slow' }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(58_999);
    expect(fetch.calls[0].signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await pending;
    expect(error).toMatchObject({ code: 'BalenaRequestTimeoutError', timeoutMs: 59_000 });
    expect(fetch.calls[0].signal?.aborted).toBe(true);
  });

  it('honours the per-call timeout and the requestTimeout option', async () => {
    const { request } = makeTransport(hangingFetch(), { requestTimeout: 5000 });
    const byOption = request.send({ url: '/a' }).catch((e: unknown) => e);
    const perCall = request.send({ url: '/b' }, { timeout: 100 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(100);
    expect(await perCall).toMatchObject({ timeoutMs: 100 });
    await vi.advanceTimersByTimeAsync(4900);
    expect(await byOption).toMatchObject({ timeoutMs: 5000 });
  });

  it('does not time out streams unless a timeout is given', async () => {
    const fetch = hangingFetch();
    const { request } = makeTransport(fetch);
    let settled = false;
    void request.stream({ url: '/logs' }).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(10 * DEFAULT_REQUEST_TIMEOUT_MS);
    expect(settled).toBe(false);
    expect(fetch.calls[0].signal?.aborted ?? false).toBe(false);
    const timed = request.stream({ url: '/logs' }, { timeout: 1000 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await timed).toMatchObject({ code: 'BalenaRequestTimeoutError' });
  });
});
