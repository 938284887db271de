// The subscription's timing logic on fake timers with a scripted stream source: backoff and its cap,
// giving up, idle timeout reset by keep-alives, fatal errors and the official no-reconnect mode.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BalenaRequestError } from '../../src/errors/index.js';
import { LogsSubscription, type LogsSubscriptionSettings } from '../../src/logs/subscription.js';
import type { ResumeQuery } from '../../src/logs/resume-cursor.js';
import type { BalenaStreamResponse } from '../../src/transport/types.js';

interface ScriptedStream {
  query: ResumeQuery;
  at: number;
  send(text: string): void;
  end(): void;
  fail(error: unknown): void;
  aborted: boolean;
}

function scriptedSource(failWith?: () => unknown) {
  const streams: ScriptedStream[] = [];
  const source = {
    strict: false,
    open: async (query: ResumeQuery, signal: AbortSignal): Promise<BalenaStreamResponse> => {
      const failure = failWith?.();
      if (failure !== undefined) throw failure;
      let controller!: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({
        start: (c) => {
          controller = c;
        },
      });
      const stream: ScriptedStream = {
        query,
        at: Date.now(),
        aborted: false,
        send: (text) => {
          if (!stream.aborted) controller.enqueue(new TextEncoder().encode(text));
        },
        end: () => controller.close(),
        fail: (error) => controller.error(error),
      };
      signal.addEventListener('abort', () => {
        stream.aborted = true;
        controller.error(signal.reason);
      });
      streams.push(stream);
      return {
        statusCode: 200,
        headers: new Headers({ Date: new Date(Date.now()).toUTCString() }),
        url: 'http://api/device/v2/u/logs',
        body,
        mime: 'application/x-ndjson',
        contentLength: undefined,
      };
    },
  };
  return { source, streams };
}

function settings(overrides: Partial<LogsSubscriptionSettings> = {}): LogsSubscriptionSettings {
  return {
    initial: { count: 0 },
    idleTimeoutMs: 0,
    reconnect: { initialDelayMs: 100, maxDelayMs: 400, maxAttempts: Number.POSITIVE_INFINITY },
    ...overrides,
  };
}

const logLine = (message: string, createdAt: number) =>
  `${JSON.stringify({ message, createdAt, timestamp: createdAt, isSystem: true, isStdErr: false })}\n`;

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  // no jitter: each wait is exactly the backoff step
  vi.spyOn(Math, 'random').mockReturnValue(1);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('LogsSubscription', () => {
  it('backs off 100, 200, 400, 400 ms while connecting fails, and resets after a good connection', async () => {
    let failing = false;
    const { source, streams } = scriptedSource(() =>
      failing ? new TypeError('fetch failed') : undefined,
    );
    const subscription = new LogsSubscription(source, settings());
    const delays: number[] = [];
    subscription.on('reconnect', ({ delayMs }) => delays.push(delayMs));
    subscription.start();
    await vi.advanceTimersByTimeAsync(0);
    failing = true;
    streams[0].end();
    await vi.advanceTimersByTimeAsync(100 + 200 + 400 + 400);
    expect(delays).toEqual([100, 200, 400, 400, 400]);
    failing = false;
    await vi.advanceTimersByTimeAsync(400);
    expect(streams).toHaveLength(2);
    streams[1].end();
    await vi.advanceTimersByTimeAsync(0);
    expect(delays.at(-1)).toBe(100);
    subscription.unsubscribe();
  });

  it('gives up after maxAttempts failed attempts with an error and end', async () => {
    const { source } = scriptedSource(() => new TypeError('fetch failed'));
    const subscription = new LogsSubscription(
      source,
      settings({ reconnect: { initialDelayMs: 10, maxDelayMs: 10, maxAttempts: 2 } }),
    );
    const events: string[] = [];
    for (const name of ['disconnect', 'reconnect', 'error', 'end'] as const) {
      subscription.on(name, () => events.push(name));
    }
    subscription.start();
    await vi.advanceTimersByTimeAsync(100);
    // two reconnections after the first attempt, then the third failure ends it
    expect(events).toEqual([
      'disconnect',
      'reconnect',
      'disconnect',
      'reconnect',
      'disconnect',
      'error',
      'end',
    ]);
    expect(subscription.closed).toBe(true);
  });

  it('replaces a stream silent for idleTimeoutMs; keep-alive newlines hold it open', async () => {
    const { source, streams } = scriptedSource();
    const subscription = new LogsSubscription(source, settings({ idleTimeoutMs: 1000 }));
    const reasons: string[] = [];
    subscription.on('disconnect', ({ reason }) => reasons.push(reason));
    subscription.start();
    await vi.advanceTimersByTimeAsync(900);
    streams[0].send('\n');
    await vi.advanceTimersByTimeAsync(900);
    streams[0].send(logLine('alive', 1));
    await vi.advanceTimersByTimeAsync(900);
    expect(reasons).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(reasons).toEqual(['idle']);
    expect(streams[0].aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(streams).toHaveLength(2);
    expect(streams[1].query).toEqual({ start: 1, count: 'all' });
    subscription.unsubscribe();
  });

  it('resumes from the first connection time when no line came yet', async () => {
    const { source, streams } = scriptedSource();
    const subscription = new LogsSubscription(source, settings());
    subscription.start();
    await vi.advanceTimersByTimeAsync(0);
    streams[0].fail(new TypeError('socket hang up'));
    await vi.advanceTimersByTimeAsync(100);
    expect(streams[0].query).toEqual({ count: 0 });
    expect(streams[1].query).toEqual({ start: 1_000_000, count: 'all' });
    subscription.unsubscribe();
  });

  it('does not reconnect after a 401/404 from the API', async () => {
    const refused = new BalenaRequestError('No device with uuid u', 404, {
      method: 'GET',
      url: 'http://api/device/v2/u/logs',
      headers: {},
    });
    let calls = 0;
    const { source } = scriptedSource(() => {
      calls += 1;
      return refused;
    });
    const subscription = new LogsSubscription(source, settings());
    const errors: unknown[] = [];
    subscription.on('error', (error) => errors.push(error));
    subscription.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toBe(1);
    expect(errors).toEqual([refused]);
    expect(subscription.closed).toBe(true);
  });

  it('with reconnect off behaves like the official SDK: the stream ending ends the subscription', async () => {
    const { source, streams } = scriptedSource();
    const subscription = new LogsSubscription(source, settings({ reconnect: false }));
    const events: string[] = [];
    for (const name of ['line', 'error', 'end', 'reconnect'] as const) {
      subscription.on(name, () => events.push(name));
    }
    subscription.start();
    await vi.advanceTimersByTimeAsync(0);
    streams[0].send(logLine('one', 5));
    streams[0].end();
    await vi.advanceTimersByTimeAsync(5000);
    expect(events).toEqual(['line', 'end']);
    expect(streams).toHaveLength(1);
  });

  it('emits nothing but end after unsubscribe, even for lines already in flight', async () => {
    const { source, streams } = scriptedSource();
    const subscription = new LogsSubscription(source, settings());
    const events: string[] = [];
    for (const name of ['line', 'error', 'disconnect', 'end'] as const) {
      subscription.on(name, () => events.push(name));
    }
    subscription.start();
    await vi.advanceTimersByTimeAsync(0);
    subscription.unsubscribe();
    streams[0].send(logLine('late', 1));
    await vi.advanceTimersByTimeAsync(5000);
    expect(events).toEqual(['end']);
    expect(streams[0].aborted).toBe(true);
    expect(streams).toHaveLength(1);
  });

  it('in strict (debug) mode reports a line that is not JSON and keeps streaming', async () => {
    const { source, streams } = scriptedSource();
    source.strict = true;
    const subscription = new LogsSubscription(source, settings());
    const seen: string[] = [];
    subscription.on('line', (line) => seen.push(line.message));
    subscription.on('error', (error) => seen.push(`error: ${(error as Error).message}`));
    subscription.start();
    await vi.advanceTimersByTimeAsync(0);
    streams[0].send(`not json\n${logLine('after', 3)}`);
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['error: Invalid log line: not json', 'after']);
    expect(subscription.closed).toBe(false);
    subscription.unsubscribe();
  });

  it('an async iterator yields the lines, then throws the fatal error', async () => {
    const refused = new BalenaRequestError('Unauthorized', 401, {
      method: 'GET',
      url: 'http://api/device/v2/u/logs',
      headers: {},
    });
    let refuse = false;
    const { source, streams } = scriptedSource(() => (refuse ? refused : undefined));
    const subscription = new LogsSubscription(source, settings());
    const iterator = subscription[Symbol.asyncIterator]();
    subscription.start();
    await vi.advanceTimersByTimeAsync(0);
    streams[0].send(logLine('a', 1) + logLine('b', 2));
    refuse = true;
    streams[0].end();
    await vi.advanceTimersByTimeAsync(200);
    expect(await iterator.next()).toEqual({
      value: expect.objectContaining({ message: 'a' }),
      done: false,
    });
    expect(await iterator.next()).toMatchObject({ value: { message: 'b' } });
    await expect(iterator.next()).rejects.toBe(refused);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });
});
