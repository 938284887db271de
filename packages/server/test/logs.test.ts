import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../src/testing/index.js';
import { startSimulatedDevice, type SimulatedDevice } from '../src/simulator/index.js';
import { configureLogs, currentLogStore } from '../src/features/logs/index.js';
import { request } from './support/odata-client.js';
import { createFleet, createProvisioningKey } from './support/device-fixtures.js';

let server: TestServer;
let apiUrl: string;
let owner: TestUser;
let stranger: TestUser;
let device: SimulatedDevice;
let neighbour: SimulatedDevice;
let provisioningKey: string;

interface LogLine {
  message: string;
  timestamp: number;
  createdAt: number;
  isSystem: boolean;
  isStdErr: boolean;
  serviceId?: number;
}

async function post(uuid: string, token: string, body: unknown) {
  return await request(apiUrl, 'POST', `/device/v2/${uuid}/logs`, { token, body });
}

async function history(uuid: string, token: string, query = ''): Promise<LogLine[]> {
  const reply = await request(apiUrl, 'GET', `/device/v2/${uuid}/logs${query}`, { token });
  expect(reply.status).toBe(200);
  return reply.json as LogLine[];
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function startDevice(): Promise<SimulatedDevice> {
  return await startSimulatedDevice({
    apiUrl,
    provisioningKey,
    deviceType: 'raspberrypi4-64',
    pollIntervalMs: 60_000,
  });
}

beforeAll(async () => {
  server = await startTestServer();
  apiUrl = server.apiUrl;
  owner = await server.createUser();
  stranger = await server.createUser();
  const fleet = await createFleet(apiUrl, owner.token, 'logs-fleet');
  provisioningKey = await createProvisioningKey(apiUrl, owner.token, fleet.id);
  device = await startDevice();
  neighbour = await startDevice();
}, 90_000);

afterAll(async () => {
  await device?.stop();
  await neighbour?.stop();
  await server?.close();
});

describe('POST /device/v2/:uuid/logs', () => {
  it('stores a batch from the device itself with a server createdAt', async () => {
    const before = Date.now();
    const reply = await post(device.uuid, device.apiKey, [
      { message: 'boot', timestamp: 1000 },
      { message: 'service out', timestamp: 1001, serviceId: 7, isStdErr: true },
      { message: 'other device', timestamp: 1002, uuid: 'abc' },
    ]);
    expect(reply.status).toBe(201);
    expect(reply.text).toBe('');
    const lines = await history(device.uuid, owner.token);
    expect(lines.map((l) => l.message)).toEqual(['boot', 'service out']);
    expect(lines[0]).toMatchObject({ timestamp: 1000, isSystem: true, isStdErr: false });
    expect(lines[0]).not.toHaveProperty('serviceId');
    expect(lines[1]).toMatchObject({ serviceId: 7, isSystem: false, isStdErr: true });
    expect(lines[0].createdAt).toBeGreaterThanOrEqual(before);
  });

  it('answers 400 with the API texts for invalid batches', async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => ({ message: `m${i}`, timestamp: i }));
    const tooMany = await post(device.uuid, device.apiKey, eleven);
    expect(tooMany).toMatchObject({
      status: 400,
      text: 'Batches cannot include more than 10 logs',
    });
    const notString = await post(device.uuid, device.apiKey, [{ message: 5, timestamp: 1 }]);
    expect(notString).toMatchObject({ status: 400, text: 'DeviceLog message must be string' });
    const legacy = await post(device.uuid, device.apiKey, [
      { message: 'x', timestamp: 1, is_stderr: true },
    ]);
    expect(legacy.status).toBe(400);
    expect((await post(device.uuid, device.apiKey, { message: 'x' })).status).toBe(400);
  });

  it('answers 401 to another device, a user and anonymous callers', async () => {
    const line = [{ message: 'spoof', timestamp: 1 }];
    expect((await post(device.uuid, neighbour.apiKey, line)).status).toBe(401);
    expect((await post(device.uuid, owner.token, line)).status).toBe(401);
    const anonymous = await request(apiUrl, 'POST', `/device/v2/${device.uuid}/logs`, {
      body: line,
    });
    expect(anonymous.status).toBe(401);
    const messages = (await history(device.uuid, owner.token)).map((l) => l.message);
    expect(messages).not.toContain('spoof');
  });

  it('answers 429 past the batch rate limit of a device', async () => {
    configureLogs({ rateLimit: { batches: 3, windowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          (await post(neighbour.uuid, neighbour.apiKey, [{ message: `r${i}`, timestamp: i }]))
            .status,
        );
      }
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
    } finally {
      configureLogs({ rateLimit: { batches: 15, windowMs: 10_000 } });
    }
  });
});

describe('POST /device/v2/:uuid/log-stream', () => {
  it('stores each ndjson line as it arrives, answers 201 when the device ends the upload', async () => {
    let push!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (push = c) });
    const encode = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value)}\n`);
    const upload = fetch(`${apiUrl}/device/v2/${neighbour.uuid}/log-stream`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${neighbour.apiKey}`,
        'content-type': 'application/x-ndjson',
      },
      body,
      duplex: 'half',
    } as RequestInit);
    push.enqueue(encode({ message: 'streamed 1', timestamp: 1 }));
    const deadline = Date.now() + 10_000;
    while (!(await history(neighbour.uuid, owner.token)).some((l) => l.message === 'streamed 1')) {
      if (Date.now() > deadline) throw new Error('the first streamed line never arrived');
    }
    push.enqueue(encode({ message: 'streamed 2', timestamp: 2, serviceId: 4 }));
    push.close();
    expect((await upload).status).toBe(201);
    const last = await history(neighbour.uuid, owner.token, '?count=2');
    expect(last.map((l) => l.message)).toEqual(['streamed 1', 'streamed 2']);
  });

  it('refuses another device (401) and a malformed line (400)', async () => {
    const line = `${JSON.stringify({ message: 'x', timestamp: 1 })}\n`;
    const send = (uuid: string, key: string, text: string) =>
      fetch(`${apiUrl}/device/v2/${uuid}/log-stream`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
        body: text,
      });
    expect((await send(device.uuid, neighbour.apiKey, line)).status).toBe(401);
    const bad = await send(
      neighbour.uuid,
      neighbour.apiKey,
      `${line}{"message":5,"timestamp":1}\n`,
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe('DeviceLog message must be string');
  });
});

describe('GET /device/v2/:uuid/logs', () => {
  let fleetDevice: SimulatedDevice;

  beforeAll(async () => {
    fleetDevice = await startDevice();
    for (let batch = 0; batch < 3; batch++) {
      const lines = Array.from({ length: 10 }, (_, i) => ({
        message: `line ${batch * 10 + i}`,
        timestamp: batch * 10 + i,
      }));
      expect((await post(fleetDevice.uuid, fleetDevice.apiKey, lines)).status).toBe(201);
      // distinct createdAt per batch, so `start` can split them
      const sentAt = Date.now();
      await waitFor(() => Date.now() > sentAt, 'the next millisecond');
    }
  });

  afterAll(async () => {
    await fleetDevice?.stop();
  });

  it('pages the history: last `count` lines oldest first, `start` by createdAt, `all`', async () => {
    const all = await history(fleetDevice.uuid, owner.token, '?count=all');
    expect(all.map((l) => l.message)).toEqual(Array.from({ length: 30 }, (_, i) => `line ${i}`));
    const lastTen = await history(fleetDevice.uuid, owner.token, '?count=10');
    expect(lastTen.map((l) => l.message)).toEqual(all.slice(20).map((l) => l.message));
    const fromSecond = await history(fleetDevice.uuid, owner.token, `?start=${all[10].createdAt}`);
    expect(all[9].createdAt).toBeLessThan(all[10].createdAt);
    expect(fromSecond.map((l) => l.message)).toEqual(all.slice(10).map((l) => l.message));
    const pageTwo = await history(
      fleetDevice.uuid,
      owner.token,
      `?start=${all[10].createdAt}&count=5`,
    );
    expect(pageTwo.map((l) => l.message)).toEqual(all.slice(25).map((l) => l.message));
    const isoStart = new Date(all[29].createdAt).toISOString();
    const fromIso = await history(
      fleetDevice.uuid,
      owner.token,
      `?start=${encodeURIComponent(isoStart)}`,
    );
    expect(fromIso.map((l) => l.message)).toContain('line 29');
    expect(await history(fleetDevice.uuid, owner.token, '?count=0')).toEqual([]);
  });

  it('keeps only the last 1000 lines of a device', async () => {
    configureLogs({ rateLimit: { batches: 1000 } });
    try {
      for (let batch = 0; batch < 101; batch++) {
        const lines = Array.from({ length: 10 }, (_, i) => ({
          message: `bulk ${batch * 10 + i}`,
          timestamp: i,
        }));
        expect((await post(fleetDevice.uuid, fleetDevice.apiKey, lines)).status).toBe(201);
      }
    } finally {
      configureLogs({ rateLimit: { batches: 15 } });
    }
    const kept = await history(fleetDevice.uuid, owner.token, '?count=5000');
    expect(kept).toHaveLength(1000);
    expect(kept[0].message).toBe('bulk 10');
    expect(kept[999].message).toBe('bulk 1009');
  });

  it('denies device keys, provisioning keys and anonymous callers (401), other users (404)', async () => {
    const path = `/device/v2/${fleetDevice.uuid}/logs`;
    expect((await request(apiUrl, 'GET', path, { token: fleetDevice.apiKey })).status).toBe(401);
    expect((await request(apiUrl, 'GET', path, { token: provisioningKey })).status).toBe(401);
    expect((await request(apiUrl, 'GET', path)).status).toBe(401);
    const other = await request(apiUrl, 'GET', path, { token: stranger.token });
    expect(other).toMatchObject({ status: 404, text: `No device with uuid ${fleetDevice.uuid}` });
  });

  it('serves a user API key like a session', async () => {
    const key = await request(apiUrl, 'POST', '/api-key/user/full', {
      token: owner.token,
      body: { name: 'logs-reader' },
    });
    expect(key.status).toBe(200);
    const lines = await history(fleetDevice.uuid, key.json as string, '?count=1');
    expect(lines).toHaveLength(1);
  });
});

describe('GET /device/v2/:uuid/logs?stream=1', () => {
  it('streams the selected history, then live lines and keep-alives, until the client leaves', async () => {
    configureLogs({ stream: { keepAliveMs: 50 } });
    const controller = new AbortController();
    try {
      const response = await fetch(`${apiUrl}/device/v2/${device.uuid}/logs?stream=1&count=2`, {
        headers: { authorization: `Bearer ${owner.token}` },
        signal: controller.signal,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/x-ndjson');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      const readUntil = async (done: () => boolean) => {
        while (!done()) {
          const chunk = await reader.read();
          if (chunk.done) throw new Error('stream ended');
          text += decoder.decode(chunk.value, { stream: true });
        }
      };
      const lines = () => text.split('\n').filter((l) => l !== '');
      await readUntil(() => lines().length >= 2);
      expect(lines().map((l) => (JSON.parse(l) as LogLine).message)).toEqual([
        'boot',
        'service out',
      ]);
      expect(currentLogStore().listenerCount(device.uuid)).toBe(1);
      await post(device.uuid, device.apiKey, [{ message: 'live one', timestamp: 5 }]);
      await readUntil(() => lines().length >= 3);
      expect((JSON.parse(lines()[2]) as LogLine).message).toBe('live one');
      await readUntil(() => /\n\n/.test(text));
      controller.abort();
      await waitFor(
        () => currentLogStore().listenerCount(device.uuid) === 0,
        'the server to drop the listener',
      );
    } finally {
      configureLogs({ stream: { keepAliveMs: 58_000 } });
    }
  });

  it('starts with no history by default', async () => {
    const controller = new AbortController();
    const response = await fetch(`${apiUrl}/device/v2/${device.uuid}/logs?stream=1`, {
      headers: { authorization: `Bearer ${owner.token}` },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await waitFor(() => currentLogStore().listenerCount(device.uuid) === 1, 'the listener');
    await post(device.uuid, device.apiKey, [{ message: 'only live', timestamp: 6 }]);
    const chunk = await reader.read();
    expect(JSON.parse(new TextDecoder().decode(chunk.value).trim())).toMatchObject({
      message: 'only live',
    });
    controller.abort();
    await waitFor(() => currentLogStore().listenerCount(device.uuid) === 0, 'the listener to go');
  });
});

describe('closing the server', () => {
  it('ends open streams so close() does not wait for subscribers (runs last: it stops the server)', async () => {
    const response = await fetch(`${apiUrl}/device/v2/${device.uuid}/logs?stream=1`, {
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(response.headers.get('connection')).toBe('close');
    const reader = response.body!.getReader();
    const ended = (async () => {
      for (;;) if ((await reader.read()).done) return 'ended';
    })();
    await device.stop();
    await neighbour.stop();
    const startedAt = Date.now();
    await server.close();
    expect(await ended).toBe('ended');
    expect(Date.now() - startedAt).toBeLessThan(3000);
  });
});
