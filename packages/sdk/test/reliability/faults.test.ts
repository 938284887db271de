// Faults between the SDK and an API over real loopback sockets: 429 storms, 5xx bursts, connections reset
// mid-response, stalled responses. Each case asserts the documented outcome, the number of requests the server saw
// (nothing unsafe sent twice) and that no promise rejection went unhandled.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getSdk, BalenaRequestError, BalenaRequestTimeoutError } from '../../src/index.js';
import { startFaultServer, type FaultServer } from './fault-server.js';

const API_KEY = 'reliabilitySecretApiKey0123456789';
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let server: FaultServer;

function newSdk(overrides: Parameters<typeof getSdk>[0] = {}) {
  return getSdk({
    apiUrl: server.url,
    dataDirectory: false,
    retryRateLimitedRequests: true,
    retryTransientErrors: { maxRetries: 3, baseDelayMs: 20, maxDelayMs: 100 },
    requestTimeout: 1_000,
    ...overrides,
  });
}

async function loggedInSdk(overrides: Parameters<typeof getSdk>[0] = {}) {
  const sdk = newSdk(overrides);
  await sdk.auth.loginWithToken(API_KEY);
  return sdk;
}

/** Asserts a failed call carries no credential anywhere a log or error report could show it. */
function expectRedacted(error: unknown): void {
  const text = JSON.stringify(error, Object.getOwnPropertyNames(error)) + String(error);
  expect(text).not.toContain(API_KEY);
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  server = await startFaultServer();
});

afterEach(() => {
  server.requests.length = 0;
});

afterAll(async () => {
  await server.close();
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

describe('429 storms', () => {
  it('waits out Retry-After in seconds and as an HTTP date, then succeeds', async () => {
    const sdk = await loggedInSdk();
    const soon = new Date(Date.now() + 1_000).toUTCString();
    server.script(
      { kind: 'status', status: 429, headers: { 'retry-after': '0' } },
      { kind: 'status', status: 429, headers: { 'retry-after': '1' } },
      { kind: 'status', status: 429, headers: { 'retry-after': soon } },
      { kind: 'status', status: 429, headers: { 'retry-after': '0' } },
    );
    const started = performance.now();
    expect(await sdk.pine.get({ resource: 'application' })).toEqual([{ id: 1 }]);
    expect(server.requests).toHaveLength(5);
    // The one-second wait was honoured (the HTTP date rounds to whole seconds, so it may add 0-1 s more).
    expect(server.requests[2].at - server.requests[1].at).toBeGreaterThanOrEqual(950);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('fails at once with a typed 429 when Retry-After is beyond the cap (seconds or a far date)', async () => {
    const sdk = await loggedInSdk({ maxRetryAfterMs: 5_000 });
    for (const retryAfter of ['3600', new Date(Date.now() + 86_400_000).toUTCString()]) {
      server.requests.length = 0;
      server.script({ kind: 'status', status: 429, headers: { 'retry-after': retryAfter } });
      const started = performance.now();
      const error: unknown = await sdk.pine
        .get({ resource: 'application' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BalenaRequestError);
      expect(error).toMatchObject({ statusCode: 429 });
      expectRedacted(error);
      expect(server.requests).toHaveLength(1);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });

  it('gives up after the retry budget with the last 429', async () => {
    const sdk = await loggedInSdk({ maxRateLimitRetries: 3 });
    const storm = { kind: 'status', status: 429, headers: { 'retry-after': '0' } } as const;
    server.script(storm, storm, storm, storm, storm, storm);
    await expect(sdk.pine.get({ resource: 'application' })).rejects.toMatchObject({
      statusCode: 429,
    });
    expect(server.requests).toHaveLength(4);
    server.requests.length = 0;
    // Leftover scripted faults are consumed so later tests start clean.
    await sdk.pine.get({ resource: 'application' }).catch(() => undefined);
    await sdk.pine.get({ resource: 'application' }).catch(() => undefined);
  });
});

describe('5xx bursts', () => {
  it('retries an idempotent GET through 502 and 503 and returns the data once', async () => {
    const sdk = await loggedInSdk();
    server.script({ kind: 'status', status: 502 }, { kind: 'status', status: 503 });
    expect(await sdk.pine.get({ resource: 'device' })).toEqual([{ id: 1 }]);
    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
  });

  it('does not retry a 500 and reports it typed and redacted', async () => {
    const sdk = await loggedInSdk();
    server.script({ kind: 'status', status: 500, body: 'boom' });
    const error: unknown = await sdk.pine.get({ resource: 'device' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BalenaRequestError);
    expect(error).toMatchObject({ statusCode: 500, method: 'GET' });
    expectRedacted(error);
    expect(server.requests).toHaveLength(1);
  });

  it('never repeats a POST after a 503', async () => {
    const sdk = await loggedInSdk();
    server.script({ kind: 'status', status: 503 });
    await expect(
      sdk.pine.post({ resource: 'application', body: { app_name: 'once' } }),
    ).rejects.toMatchObject({ statusCode: 503 });
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});

describe('connections reset mid-response', () => {
  it('a GET is retried and its result is complete, not doubled', async () => {
    const sdk = await loggedInSdk();
    server.script({ kind: 'reset' }, { kind: 'reset' });
    expect(await sdk.pine.get({ resource: 'device' })).toEqual([{ id: 1 }]);
    expect(server.requests).toHaveLength(3);
  });

  it('a GET whose retries are exhausted fails with a typed network error', async () => {
    const sdk = await loggedInSdk({ retryTransientErrors: { maxRetries: 1, baseDelayMs: 10 } });
    server.script({ kind: 'reset' }, { kind: 'reset' });
    const error: unknown = await sdk.pine.get({ resource: 'device' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BalenaNetworkError' });
    expectRedacted(error);
    expect(server.requests).toHaveLength(2);
  });

  it('a POST is sent once and fails with an error, never retried', async () => {
    const sdk = await loggedInSdk();
    server.script({ kind: 'reset' });
    const error: unknown = await sdk.pine
      .post({ resource: 'device', body: { note: 'x' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BalenaNetworkError' });
    expectRedacted(error);
    expect(server.requests).toHaveLength(1);
  });

  it('without the retry option a reset GET fails once', async () => {
    const sdk = await loggedInSdk({ retryTransientErrors: false });
    server.script({ kind: 'reset' });
    await expect(sdk.pine.get({ resource: 'device' })).rejects.toMatchObject({
      code: 'BalenaNetworkError',
    });
    expect(server.requests).toHaveLength(1);
  });
});

describe('stalled responses', () => {
  it('a stalled GET times out typed, then the retry succeeds', async () => {
    const sdk = await loggedInSdk({ requestTimeout: 300 });
    server.script({ kind: 'stall' });
    expect(await sdk.pine.get({ resource: 'device' })).toEqual([{ id: 1 }]);
    expect(server.requests).toHaveLength(2);
  });

  it('a stalled PATCH fails with BalenaRequestTimeoutError and is sent once', async () => {
    const sdk = await loggedInSdk({ requestTimeout: 300 });
    server.script({ kind: 'stall' });
    const error: unknown = await sdk.pine
      .patch({ resource: 'device', id: 1, body: { note: 'x' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BalenaRequestTimeoutError);
    expectRedacted(error);
    expect(server.requests).toHaveLength(1);
  });
});
