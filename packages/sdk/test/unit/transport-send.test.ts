/// <reference types="node" />
import { describe, expect, it, vi } from 'vitest';
import { isBalenaError, type BalenaRequestError } from '../../src/errors/index.js';
import { CLIENT_HEADER_VALUE } from '../../src/transport/middleware/client-header.js';
import { SDK_VERSION } from '../../src/version.js';
import { createFakeFetch, jsonResponse, makeTransport, TEST_API_URL } from './helpers.js';

describe('request.send', () => {
  it('resolves relative URLs against apiUrl, serialises qs and encodes JSON bodies', async () => {
    const fetch = createFakeFetch(() => jsonResponse({ ok: true }, 201));
    const { request } = makeTransport(fetch);
    const response = await request.send({
      method: 'post',
      url: '/v7/device',
      qs: { $filter: "name eq 'a b'", list: [1, 2], nested: { x: "it's" }, skip: undefined },
      body: { name: 'x' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.body).toEqual({ ok: true });
    expect(response.headers.get('Content-Type')).toBe('application/json');
    const [call] = fetch.calls;
    expect(call.method).toBe('POST');
    expect(call.url).toBe(
      `${TEST_API_URL}v7/device?%24filter=name%20eq%20%27a%20b%27&list%5B0%5D=1&list%5B1%5D=2&nested%5Bx%5D=it%27s`,
    );
    expect(call.body).toBe('{"name":"x"}');
    expect(call.headers.get('Content-Type')).toBe('application/json');
  });

  it('decodes text and blob bodies by Content-Type or responseFormat', async () => {
    const fetch = createFakeFetch((call) =>
      call.url.endsWith('/bin')
        ? new Response(new Uint8Array([1, 2, 3]), {
            headers: { 'Content-Type': 'binary/octet-stream' },
          })
        : new Response('plain', { headers: { 'Content-Type': 'text/plain' } }),
    );
    const { request } = makeTransport(fetch);
    expect((await request.send({ url: '/text' })).body).toBe('plain');
    const blob = (await request.send({ url: '/bin' })).body as Blob;
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect((await request.send({ url: '/text', responseFormat: 'none' })).body).toBeNull();
  });

  it('adds the client header to API requests only', async () => {
    const fetch = createFakeFetch(() => jsonResponse({}));
    const { request } = makeTransport(fetch);
    await request.send({ url: '/v7/application' });
    await request.send({ url: `${TEST_API_URL}ping` });
    await request.send({ url: 'https://builder.test.local/v3/build' });
    await request.send({ url: 'https://api.test.local.evil.example/x' });
    expect(CLIENT_HEADER_VALUE).toBe(`balena-sdk/${SDK_VERSION}`);
    expect(fetch.calls.map((call) => call.headers.get('X-Balena-Client'))).toEqual([
      CLIENT_HEADER_VALUE,
      CLIENT_HEADER_VALUE,
      null,
      null,
    ]);
  });

  it('sends the stored key as a bearer token unless sendToken is false', async () => {
    const fetch = createFakeFetch(() => jsonResponse({}));
    const { request, tokens } = makeTransport(fetch);
    await request.send({ url: '/a' });
    await tokens.setKey('myApiKey');
    await request.send({ url: '/b' });
    await request.send({ url: '/c', sendToken: false });
    expect(fetch.calls.map((call) => call.headers.get('Authorization'))).toEqual([
      null,
      'Bearer myApiKey',
      null,
    ]);
  });

  it('merges per-call headers and never sends a legacy apiKey option', async () => {
    const fetch = createFakeFetch(() => jsonResponse({}));
    const { request } = makeTransport(fetch);
    await request.send({ url: '/a', apiKey: 'LEGACY' } as never, { headers: { 'X-Trace': '1' } });
    expect(fetch.calls[0].url).toBe(`${TEST_API_URL}a`);
    expect(fetch.calls[0].headers.get('X-Trace')).toBe('1');
  });

  it('rejects statuses >= 400 with a BalenaRequestError carrying the API message', async () => {
    const fetch = createFakeFetch(() =>
      jsonResponse('Tag keys cannot contain whitespace.', 400, { 'X-Request-Id': 'abc' }),
    );
    const { request, tokens } = makeTransport(fetch);
    await tokens.setKey('SECRETKEY');
    const error = (await request
      .send({ url: '/v7/device_tag', method: 'POST', qs: { apikey: 'SECRETKEY' } })
      .catch((e: unknown) => e)) as BalenaRequestError;
    expect(isBalenaError(error, 'BalenaRequestError')).toBe(true);
    expect(error.message).toBe('Request error: Tag keys cannot contain whitespace.');
    expect(error.statusCode).toBe(400);
    expect(error.method).toBe('POST');
    expect(error.url).toBe(`${TEST_API_URL}v7/device_tag?apikey=<redacted>`);
    expect(error.responseHeaders.get('X-Request-Id')).toBe('abc');
    expect(JSON.stringify(error)).not.toContain('SECRETKEY');
    expect(error.requestOptions.headers.Authorization).toBe('<redacted>');
  });

  it('rejects a missing url and an unknown responseFormat before or after sending', async () => {
    const fetch = createFakeFetch(() => jsonResponse({}));
    const { request } = makeTransport(fetch);
    await expect(request.send({} as never)).rejects.toThrow('url option not provided');
    expect(fetch.calls).toHaveLength(0);
    await expect(request.send({ url: '/x', responseFormat: 'xml' as never })).rejects.toMatchObject(
      {
        code: 'BalenaInvalidParameterError',
      },
    );
  });

  it('wraps network failures in BalenaNetworkError with the original as cause', async () => {
    const failure = new TypeError('fetch failed');
    const { request } = makeTransport(createFakeFetch(() => Promise.reject(failure)));
    const error = await request.send({ url: '/ping' }).catch((e: unknown) => e);
    expect(isBalenaError(error, 'BalenaNetworkError')).toBe(true);
    expect((error as Error).cause).toBe(failure);
    expect((error as Error).message).toContain(`GET ${TEST_API_URL}ping`);
  });

  it('passes an abort through as the abort reason, not as a network error', async () => {
    const controller = new AbortController();
    const fetch = createFakeFetch(
      (call) =>
        new Promise<Response>((_resolve, reject) => {
          if (call.signal?.aborted) reject(call.signal.reason);
          call.signal?.addEventListener('abort', () => reject(call.signal?.reason));
        }),
    );
    const { request } = makeTransport(fetch);
    const pending = request.send({ url: '/slow' }, { signal: controller.signal });
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('prints a redacted summary of failed requests in debug mode', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { request, tokens } = makeTransport(
      createFakeFetch(() => jsonResponse('x', 500)),
      { debug: true },
    );
    await tokens.setKey('DEBUGKEY');
    await request.send({ url: '/x' }).catch(() => undefined);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(spy.mock.calls[0])).toContain('"statusCode":500');
    expect(JSON.stringify(spy.mock.calls[0])).not.toContain('DEBUGKEY');
    spy.mockRestore();
  });
});

describe('request.stream', () => {
  it('resolves with an unread ReadableStream, the mime type and the content length', async () => {
    const fetch = createFakeFetch(
      () =>
        new Response('line1\nline2\n', {
          headers: { 'Content-Type': 'application/x-ndjson', 'Content-Length': '12' },
        }),
    );
    const { request } = makeTransport(fetch);
    const response = await request.stream({ url: '/device/v2/abc/logs', qs: { stream: 1 } });
    expect(response.mime).toBe('application/x-ndjson');
    expect(response.contentLength).toBe(12);
    expect(await new Response(response.body).text()).toBe('line1\nline2\n');
    expect(fetch.calls[0].url).toBe(`${TEST_API_URL}device/v2/abc/logs?stream=1`);
  });

  it('rejects error statuses with the body as the message', async () => {
    const { request } = makeTransport(
      createFakeFetch(() => new Response('No such device', { status: 404 })),
    );
    await expect(request.stream({ url: '/x' })).rejects.toMatchObject({
      code: 'BalenaRequestError',
      statusCode: 404,
      message: 'Request error: No such device',
    });
  });
});
