import { describe, expect, it } from 'vitest';
import { createPineClient } from '../../src/pine/index.js';
import { API_URL, createRecordingTransport, PREFIX } from './recording-transport.js';

function setup(respond?: Parameters<typeof createRecordingTransport>[0]) {
  const recorder = createRecordingTransport(respond);
  const pine = createPineClient({
    apiUrl: API_URL,
    apiVersion: 'v7',
    transport: recorder.transport,
  });
  return { pine, ...recorder };
}

describe('pine client: members', () => {
  it('exposes API_URL, API_VERSION, apiPrefix and backendParams', () => {
    const { pine } = setup();
    expect(pine.API_URL).toBe(API_URL);
    expect(pine.API_VERSION).toBe('v7');
    expect(pine.apiPrefix).toBe(PREFIX);
    expect(pine.backendParams).toEqual({ apiUrl: API_URL, apiVersion: 'v7' });
  });

  it('builds the prefix from the origin of apiUrl, like the official client', () => {
    const pine = createPineClient({
      apiUrl: 'https://api.example.test/some/path',
      apiVersion: 'v6',
      transport: async () => ({ d: [] }),
    });
    expect(pine.apiPrefix).toBe('https://api.example.test/v6/');
  });

  it('compile returns the relative URL', () => {
    const { pine } = setup();
    expect(
      pine.compile({ resource: 'device', id: { uuid: 'a' }, options: { $select: 'id' } }),
    ).toBe("device(uuid='a')?$select=id");
  });

  it('clone keeps the transport and takes new backend params', async () => {
    const { pine, requests } = setup();
    const clone = pine.clone({ passthrough: { anonymous: true } }, { apiVersion: 'v6' });
    expect(clone.apiPrefix).toBe(`${API_URL}/v6/`);
    await clone.get({ resource: 'device' });
    expect(requests[0]).toEqual({ method: 'GET', url: `${API_URL}/v6/device`, anonymous: true });
    expect(pine.apiPrefix).toBe(PREFIX);
  });
});

describe('pine client: get', () => {
  it('resolves the d array of a collection', async () => {
    const { pine, requests, reply } = setup();
    reply({ d: [{ id: 1 }, { id: 2 }] });
    await expect(pine.get({ resource: 'device', options: { $top: 2 } })).resolves.toEqual([
      { id: 1 },
      { id: 2 },
    ]);
    expect(requests).toEqual([{ method: 'GET', url: `${PREFIX}device?$top=2` }]);
  });

  it('resolves an empty array for { d: [] }', async () => {
    const { pine } = setup();
    await expect(pine.get({ resource: 'device' })).resolves.toEqual([]);
  });

  it('resolves the single row of a get by id, or undefined', async () => {
    const { pine, reply, requests } = setup();
    reply({ d: [{ id: 5 }] });
    await expect(pine.get({ resource: 'device', id: 5 })).resolves.toEqual({ id: 5 });
    reply({ d: [] });
    await expect(pine.get({ resource: 'device', id: { uuid: 'x' } })).resolves.toBeUndefined();
    expect(requests.map((r) => r.url)).toEqual([`${PREFIX}device(5)`, `${PREFIX}device(uuid='x')`]);
  });

  it('rejects several rows for a get by id', async () => {
    const { pine, reply } = setup();
    reply({ d: [{ id: 1 }, { id: 2 }] });
    await expect(pine.get({ resource: 'device', id: 1 })).rejects.toThrow(
      'Returned multiple results when only one was expected.',
    );
  });

  it('resolves the number of a $count query', async () => {
    const { pine, reply, requests } = setup();
    reply({ d: 7 });
    await expect(
      pine.get({ resource: 'device', options: { $count: { $filter: { is_online: true } } } }),
    ).resolves.toBe(7);
    expect(requests[0].url).toBe(`${PREFIX}device/$count?$filter=is_online eq true`);
  });

  it('rejects responses without d or that are not objects', async () => {
    const { pine, reply } = setup();
    reply({});
    await expect(pine.get({ resource: 'device' })).rejects.toThrow("the 'd' property is missing");
    reply('text');
    await expect(pine.get({ resource: 'device' })).rejects.toThrow(
      "Response was not a JSON object: 'string'",
    );
  });

  it('rejects a url parameter before any request', async () => {
    const { pine, requests } = setup();
    await expect(pine.get({ resource: 'device', url: 'device' } as never)).rejects.toThrow(
      'Passing `url` to `get` has been removed',
    );
    expect(requests).toHaveLength(0);
  });

  it('rejects invalid queries before any request', async () => {
    const { pine, requests } = setup();
    await expect(pine.get({ resource: 'device', options: { $top: 'x' as never } })).rejects.toThrow(
      "'$top' option has to be a number",
    );
    expect(requests).toHaveLength(0);
  });
});

describe('pine client: request options and passthrough', () => {
  it('passes signal, headers and timeout to the transport', async () => {
    const { pine, requests } = setup();
    const controller = new AbortController();
    await pine.get(
      { resource: 'device' },
      { signal: controller.signal, headers: { 'X-Trace': '1' }, timeout: 1234 },
    );
    expect(requests[0].signal).toBe(controller.signal);
    expect(requests[0].headers).toEqual({ 'X-Trace': '1' });
    expect(requests[0].timeout).toBe(1234);
  });

  it('sends anonymous and merges passthrough headers under call headers', async () => {
    const { pine, requests } = setup();
    await pine.get(
      { resource: 'device', passthrough: { anonymous: true, headers: { a: '1', b: '1' } } },
      { headers: { b: '2' } },
    );
    expect(requests[0]).toEqual({
      method: 'GET',
      url: `${PREFIX}device`,
      anonymous: true,
      headers: { a: '1', b: '2' },
    });
  });

  it('request accepts a ready-made url and a lower-case method', async () => {
    const { pine, requests } = setup();
    await pine.request({
      method: 'post' as never,
      url: 'release_asset(5)/beginUpload',
      body: { a: 1 },
    });
    expect(requests[0]).toEqual({
      method: 'POST',
      url: `${PREFIX}release_asset(5)/beginUpload`,
      body: { a: 1 },
    });
  });

  it('an aborting transport rejects the call', async () => {
    const controller = new AbortController();
    const pine = createPineClient({
      apiUrl: API_URL,
      apiVersion: 'v7',
      transport: (request) =>
        new Promise((_resolve, reject) => {
          request.signal?.addEventListener('abort', () => reject(request.signal?.reason));
        }),
    });
    const pending = pine.get({ resource: 'device' }, { signal: controller.signal });
    controller.abort(new Error('stopped'));
    await expect(pending).rejects.toThrow('stopped');
  });
});

describe('pine client: writes', () => {
  it('post resolves the created row', async () => {
    const { pine, reply, requests } = setup();
    reply({ id: 3, value: 'v' });
    await expect(pine.post({ resource: 'device_tag', body: { value: 'v' } })).resolves.toEqual({
      id: 3,
      value: 'v',
    });
    expect(requests[0]).toEqual({
      method: 'POST',
      url: `${PREFIX}device_tag`,
      body: { value: 'v' },
    });
  });

  it('patch, put and delete address a key or a filter', async () => {
    const { pine, requests } = setup(() => undefined);
    await pine.patch({ resource: 'device', id: 1, body: { note: 'x' } });
    await pine.put({ resource: 'device', id: { uuid: 'u' }, body: { note: 'y' } });
    await pine.delete({ resource: 'device', options: { $filter: { id: { $in: [1, 2] } } } });
    expect(requests).toEqual([
      { method: 'PATCH', url: `${PREFIX}device(1)`, body: { note: 'x' } },
      { method: 'PUT', url: `${PREFIX}device(uuid='u')`, body: { note: 'y' } },
      { method: 'DELETE', url: `${PREFIX}device?$filter=id in (1,2)` },
    ]);
  });
});
