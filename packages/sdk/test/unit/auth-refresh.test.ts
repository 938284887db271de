import { describe, expect, it } from 'vitest';
import { TOKEN_REFRESH_AGE_MS } from '../../src/transport/middleware/auth-token.js';
import { createFakeFetch, jsonResponse, makeJwt, makeTransport, nowSeconds } from './helpers.js';

const DAY_S = TOKEN_REFRESH_AGE_MS / 1000;

describe('JWT refresh in the auth middleware', () => {
  it('refreshes a JWT that is 24 h old exactly once for 100 concurrent calls', async () => {
    const oldToken = makeJwt({ id: 1, iat: nowSeconds() - DAY_S, exp: nowSeconds() + DAY_S });
    const freshToken = makeJwt({ id: 1, iat: nowSeconds(), exp: nowSeconds() + 2 * DAY_S });
    let release: () => void = () => undefined;
    const refreshGate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const fetch = createFakeFetch(async (call) => {
      if (call.url.endsWith('/user/v1/refresh-token')) {
        await refreshGate;
        return new Response(freshToken, { headers: { 'Content-Type': 'text/plain' } });
      }
      return jsonResponse({ auth: call.headers.get('Authorization') });
    });
    const { request, tokens } = makeTransport(fetch);
    await tokens.setKey(oldToken);
    const calls = Array.from({ length: 100 }, (_, i) => request.send({ url: `/v7/device(${i})` }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    const responses = await Promise.all(calls);
    const refreshes = fetch.calls.filter((call) => call.url.endsWith('/user/v1/refresh-token'));
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0].method).toBe('GET');
    expect(refreshes[0].headers.get('Authorization')).toBe(`Bearer ${oldToken}`);
    expect(
      responses.every((r) => (r.body as { auth: string }).auth === `Bearer ${freshToken}`),
    ).toBe(true);
    expect((await tokens.getToken())?.key).toBe(freshToken);
  });

  it('does not refresh younger JWTs, API keys, or requests that opt out', async () => {
    const fetch = createFakeFetch(() => jsonResponse({}));
    const { request, tokens } = makeTransport(fetch);
    await tokens.setKey(makeJwt({ iat: nowSeconds() - DAY_S + 60 }));
    await request.send({ url: '/a' });
    await tokens.setKey(makeJwt({ iat: nowSeconds() - 2 * DAY_S }));
    await request.send({ url: '/b', refreshToken: false });
    await request.send({ url: 'https://elsewhere.example/c' });
    await tokens.setKey('anApiKeyThatIsOld');
    await request.send({ url: '/d' });
    expect(fetch.calls.some((call) => call.url.includes('refresh-token'))).toBe(false);
  });

  it('fails with BalenaExpiredToken for an expired JWT and keeps the request unsent', async () => {
    const fetch = createFakeFetch(() => jsonResponse({}));
    const { request, tokens } = makeTransport(fetch);
    await tokens.setKey(makeJwt({ iat: nowSeconds() - 3600, exp: nowSeconds() + 1 }));
    const realNow = Date.now;
    Date.now = () => realNow() + 5000;
    try {
      await expect(request.send({ url: '/v7/device' })).rejects.toMatchObject({
        code: 'BalenaExpiredToken',
      });
      expect(fetch.calls).toHaveLength(0);
    } finally {
      Date.now = realNow;
    }
  });

  it('removes an expired key when the refresh answers 401', async () => {
    const fetch = createFakeFetch((call) =>
      call.url.endsWith('/user/v1/refresh-token')
        ? new Response('', { status: 401 })
        : jsonResponse({}),
    );
    const { request, tokens } = makeTransport(fetch);
    // Stored while valid; the clock then moves past its expiry.
    await tokens.setKey(makeJwt({ iat: nowSeconds() - 3 * DAY_S, exp: nowSeconds() + 60 }));
    const realNow = Date.now;
    Date.now = () => realNow() + 120_000;
    try {
      const error = await request.send({ url: '/v7/device' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'BalenaExpiredToken' });
      expect(await tokens.hasKey()).toBe(false);
      expect(fetch.calls.map((call) => new URL(call.url).pathname)).toEqual([
        '/user/v1/refresh-token',
      ]);
    } finally {
      Date.now = realNow;
    }
  });

  it('keeps a still-valid JWT when the server has no refresh endpoint', async () => {
    const token = makeJwt({ iat: nowSeconds() - 2 * DAY_S, exp: nowSeconds() + DAY_S });
    const fetch = createFakeFetch((call) =>
      call.url.endsWith('/user/v1/refresh-token')
        ? new Response('', { status: 404 })
        : jsonResponse({}),
    );
    const { request, tokens } = makeTransport(fetch);
    await tokens.setKey(token);
    await request.send({ url: '/v7/device' });
    expect(fetch.calls.at(-1)?.headers.get('Authorization')).toBe(`Bearer ${token}`);
  });

  it('request.refreshToken() stores and returns the new token', async () => {
    const fresh = makeJwt({ iat: nowSeconds() });
    const fetch = createFakeFetch(
      () => new Response(fresh, { headers: { 'Content-Type': 'text/plain' } }),
    );
    const { request, tokens } = makeTransport(fetch);
    await tokens.setKey(makeJwt({ iat: nowSeconds() - 10 }));
    expect(await request.refreshToken()).toBe(fresh);
    expect((await tokens.getToken())?.key).toBe(fresh);
  });
});
