import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  decodeJwtPayload,
  getTokenAge,
  getTwoFactorStatus,
  isTokenExpired,
  parseToken,
} from '../../src/auth/jwt.js';
import { AUTH_KEY_CHANGE_EVENT, createCache } from '../../src/internal/cache.js';
import { createPubSub } from '../../src/internal/pubsub.js';
import { getSdk } from '../../src/sdk.js';
import { createFakeFetch, jsonResponse, makeJwt, TEST_API_URL } from './helpers.js';

describe('jwt decoding', () => {
  it('decodes base64url payloads, including non-ASCII claims', () => {
    const token = makeJwt({ iat: 100, exp: 200, name: 'Zoë ✓', twoFactorRequired: false });
    expect(decodeJwtPayload(token)).toEqual({
      iat: 100,
      exp: 200,
      name: 'Zoë ✓',
      twoFactorRequired: false,
    });
    expect(decodeJwtPayload('not-a-jwt')).toBeUndefined();
    expect(decodeJwtPayload('a.b.c')).toBeUndefined();
    expect(decodeJwtPayload(`x.${Buffer.from('[1]').toString('base64url')}.y`)).toBeUndefined();
  });

  it('classifies keys and computes age, expiry and 2FA status', () => {
    const jwt = parseToken(makeJwt({ iat: 1000, exp: 2000, twoFactorRequired: true }));
    expect(jwt.type).toBe('JWT');
    expect(getTokenAge(jwt, 1_500_000)).toBe(500_000);
    expect(isTokenExpired(jwt, 2_000_000)).toBe(false);
    expect(isTokenExpired(jwt, 2_000_001)).toBe(true);
    expect(getTwoFactorStatus(jwt)).toBe('pending');
    const apiKey = parseToken('abcDEF123');
    expect(apiKey.type).toBe('APIKey');
    expect(getTokenAge(apiKey, Date.now())).toBe(0);
    expect(isTokenExpired(apiKey, Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(getTwoFactorStatus(apiKey)).toBe('not_required');
  });
});

describe('cache and pubsub', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shares one in-flight load, expires entries and forgets rejections', async () => {
    vi.useFakeTimers();
    const cache = createCache({ ttlMs: 1000 });
    const load = vi.fn(async () => 'value');
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual([
      'value',
      'value',
    ]);
    expect(load).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    await cache.get('k', load);
    expect(load).toHaveBeenCalledTimes(2);
    const failing = vi.fn(async () => {
      throw new Error('x');
    });
    await expect(cache.get('f', failing)).rejects.toThrow('x');
    await expect(cache.get('f', failing)).rejects.toThrow('x');
    expect(failing).toHaveBeenCalledTimes(2);
  });

  it('clears on auth.keyChange; login and logout publish it', async () => {
    const pubsub = createPubSub();
    const cache = createCache({ pubsub });
    const load = vi.fn(async () => 1);
    await cache.get('k', load);
    pubsub.publish(AUTH_KEY_CHANGE_EVENT);
    await cache.get('k', load);
    expect(load).toHaveBeenCalledTimes(2);

    const listener = vi.fn();
    const unsubscribe = pubsub.subscribe('e', listener);
    pubsub.publish('e');
    unsubscribe();
    pubsub.publish('e');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('a key change published by 2FA calls clears the memoised whoami', async () => {
    const fetch = createFakeFetch((call) =>
      call.url.endsWith('/auth/totp/verify')
        ? new Response(makeJwt({ iat: 1, twoFactorRequired: false }), {
            headers: { 'Content-Type': 'text/plain' },
          })
        : jsonResponse({ id: 1, actorType: 'user', actorTypeId: 2, username: 'u', email: null }),
    );
    const sdk = getSdk({ apiUrl: TEST_API_URL, dataDirectory: false, fetch });
    await sdk.auth.loginWithToken('apiKey');
    await sdk.auth.whoami();
    await sdk.auth.whoami();
    await sdk.auth.twoFactor.enable('123456');
    await sdk.auth.whoami();
    expect(fetch.calls.filter((call) => call.url.endsWith('/actor/v1/whoami'))).toHaveLength(2);
  });
});
