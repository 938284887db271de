/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deriveDashboardUrl, resolveConfig, SDK_DEFAULTS } from '../../src/config.js';
import * as publicApi from '../../src/index.js';
import { createDeviceUrlsBaseResolver } from '../../src/internal/device-urls-base.js';
import { SDK_VERSION } from '../../src/version.js';
import { createFakeFetch, jsonResponse, makeTransport, TEST_API_URL } from './helpers.js';

const { getSdk, setSharedOptions, fromSharedOptions } = publicApi;

describe('getSdk', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('does no I/O on construction and builds namespaces on first access', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'balena-sdk-lazy-'));
    const fetch = createFakeFetch(() => jsonResponse({}));
    const globalFetch = vi.spyOn(globalThis, 'fetch');
    try {
      const sdk = getSdk({ apiUrl: TEST_API_URL, dataDirectory: join(directory, 'data'), fetch });
      expect(Object.getOwnPropertyDescriptor(sdk, 'auth')?.get).toBeTypeOf('function');
      expect(Object.getOwnPropertyDescriptor(sdk, 'models')?.get).toBeTypeOf('function');
      expect(Object.getOwnPropertyDescriptor(sdk, 'settings')?.get).toBeTypeOf('function');
      expect(Object.getOwnPropertyDescriptor(sdk, 'logs')?.get).toBeTypeOf('function');
      expect(sdk.auth).toBe(sdk.auth);
      expect(Object.getOwnPropertyDescriptor(sdk, 'auth')?.value).toBe(sdk.auth);
      expect(Object.getOwnPropertyDescriptor(sdk.models, 'application')?.get).toBeTypeOf(
        'function',
      );
      expect(fetch.calls).toHaveLength(0);
      expect(globalFetch).not.toHaveBeenCalled();
      expect(await readdir(directory)).toEqual([]);
      expect(Object.keys(sdk)).toEqual(
        expect.arrayContaining([
          'auth',
          'models',
          'logs',
          'settings',
          'version',
          'request',
          'pine',
        ]),
      );
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('exposes the version of package.json, errors and the exported guard', () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as {
      version: string;
    };
    const sdk = getSdk({ dataDirectory: false });
    expect(SDK_VERSION).toBe(pkg.version);
    expect(sdk.version).toBe(pkg.version);
    expect(sdk.errors.BalenaNotLoggedIn).toBe(publicApi.BalenaNotLoggedIn);
    expect(publicApi.isBalenaError(new sdk.errors.BalenaNotLoggedIn(), 'BalenaNotLoggedIn')).toBe(
      true,
    );
  });

  it('never sends the legacy apiKey option', async () => {
    const fetch = createFakeFetch(() => jsonResponse({ d: [] }));
    const sdk = getSdk({
      apiUrl: TEST_API_URL,
      dataDirectory: false,
      fetch,
      apiKey: 'LEGACYKEY',
    } as never);
    await sdk.request.send({ url: '/config' });
    await sdk.pine.get({ resource: 'application', options: { $select: 'id' } });
    for (const call of fetch.calls) {
      expect(call.url).not.toContain('LEGACYKEY');
      expect(call.url.toLowerCase()).not.toContain('apikey');
      expect(call.headers.get('Authorization')).toBeNull();
    }
    expect(fetch.calls).toHaveLength(2);
  });

  it('proxies sdk.interceptors to the transport, including assignment', async () => {
    const fetch = createFakeFetch(() => jsonResponse({}));
    const sdk = getSdk({ apiUrl: TEST_API_URL, dataDirectory: false, fetch });
    expect(sdk.interceptors).toEqual([]);
    const seen: string[] = [];
    sdk.interceptors = [{ request: (request) => (seen.push(request.url), request) }];
    expect(sdk.request.interceptors).toBe(sdk.interceptors);
    await sdk.request.send({ url: '/ping' });
    expect(seen).toEqual(['/ping']);
  });

  it('sdk.utils.mergePineOptions merges with the official rules', () => {
    const sdk = getSdk({ dataDirectory: false });
    expect(sdk.utils.mergePineOptions({ $select: ['id'] }, { $select: 'uuid' })).toEqual({
      $select: ['id', 'uuid'],
    });
  });

  it('logs rejects an invalid device identifier before any request', async () => {
    const fetch = createFakeFetch(() => jsonResponse({ d: [] }));
    const sdk = getSdk({ apiUrl: TEST_API_URL, dataDirectory: false, fetch });
    await expect(sdk.logs.history('abc')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('pine wiring', () => {
  it('sends the token only when a key exists and the call is not anonymous', async () => {
    const fetch = createFakeFetch(() => jsonResponse({ d: [{ id: 1 }] }));
    const sdk = getSdk({ apiUrl: TEST_API_URL, dataDirectory: false, fetch });
    await sdk.auth.loginWithToken('pineKey');
    const rows = await sdk.pine.get({ resource: 'application', options: { $select: 'id' } });
    expect(rows).toEqual([{ id: 1 }]);
    await sdk.pine.get({ resource: 'application', passthrough: { anonymous: true } } as never);
    expect(fetch.calls[0].url).toBe(`${TEST_API_URL}v7/application?$select=id`);
    expect(fetch.calls[0].headers.get('Authorization')).toBe('Bearer pineKey');
    expect(fetch.calls[0].headers.get('X-Balena-Client')).toBe(`balena-sdk/${SDK_VERSION}`);
    expect(fetch.calls[1].headers.get('Authorization')).toBeNull();
  });

  it('turns a 401 while not logged in into BalenaNotLoggedIn, and keeps it otherwise', async () => {
    const fetch = createFakeFetch(() => new Response('', { status: 401 }));
    const sdk = getSdk({ apiUrl: TEST_API_URL, dataDirectory: false, fetch });
    await expect(sdk.pine.get({ resource: 'user' })).rejects.toMatchObject({
      code: 'BalenaNotLoggedIn',
    });
    await sdk.auth.loginWithToken('revoked');
    await expect(sdk.pine.get({ resource: 'user' })).rejects.toMatchObject({
      code: 'BalenaRequestError',
      statusCode: 401,
    });
  });
});

describe('configuration', () => {
  it('names every default once and derives dashboardUrl from apiUrl', () => {
    const config = resolveConfig();
    expect(config.apiUrl).toBe('https://api.balena-cloud.com/');
    expect(config.builderUrl).toBe('https://builder.balena-cloud.com/');
    expect(config.dashboardUrl).toBe('https://dashboard.balena-cloud.com/');
    expect(config.apiVersion).toBe('v7');
    expect(config.requestTimeoutMs).toBe(59_000);
    expect(config.requestLimitIntervalMs).toBe(60_000);
    expect(config.requestLimit).toBeUndefined();
    expect(config.retryRateLimitedRequests).toBe(false);
    expect(config.requestBatchingChunkSize).toEqual({ numericId: 200, stringId: 50 });
    expect(config.isBrowser).toBe(false);
    expect(Object.isFrozen(config)).toBe(true);
    expect(SDK_DEFAULTS.maxRetryAfterMs).toBe(60_000);
    expect(deriveDashboardUrl('https://api.example.com/')).toBe('https://dashboard.example.com/');
    expect(
      resolveConfig({ requestBatchingChunkSize: { stringId: 10 } }).requestBatchingChunkSize,
    ).toEqual({
      numericId: 200,
      stringId: 10,
    });
    expect(resolveConfig({ requestBatchingChunkSize: 7 }).requestBatchingChunkSize).toEqual({
      numericId: 7,
      stringId: 7,
    });
    expect('apiKey' in resolveConfig({ apiKey: 'x' } as never)).toBe(false);
  });

  it('reads deviceUrlsBase from GET /config once, only when first needed', async () => {
    const fetch = createFakeFetch(() => jsonResponse({ deviceUrlsBase: 'devices.test.local' }));
    const { request } = makeTransport(fetch);
    const resolve = createDeviceUrlsBaseResolver(request, undefined);
    expect(fetch.calls).toHaveLength(0);
    expect(await Promise.all([resolve(), resolve()])).toEqual([
      'devices.test.local',
      'devices.test.local',
    ]);
    expect(await resolve()).toBe('devices.test.local');
    expect(fetch.calls.map((call) => call.url)).toEqual([`${TEST_API_URL}config`]);
    expect(await createDeviceUrlsBaseResolver(request, 'given.example')()).toBe('given.example');
    expect(fetch.calls).toHaveLength(1);
  });
});

describe('shared options', () => {
  it('fromSharedOptions builds from the options set, and warns about races', async () => {
    const errorSpy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const fetch = createFakeFetch(() => jsonResponse({}));
    setSharedOptions({ apiUrl: TEST_API_URL, dataDirectory: false, fetch });
    expect(errorSpy).not.toHaveBeenCalled();
    const sdk = fromSharedOptions();
    await sdk.request.send({ url: '/ping' });
    expect(fetch.calls[0].url).toBe(`${TEST_API_URL}ping`);
    setSharedOptions({ dataDirectory: false });
    expect(errorSpy.mock.calls.map((call) => String(call[0]))).toEqual([
      'Shared SDK options have already been used. You may have a race condition in your code.',
      'Shared SDK options have already been set. You may have a race condition in your code.',
    ]);
  });
});
