import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPineClient, DEFAULT_POLL_INTERVAL_MS } from '../../src/pine/index.js';
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

const conflict = Object.assign(new Error('Request error: unique constraint'), {
  statusCode: 409,
  body: '"device" and "tag_key" must be Unique',
});

describe('pine client: upsert', () => {
  const params = {
    resource: 'device_tag',
    id: { device: 1, tag_key: 'k' },
    body: { value: 'v' },
  } as const;

  it('posts the natural key with the body and resolves the created row', async () => {
    const { pine, reply, requests } = setup();
    reply({ id: 9 });
    await expect(pine.upsert(params)).resolves.toEqual({ id: 9 });
    expect(requests).toEqual([
      { method: 'POST', url: `${PREFIX}device_tag`, body: { value: 'v', device: 1, tag_key: 'k' } },
    ]);
  });

  it('patches by natural key when the POST hits a unique conflict', async () => {
    const { pine, reply, requests } = setup();
    reply(conflict, true);
    reply(undefined);
    await expect(pine.upsert(params)).resolves.toBeUndefined();
    expect(requests[1]).toEqual({
      method: 'PATCH',
      url: `${PREFIX}device_tag?$filter=device eq 1 and tag_key eq 'k'`,
      body: { value: 'v' },
    });
  });

  it('ands the natural key with a given $filter on the PATCH', async () => {
    const { pine, reply, requests } = setup();
    reply(conflict, true);
    reply(undefined);
    await pine.upsert({ ...params, options: { $filter: { value: { $ne: 'v' } } } });
    expect(requests[1].url).toBe(
      `${PREFIX}device_tag?$filter=value ne 'v' and device eq 1 and tag_key eq 'k'`,
    );
  });

  it('rethrows a 409 that is not about uniqueness, and other errors', async () => {
    const { pine, reply, requests } = setup();
    const otherConflict = Object.assign(new Error('x'), { statusCode: 409, body: 'locked' });
    reply(otherConflict, true);
    await expect(pine.upsert(params)).rejects.toBe(otherConflict);
    const serverError = Object.assign(new Error('y'), { statusCode: 500, body: 'unique' });
    reply(serverError, true);
    await expect(pine.upsert(params)).rejects.toBe(serverError);
    expect(requests.every((r) => r.method === 'POST')).toBe(true);
  });

  it('recognises a conflict whose body is a JSON object', async () => {
    const { pine, reply, requests } = setup();
    reply(Object.assign(new Error('z'), { statusCode: 409, body: { error: 'not UNIQUE' } }), true);
    reply(undefined);
    await pine.upsert(params);
    expect(requests[1].method).toBe('PATCH');
  });

  it('validates id and body before any request', async () => {
    const { pine, requests } = setup();
    await expect(pine.upsert({ ...params, id: {} })).rejects.toThrow('natural key');
    await expect(pine.upsert({ ...params, id: 5 as never })).rejects.toThrow(
      'The id property must be an object',
    );
    await expect(pine.upsert({ ...params, body: undefined as never })).rejects.toThrow(
      'The body property is missing',
    );
    expect(requests).toHaveLength(0);
  });
});

describe('pine client: getOrCreate', () => {
  it('returns the existing row without posting', async () => {
    const { pine, reply, requests } = setup();
    reply({ d: [{ id: 4 }] });
    await expect(
      pine.getOrCreate({ resource: 'tag', id: { name: 'x' }, body: { colour: 'red' } }),
    ).resolves.toEqual({ id: 4 });
    expect(requests).toEqual([{ method: 'GET', url: `${PREFIX}tag(name='x')` }]);
  });

  it('posts { ...id, ...body } when nothing is found', async () => {
    const { pine, reply, requests } = setup();
    reply({ d: [] });
    reply({ id: 5 });
    await expect(
      pine.getOrCreate({ resource: 'tag', id: { name: 'x' }, body: { colour: 'red' } }),
    ).resolves.toEqual({ id: 5 });
    expect(requests[1]).toEqual({
      method: 'POST',
      url: `${PREFIX}tag`,
      body: { name: 'x', colour: 'red' },
    });
  });
});

describe('pine client: prepare', () => {
  it('compiles once and appends parameter aliases per call', async () => {
    const { pine, reply, requests } = setup();
    const getByUuid = pine.prepare({
      resource: 'device',
      id: { uuid: { '@': 'uuid' } },
      options: { $select: 'id' },
    });
    reply({ d: [{ id: 1 }] });
    await expect(getByUuid({ uuid: "a'b" })).resolves.toEqual({ id: 1 });
    reply({ d: [] });
    await expect(getByUuid({ uuid: 'c' })).resolves.toBeUndefined();
    expect(requests.map((r) => r.url)).toEqual([
      `${PREFIX}device(uuid=@uuid)?$select=id&@uuid='a''b'`,
      `${PREFIX}device(uuid=@uuid)?$select=id&@uuid='c'`,
    ]);
  });

  it('merges the prepared body with the call body for writes', async () => {
    const { pine, requests } = setup(() => undefined);
    const rename = pine.prepare({
      resource: 'device',
      method: 'PATCH',
      id: { '@': 'id' },
      body: { note: 'n' },
    });
    await rename({ id: 3 }, { device_name: 'x' });
    expect(requests[0]).toEqual({
      method: 'PATCH',
      url: `${PREFIX}device(@id)?@id=3`,
      body: { note: 'n', device_name: 'x' },
    });
  });
});

describe('pine client: count and iterate', () => {
  it('count sends a $count query and resolves the number', async () => {
    const { pine, reply, requests } = setup();
    reply({ d: 12 });
    await expect(
      pine.count({ resource: 'device', options: { $filter: { is_online: true } } }),
    ).resolves.toBe(12);
    expect(requests[0].url).toBe(`${PREFIX}device/$count?$filter=is_online eq true`);
  });

  it('count rejects a non-number answer', async () => {
    const { pine, reply } = setup();
    reply({ d: [] });
    await expect(pine.count({ resource: 'device' })).rejects.toThrow('Expected a number');
  });

  it('iterate pages with $top/$skip on id asc until a short page', async () => {
    const rows = Array.from({ length: 7 }, (_, index) => ({ id: index + 1 }));
    const { pine, requests } = setup((request) => {
      const top = Number(/\$top=(\d+)/.exec(request.url)?.[1]);
      const skip = Number(/\$skip=(\d+)/.exec(request.url)?.[1]);
      return { d: rows.slice(skip, skip + top) };
    });
    const seen: unknown[] = [];
    for await (const row of pine.iterate(
      { resource: 'device', options: { $select: 'id' } },
      { pageSize: 3 },
    )) {
      seen.push(row);
    }
    expect(seen).toEqual(rows);
    expect(requests.map((r) => r.url)).toEqual([
      `${PREFIX}device?$select=id&$orderby=id asc&$top=3&$skip=0`,
      `${PREFIX}device?$select=id&$orderby=id asc&$top=3&$skip=3`,
      `${PREFIX}device?$select=id&$orderby=id asc&$top=3&$skip=6`,
    ]);
  });

  it('iterate makes one extra request when the last page is exactly full', async () => {
    const { pine, reply, requests } = setup();
    reply({ d: [{ id: 1 }, { id: 2 }] });
    reply({ d: [] });
    const seen: unknown[] = [];
    for await (const row of pine.iterate({ resource: 'device' }, { pageSize: 2 })) {
      seen.push(row);
    }
    expect(seen).toHaveLength(2);
    expect(requests).toHaveLength(2);
  });

  it('iterate keeps a given $orderby, starts at $skip and stops at $top', async () => {
    const { pine, requests } = setup((request) => {
      const top = Number(/\$top=(\d+)/.exec(request.url)?.[1]);
      return { d: Array.from({ length: top }, (_, index) => ({ id: index })) };
    });
    const seen: unknown[] = [];
    for await (const row of pine.iterate(
      { resource: 'device', options: { $orderby: { device_name: 'desc' }, $top: 5, $skip: 10 } },
      { pageSize: 2, headers: { a: 'b' } },
    )) {
      seen.push(row);
    }
    expect(seen).toHaveLength(5);
    expect(requests.map((r) => r.url)).toEqual([
      `${PREFIX}device?$orderby=device_name desc&$top=2&$skip=10`,
      `${PREFIX}device?$orderby=device_name desc&$top=2&$skip=12`,
      `${PREFIX}device?$orderby=device_name desc&$top=1&$skip=14`,
    ]);
    expect(requests[0].headers).toEqual({ a: 'b' });
  });

  it('iterate rejects a page size that is not a positive integer', async () => {
    const { pine, requests } = setup();
    await expect(pine.iterate({ resource: 'device' }, { pageSize: 0 }).next()).rejects.toThrow(
      'pageSize must be a positive integer',
    );
    expect(requests).toHaveLength(0);
  });
});

describe('pine client: subscribe', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('polls immediately and then every 10 s by default', async () => {
    vi.useFakeTimers();
    const { pine, requests } = setup(() => ({ d: [{ id: requests.length }] }));
    const poll = pine.subscribe({ resource: 'device', options: { $select: 'id' } });
    const results: unknown[] = [];
    poll.on('data', (data) => results.push(data));
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(DEFAULT_POLL_INTERVAL_MS - 1);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    expect(results).toEqual([[{ id: 1 }], [{ id: 2 }]]);
    poll.destroy();
  });

  it('honours pollInterval, reports errors and keeps polling', async () => {
    vi.useFakeTimers();
    const { pine, reply, requests } = setup();
    reply(new Error('boom'), true);
    const poll = pine.subscribe({ resource: 'device', pollInterval: 500 });
    const errors: unknown[] = [];
    poll.on('error', (error) => errors.push((error as Error).message));
    await vi.advanceTimersByTimeAsync(500);
    expect(errors).toEqual(['boom']);
    expect(requests).toHaveLength(2);
    poll.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(requests).toHaveLength(2);
  });

  it('stops for good when its signal aborts, and passes the signal to requests', async () => {
    vi.useFakeTimers();
    const { pine, requests } = setup();
    const controller = new AbortController();
    const poll = pine.subscribe({ resource: 'device' }, { signal: controller.signal });
    const data = vi.fn();
    poll.on('data', data);
    await vi.advanceTimersByTimeAsync(0);
    expect(requests[0].signal).toBe(controller.signal);
    controller.abort();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(1);
    expect(data).toHaveBeenCalledTimes(1);
  });

  it('unsubscribed listeners are not called and a throwing listener does not stop others', async () => {
    vi.useFakeTimers();
    const { pine } = setup();
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const poll = pine.subscribe({ resource: 'device', pollInterval: 100 });
    const removed = vi.fn();
    const kept = vi.fn();
    poll.on('data', () => {
      throw new Error('listener failure');
    });
    poll.on('data', removed).unsubscribe();
    poll.on('data', kept);
    await vi.advanceTimersByTimeAsync(0);
    expect(removed).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledTimes(1);
    expect(errorLog).toHaveBeenCalledTimes(1);
    poll.setPollInterval(1000);
    await vi.advanceTimersByTimeAsync(999);
    expect(kept).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(kept).toHaveBeenCalledTimes(2);
    poll.destroy();
    errorLog.mockRestore();
  });
});
