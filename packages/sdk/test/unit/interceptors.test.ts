import { describe, expect, it } from 'vitest';
import { BalenaExpiredToken } from '../../src/errors/index.js';
import type { Interceptor, TransportResponse } from '../../src/transport/types.js';
import { createFakeFetch, jsonResponse, makeJwt, makeTransport, nowSeconds } from './helpers.js';

describe('interceptors (balena-request compatible)', () => {
  it('runs request hooks in order and response hooks in reverse order', async () => {
    const log: string[] = [];
    const fetch = createFakeFetch((call) => jsonResponse({ seen: call.headers.get('X-Chain') }));
    const { request } = makeTransport(fetch);
    const hook = (name: string): Interceptor => ({
      request: async (options) => {
        log.push(`request ${name}`);
        return {
          ...options,
          headers: { ...options.headers, 'X-Chain': `${options.headers['X-Chain'] ?? ''}${name}` },
        };
      },
      response: (response) => {
        log.push(`response ${name}`);
        return response;
      },
    });
    request.interceptors.push(hook('a'), hook('b'));
    const response = await request.send({ url: '/x' });
    expect(response.body).toEqual({ seen: 'ab' });
    expect(log).toEqual(['request a', 'request b', 'response b', 'response a']);
  });

  it('hands HTTP errors to responseError hooks, which may recover', async () => {
    const fetch = createFakeFetch(() => jsonResponse('nope', 418));
    const { request } = makeTransport(fetch);
    const recovered: TransportResponse = {
      statusCode: 200,
      body: 'recovered',
      headers: new Headers(),
      url: '',
      duration: 0,
    };
    request.interceptors = [
      {
        responseError: (error) => {
          expect(error).toMatchObject({ statusCode: 418 });
          return recovered;
        },
      },
    ];
    expect((await request.send({ url: '/x' })).body).toBe('recovered');
  });

  it('hands a failing request hook to later requestError hooks and then to responseError', async () => {
    const fetch = createFakeFetch(() => jsonResponse({}));
    const { request } = makeTransport(fetch);
    const seen: string[] = [];
    request.interceptors = [
      {
        request: () => {
          throw new Error('first failed');
        },
      },
      {
        requestError: (error) => {
          seen.push(`requestError: ${(error as Error).message}`);
          throw new Error('still failing');
        },
        responseError: (error) => {
          seen.push(`responseError: ${(error as Error).message}`);
          throw error;
        },
      },
    ];
    await expect(request.send({ url: '/x' })).rejects.toThrow('still failing');
    expect(seen).toEqual(['requestError: first failed', 'responseError: still failing']);
    expect(fetch.calls).toHaveLength(0);
  });

  it('passes pre-flight token failures to requestError', async () => {
    const fetch = createFakeFetch(() => jsonResponse({}));
    const { request, tokens } = makeTransport(fetch);
    const soonExpiring = makeJwt({ iat: nowSeconds() - 10, exp: nowSeconds() + 1 });
    await tokens.setKey(soonExpiring);
    const realNow = Date.now;
    Date.now = () => realNow() + 5000;
    try {
      let received: unknown;
      request.interceptors = [
        {
          requestError: (error) => {
            received = error;
            throw error;
          },
        },
      ];
      await expect(request.send({ url: '/x' })).rejects.toBeInstanceOf(BalenaExpiredToken);
      expect(received).toBeInstanceOf(BalenaExpiredToken);
      expect(fetch.calls).toHaveLength(0);
    } finally {
      Date.now = realNow;
    }
  });

  it('assigning a new array replaces every interceptor', async () => {
    const fetch = createFakeFetch(() => jsonResponse({}));
    const { request } = makeTransport(fetch);
    let calls = 0;
    request.interceptors.push({ request: (o) => (calls++, o) });
    request.interceptors = [];
    await request.send({ url: '/x' });
    expect(calls).toBe(0);
  });
});
