/// <reference types="node" />
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_KEY_CHANGE_EVENT } from '../../src/internal/cache.js';
import { getSdk } from '../../src/sdk.js';
import { makeJwt, nowSeconds, reply, startServer, type TestServer } from './helpers.js';

const USER = {
  id: 11,
  actorType: 'user',
  actorTypeId: 5,
  username: 'alice',
  email: 'alice@example.com',
};
const userToken = makeJwt({ id: 5, iat: nowSeconds(), exp: nowSeconds() + 3600 });
const pendingToken = makeJwt({
  id: 5,
  iat: nowSeconds(),
  exp: nowSeconds() + 3600,
  twoFactorRequired: true,
});
const passedToken = makeJwt({
  id: 5,
  iat: nowSeconds(),
  exp: nowSeconds() + 3600,
  twoFactorRequired: false,
});

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const auth = req.headers.authorization;
    const body = req.body ? (JSON.parse(req.body) as Record<string, string>) : {};
    switch (`${req.method} ${req.url}`) {
      case 'POST /login_':
        if (body.username === 'limited@example.com')
          return reply(res, 429, '', { 'Retry-After': '60' });
        if (body.password === 'right')
          return reply(res, 200, body.username === '2fa@example.com' ? pendingToken : userToken);
        return reply(res, 401, '');
      case 'GET /actor/v1/whoami':
        if (auth === `Bearer ${userToken}` || auth === `Bearer ${passedToken}`)
          return reply(res, 200, USER);
        if (auth === 'Bearer deviceKey')
          return reply(res, 200, { id: 12, actorType: 'device', actorTypeId: 9, uuid: 'abc' });
        if (auth === 'Bearer brokenServer') return reply(res, 500, 'boom');
        return reply(res, 401, '');
      case 'POST /user/register':
        return reply(res, 201, userToken);
      case 'POST /user/v1/verify-email':
        return body.verificationToken === 'vt' && body.email === 'alice@example.com'
          ? reply(res, 200, userToken)
          : reply(res, 400, { message: 'Invalid token' });
      case 'PATCH /v7/user(5)':
        return reply(res, 200, 'OK');
      case 'GET /auth/totp/setup':
        return reply(res, 200, 'JBSWY3DPEHPK3PXP');
      case 'POST /auth/totp/verify':
        return body.code === '123456' ? reply(res, 200, passedToken) : reply(res, 401, '');
      case 'POST /auth/totp/disable':
        return body.password === 'right' ? reply(res, 200, userToken) : reply(res, 401, '');
      default:
        return reply(res, 404, '');
    }
  });
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.requests.length = 0;
});

const newSdk = () => getSdk({ apiUrl: server.url, dataDirectory: false });
const whoamiCalls = () => server.requests.filter((r) => r.url === '/actor/v1/whoami').length;

describe('auth', () => {
  it('login posts the credentials to /login_ without a token and stores the session token', async () => {
    const sdk = newSdk();
    await sdk.auth.loginWithToken('oldApiKey');
    await sdk.auth.login({ email: 'alice@example.com', password: 'right' });
    const login = server.requests.find((r) => r.url === '/login_');
    expect(JSON.parse(login?.body ?? '')).toEqual({
      username: 'alice@example.com',
      password: 'right',
    });
    expect(login?.headers.authorization).toBeUndefined();
    expect(login?.headers['x-balena-client']).toMatch(/^balena-sdk\//);
    expect(await sdk.auth.getToken()).toBe(userToken);
  });

  it('authenticate returns the token without storing it, and maps 401/429', async () => {
    const sdk = newSdk();
    expect(await sdk.auth.authenticate({ email: 'a@example.com', password: 'right' })).toBe(
      userToken,
    );
    await expect(sdk.auth.getToken()).rejects.toMatchObject({ code: 'BalenaNotLoggedIn' });
    await expect(
      sdk.auth.login({ email: 'a@example.com', password: 'wrong' }),
    ).rejects.toMatchObject({
      code: 'BalenaInvalidLoginCredentials',
    });
    await expect(
      sdk.auth.authenticate({ email: 'limited@example.com', password: 'x' }),
    ).rejects.toMatchObject({ code: 'BalenaTooManyRequests' });
  });

  it('whoami is memoised until the key changes; isLoggedIn always asks the API', async () => {
    const sdk = newSdk();
    expect(await sdk.auth.whoami()).toBeUndefined();
    expect(whoamiCalls()).toBe(0);
    await sdk.auth.loginWithToken(userToken);
    expect(await sdk.auth.whoami()).toEqual(USER);
    expect(await sdk.auth.getActorId()).toBe(11);
    expect(await sdk.auth.getUserInfo()).toEqual({
      id: 5,
      actor: 11,
      email: 'alice@example.com',
      username: 'alice',
    });
    expect(whoamiCalls()).toBe(1);
    expect(await sdk.auth.isLoggedIn()).toBe(true);
    expect(whoamiCalls()).toBe(2);
    await sdk.auth.loginWithToken('deviceKey');
    expect(await sdk.auth.whoami()).toMatchObject({ actorType: 'device', uuid: 'abc' });
    expect(whoamiCalls()).toBe(3);
    await expect(sdk.auth.getUserInfo()).rejects.toThrow(
      'The authentication credentials in use are not of a user',
    );
  });

  it('isLoggedIn is false, not an error, for no key, a rejected key and an expired token', async () => {
    const sdk = newSdk();
    expect(await sdk.auth.isLoggedIn()).toBe(false);
    await sdk.auth.loginWithToken('revokedKey');
    expect(await sdk.auth.isLoggedIn()).toBe(false);
    await expect(sdk.auth.getActorId()).rejects.toMatchObject({ code: 'BalenaNotLoggedIn' });
    await sdk.auth.loginWithToken(makeJwt({ iat: nowSeconds() - 10, exp: nowSeconds() + 1 }));
    const realNow = Date.now;
    Date.now = () => realNow() + 5000;
    try {
      expect(await sdk.auth.isLoggedIn()).toBe(false);
    } finally {
      Date.now = realNow;
    }
    await sdk.auth.loginWithToken('brokenServer');
    await expect(sdk.auth.isLoggedIn()).rejects.toMatchObject({ statusCode: 500 });
  });

  it('loginWithToken validates the key and logout removes it; both publish auth.keyChange', async () => {
    const sdk = newSdk();
    await expect(
      sdk.auth.loginWithToken(makeJwt({ iat: nowSeconds() - 100, exp: nowSeconds() - 1 })),
    ).rejects.toMatchObject({ code: 'BalenaExpiredToken' });
    await expect(sdk.auth.loginWithToken('')).rejects.toMatchObject({
      code: 'BalenaMalformedToken',
    });
    await sdk.auth.loginWithToken(userToken);
    expect(await sdk.auth.getToken()).toBe(userToken);
    await sdk.auth.logout();
    await expect(sdk.auth.getToken()).rejects.toMatchObject({ code: 'BalenaNotLoggedIn' });
    expect(AUTH_KEY_CHANGE_EVENT).toBe('auth.keyChange');
  });

  it('register and verifyEmail post without a token and return the token unstored', async () => {
    const sdk = newSdk();
    await sdk.auth.loginWithToken('someKey');
    expect(await sdk.auth.register({ email: 'new@example.com', password: 'pw' })).toBe(userToken);
    expect(await sdk.auth.verifyEmail({ email: 'alice@example.com', token: 'vt' })).toBe(userToken);
    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.headers.authorization)).toEqual([undefined, undefined]);
    expect(JSON.parse(posts[1].body)).toEqual({
      verificationToken: 'vt',
      email: 'alice@example.com',
    });
    expect(await sdk.auth.getToken()).toBe('someKey');
    await expect(
      sdk.auth.verifyEmail({ email: 'x@example.com', token: 'bad' }),
    ).rejects.toMatchObject({
      message: 'Request error: Invalid token',
    });
  });

  it('requestVerificationEmail patches the current user', async () => {
    const sdk = newSdk();
    await sdk.auth.loginWithToken(userToken);
    await sdk.auth.requestVerificationEmail();
    const patch = server.requests.find((r) => r.method === 'PATCH');
    expect(patch?.url).toBe('/v7/user(5)');
    expect(JSON.parse(patch?.body ?? '')).toEqual({ has_been_sent_verification_email: true });
    expect(patch?.headers.authorization).toBe(`Bearer ${userToken}`);
  });
});

describe('auth.twoFactor', () => {
  it('derives isEnabled/isPassed from the stored token', async () => {
    const sdk = newSdk();
    await expect(sdk.auth.twoFactor.isEnabled()).rejects.toMatchObject({
      code: 'BalenaNotLoggedIn',
    });
    await sdk.auth.loginWithToken(userToken);
    expect(await sdk.auth.twoFactor.isEnabled()).toBe(false);
    expect(await sdk.auth.twoFactor.isPassed()).toBe(true);
    await sdk.auth.loginWithToken(pendingToken);
    expect(await sdk.auth.twoFactor.isEnabled()).toBe(true);
    expect(await sdk.auth.twoFactor.isPassed()).toBe(false);
    await sdk.auth.loginWithToken('apiKey');
    expect(await sdk.auth.twoFactor.isEnabled()).toBe(false);
  });

  it('challenge after a 2FA login stores the passed token', async () => {
    const sdk = newSdk();
    await sdk.auth.login({ email: '2fa@example.com', password: 'right' });
    expect(await sdk.auth.twoFactor.isPassed()).toBe(false);
    expect(await sdk.auth.isLoggedIn()).toBe(false);
    await expect(sdk.auth.twoFactor.challenge('000000')).rejects.toMatchObject({ statusCode: 401 });
    await sdk.auth.twoFactor.challenge('123456');
    expect(await sdk.auth.getToken()).toBe(passedToken);
    expect(await sdk.auth.twoFactor.isPassed()).toBe(true);
    expect(await sdk.auth.isLoggedIn()).toBe(true);
  });

  it('getSetupKey, verify, enable and disable use the TOTP endpoints', async () => {
    const sdk = newSdk();
    await sdk.auth.loginWithToken(userToken);
    expect(await sdk.auth.twoFactor.getSetupKey()).toBe('JBSWY3DPEHPK3PXP');
    expect(await sdk.auth.twoFactor.verify('123456')).toBe(passedToken);
    expect(await sdk.auth.getToken()).toBe(userToken);
    expect(await sdk.auth.twoFactor.enable('123456')).toBe(passedToken);
    expect(await sdk.auth.getToken()).toBe(passedToken);
    expect(await sdk.auth.twoFactor.disable('right')).toBe(userToken);
    expect(await sdk.auth.getToken()).toBe(userToken);
    const totp = server.requests.filter((r) => r.url.startsWith('/auth/totp/'));
    expect(totp.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /auth/totp/setup',
      'POST /auth/totp/verify',
      'POST /auth/totp/verify',
      'POST /auth/totp/disable',
    ]);
    expect(JSON.parse(totp[3].body)).toEqual({ password: 'right' });
  });
});
