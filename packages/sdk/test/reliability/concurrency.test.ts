// Many calls at once over real loopback sockets: the request limit holds its sliding window, a JWT that needs
// refreshing is refreshed once for everybody, and a token that expires mid-run stops requests before they are sent.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getSdk } from '../../src/index.js';
import { makeJwt, nowSeconds } from '../unit/helpers.js';
import { startFaultServer, type FaultServer } from './fault-server.js';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let server: FaultServer;
let refreshes = 0;
const freshToken = makeJwt({ id: 1, iat: nowSeconds(), exp: nowSeconds() + 86_400 * 7 });

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  server = await startFaultServer();
  server.route('/user/v1/refresh-token', () => {
    refreshes += 1;
    return { kind: 'ok', body: freshToken };
  });
});

afterEach(() => {
  server.requests.length = 0;
  refreshes = 0;
});

afterAll(async () => {
  await server.close();
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

describe('request limit', () => {
  it('200 concurrent calls at 10 per second all finish and never exceed the window', async () => {
    const LIMIT = 10;
    const WINDOW_MS = 1_000;
    const sentAt: number[] = [];
    const sdk = getSdk({
      apiUrl: server.url,
      dataDirectory: false,
      requestLimit: LIMIT,
      requestLimitInterval: WINDOW_MS,
      fetch: (input, init) => {
        sentAt.push(Date.now());
        return fetch(input, init);
      },
    });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => sdk.pine.get({ resource: 'device', id: i + 1 })),
    );
    expect(results).toHaveLength(200);
    expect(server.requests).toHaveLength(200);
    // Sliding window: any LIMIT + 1 consecutive sends span the window. Sends are timed at fetch, a few ms after the
    // limiter granted the slot (the middleware in between runs on a busy event loop), hence the small allowance.
    const JITTER_MS = 50;
    let tightest = Infinity;
    for (let i = LIMIT; i < sentAt.length; i++)
      tightest = Math.min(tightest, sentAt[i] - sentAt[i - LIMIT]);
    expect(tightest).toBeGreaterThanOrEqual(WINDOW_MS - JITTER_MS);
    // Every id was asked for exactly once: nothing lost, nothing doubled.
    const ids = server.requests.map((r) => /device\((\d+)\)/.exec(r.url)?.[1]);
    expect(new Set(ids).size).toBe(200);
    expect(sentAt[sentAt.length - 1] - sentAt[0]).toBeGreaterThanOrEqual(
      19 * WINDOW_MS - JITTER_MS,
    );
  }, 60_000);
});

describe('token refresh', () => {
  it('100 concurrent calls with a day-old JWT refresh it exactly once and all use the new token', async () => {
    const dayOld = makeJwt({ id: 1, iat: nowSeconds() - 86_400 - 60, exp: nowSeconds() + 3_600 });
    const sdk = getSdk({ apiUrl: server.url, dataDirectory: false });
    await sdk.auth.loginWithToken(dayOld);
    await Promise.all(Array.from({ length: 100 }, () => sdk.pine.get({ resource: 'device' })));
    expect(refreshes).toBe(1);
    const calls = server.requests.filter((r) => r.url.startsWith('/v7/'));
    expect(calls).toHaveLength(100);
    expect(calls.every((r) => r.authorization === `Bearer ${freshToken}`)).toBe(true);
    expect(await sdk.auth.getToken()).toBe(freshToken);
  });

  it('a token that expires mid-run fails later calls with BalenaExpiredToken before sending them', async () => {
    const shortLived = makeJwt({ id: 1, iat: nowSeconds(), exp: nowSeconds() + 2 });
    const sdk = getSdk({ apiUrl: server.url, dataDirectory: false });
    await sdk.auth.loginWithToken(shortLived);
    await sdk.pine.get({ resource: 'device' });
    expect(server.requests).toHaveLength(1);
    const deadline = Date.now() + 10_000;
    let error: unknown;
    while (error == null && Date.now() < deadline) {
      error = await sdk.pine.get({ resource: 'device' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (error == null) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(error).toMatchObject({ code: 'BalenaExpiredToken' });
    expect(String(error)).not.toContain(shortLived);
    // Every request the server saw was sent while the token was still valid.
    const sentWithToken = server.requests.filter((r) => r.authorization === `Bearer ${shortLived}`);
    expect(sentWithToken).toHaveLength(server.requests.length);
    const countBefore = server.requests.length;
    await expect(sdk.pine.get({ resource: 'device' })).rejects.toMatchObject({
      code: 'BalenaExpiredToken',
    });
    expect(server.requests).toHaveLength(countBefore);
    expect(refreshes).toBe(0);
  });
});
