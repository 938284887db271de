import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, jsonResponse, makeTransport } from './helpers.js';

describe('throttle middleware (requestLimit / requestLimitInterval)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts at most requestLimit sends in any sliding window, in arrival order', async () => {
    const startedAt: number[] = [];
    const fetch = createFakeFetch(() => {
      startedAt.push(Date.now());
      return jsonResponse({});
    });
    const { request } = makeTransport(fetch, { requestLimit: 2, requestLimitInterval: 1000 });
    const t0 = Date.now();
    const done = Promise.all(Array.from({ length: 5 }, (_, i) => request.send({ url: `/r${i}` })));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch.calls).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(1000);
    await done;
    expect(startedAt.map((t) => t - t0)).toEqual([0, 0, 1000, 1000, 2000]);
    expect(fetch.calls.map((call) => new URL(call.url).pathname)).toEqual([
      '/r0',
      '/r1',
      '/r2',
      '/r3',
      '/r4',
    ]);
  });

  it('uses the sliding window: a slot frees exactly interval ms after its request started', async () => {
    const fetch = createFakeFetch(() => jsonResponse({}));
    const { request } = makeTransport(fetch, { requestLimit: 2, requestLimitInterval: 1000 });
    await request.send({ url: '/a' });
    await vi.advanceTimersByTimeAsync(600);
    await request.send({ url: '/b' });
    const third = request.send({ url: '/c' });
    await vi.advanceTimersByTimeAsync(399);
    expect(fetch.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await third;
    expect(fetch.calls).toHaveLength(3);
  });

  it('does not throttle streams, and an aborted wait rejects without blocking the queue', async () => {
    const fetch = createFakeFetch(() => jsonResponse({}));
    const { request } = makeTransport(fetch, { requestLimit: 1, requestLimitInterval: 1000 });
    await request.send({ url: '/first' });
    await request.stream({ url: '/stream' });
    expect(fetch.calls).toHaveLength(2);
    const controller = new AbortController();
    const aborted = request.send({ url: '/aborted' }, { signal: controller.signal });
    const abortedResult = aborted.catch((e: unknown) => e);
    const later = request.send({ url: '/later' });
    controller.abort(new Error('cancelled'));
    expect(((await abortedResult) as Error).message).toBe('cancelled');
    await vi.advanceTimersByTimeAsync(1000);
    await later;
    expect(fetch.calls.map((call) => new URL(call.url).pathname)).toEqual([
      '/first',
      '/stream',
      '/later',
    ]);
  });

  it('rejects a request aborted while queued at once, without using a slot', async () => {
    const fetch = createFakeFetch(() => jsonResponse({}));
    const { request } = makeTransport(fetch, { requestLimit: 1, requestLimitInterval: 1000 });
    await request.send({ url: '/first' });
    const second = request.send({ url: '/second' });
    const controller = new AbortController();
    const queued = request
      .send({ url: '/queued' }, { signal: controller.signal })
      .catch((e: unknown) => e);
    const third = request.send({ url: '/third' });
    controller.abort(new Error('left the queue'));
    expect(((await queued) as Error).message).toBe('left the queue');
    await vi.advanceTimersByTimeAsync(1000);
    await second;
    expect(fetch.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    await third;
    expect(fetch.calls.map((call) => new URL(call.url).pathname)).toEqual([
      '/first',
      '/second',
      '/third',
    ]);
  });

  it('does nothing without requestLimit', async () => {
    const fetch = createFakeFetch(() => jsonResponse({}));
    const { request } = makeTransport(fetch);
    await Promise.all(Array.from({ length: 20 }, () => request.send({ url: '/x' })));
    expect(fetch.calls).toHaveLength(20);
  });
});
