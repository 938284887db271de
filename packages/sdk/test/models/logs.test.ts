// sdk.logs against the local API: history paging, live lines from a simulated device, a stream the
// server side drops (through a loopback proxy) resumed with no line lost or doubled, an idle
// connection replaced, unsubscribe/abort closing the connection, and permission denials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedDevice } from 'balena-local-api/testing';
import { getSdk, type BalenaSDK } from '../../src/index.js';
import type { LogMessage, LogsSubscription } from '../../src/logs/index.js';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from './helpers.js';
import { startTestDevice } from './device-fixtures.js';
import { startLogsProxy, type LogsProxy } from './logs-proxy.js';

let owner: LoggedInUser;
let stranger: LoggedInUser;
let fleet: TestFleet;
let device: SimulatedDevice;
let quiet: SimulatedDevice;
let proxy: LogsProxy;
let proxied: BalenaSDK;

async function postLogs(target: SimulatedDevice, messages: string[]): Promise<void> {
  const response = await fetch(`${owner.apiUrl}/device/v2/${target.uuid}/logs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${target.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(messages.map((message) => ({ message, timestamp: Date.now() }))),
  });
  expect(response.status).toBe(201);
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function collect(subscription: LogsSubscription) {
  const lines: LogMessage[] = [];
  const events: string[] = [];
  subscription.on('line', (line) => lines.push(line));
  for (const event of ['connect', 'disconnect', 'reconnect', 'end', 'error'] as const) {
    subscription.on(event, () => events.push(event));
  }
  return { lines, events, messages: () => lines.map((line) => line.message) };
}

const batch = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

beforeAll(async () => {
  owner = await loginNewUser();
  stranger = await loginNewUser();
  fleet = await createTestFleet(owner);
  const start = () => startTestDevice(owner, fleet.id);
  [device, quiet] = await Promise.all([start(), start()]);
  proxy = await startLogsProxy(owner.apiUrl);
  proxied = getSdk({ apiUrl: proxy.url, dataDirectory: false });
  await proxied.auth.loginWithToken(owner.user.token);
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await Promise.all([device, quiet].map((d) => d?.stop()));
});

describe('logs.history', () => {
  beforeAll(async () => {
    for (const prefix of ['a', 'b', 'c']) await postLogs(quiet, batch(prefix, 10));
  });

  it('pages with count and start, by uuid and by id', async () => {
    const all = await owner.sdk.logs.history(quiet.uuid, { count: 'all' });
    expect(all.map((l) => l.message)).toEqual([
      ...batch('a', 10),
      ...batch('b', 10),
      ...batch('c', 10),
    ]);
    const last = await owner.sdk.logs.history(quiet.id, { count: 5 });
    expect(last.map((l) => l.message)).toEqual(batch('c', 10).slice(5));
    const firstC = all[20];
    const fromC = await owner.sdk.logs.history(quiet.uuid, {
      start: firstC.createdAt,
      count: 'all',
    });
    expect(fromC.every((l) => l.createdAt >= firstC.createdAt)).toBe(true);
    expect(fromC.map((l) => l.message)).toContain('c0');
    const iso = await owner.sdk.logs.history(quiet.uuid, {
      start: new Date(all[29].createdAt).toISOString(),
    });
    expect(iso.map((l) => l.message)).toContain('c9');
    expect(all[0]).toMatchObject({ isSystem: true, isStdErr: false });
  });

  it('fails like the official SDK for bad or invisible devices', async () => {
    await expect(owner.sdk.logs.history('not-a-uuid')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
    await expect(stranger.sdk.logs.history(quiet.uuid)).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
    await expect(stranger.sdk.logs.subscribe(quiet.uuid)).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
  });

  it('refuses a device key (401) even for its own logs', async () => {
    const asDevice = getSdk({ apiUrl: owner.apiUrl, dataDirectory: false });
    await asDevice.auth.loginWithToken(quiet.apiKey);
    await expect(asDevice.logs.history(quiet.uuid)).rejects.toMatchObject({
      code: 'BalenaRequestError',
      statusCode: 401,
    });
  });

  it('requires count with start when subscribing', async () => {
    await expect(owner.sdk.logs.subscribe(quiet.uuid, { start: Date.now() })).rejects.toThrow(
      'The count parameter is required when specifying the start parameter',
    );
  });
});

describe('logs.subscribe', () => {
  it('receives the requested history, then live lines the simulated device sends', async () => {
    const subscription = await owner.sdk.logs.subscribe(device.uuid, { count: 1 });
    const seen = collect(subscription);
    await device.sendLog('history line');
    await waitFor(() => seen.lines.length >= 1, 'the first line');
    expect(await device.sendLog('from the simulator', { serviceId: 3, isStdErr: true })).toBe(201);
    await waitFor(() => seen.messages().includes('from the simulator'), 'the live line');
    expect(seen.lines.at(-1)).toMatchObject({ serviceId: 3, isStdErr: true, isSystem: false });
    subscription.unsubscribe();
    expect(seen.events).toEqual(['connect', 'end']);
  });

  it('resumes after the server side drops the stream: no line lost, none doubled', async () => {
    const subscription = await proxied.logs.subscribe(device.uuid, {
      reconnect: { initialDelayMs: 100, maxDelayMs: 200 },
    });
    const seen = collect(subscription);
    await waitFor(() => seen.events.includes('connect'), 'the stream');
    await postLogs(device, batch('first-', 10));
    await waitFor(() => seen.lines.length === 10, 'the first batch');
    proxy.cut();
    await waitFor(() => seen.events.includes('disconnect'), 'the disconnect');
    // Sent while no stream is open: must come with the resumed history.
    await postLogs(device, batch('gap-', 10));
    await waitFor(
      () => seen.events.filter((e) => e === 'connect').length === 2,
      'the reconnection',
    );
    await postLogs(device, batch('after-', 10));
    await waitFor(() => seen.lines.length >= 30, 'all thirty lines');
    // the resumed stream starts at the boundary createdAt; give any doubled line time to show
    await postLogs(device, ['marker']);
    await waitFor(() => seen.messages().includes('marker'), 'the marker');
    expect(seen.messages()).toEqual([
      ...batch('first-', 10),
      ...batch('gap-', 10),
      ...batch('after-', 10),
      'marker',
    ]);
    expect(seen.events.slice(0, 4)).toEqual(['connect', 'disconnect', 'reconnect', 'connect']);
    expect(subscription.lastCreatedAt).toBe(seen.lines.at(-1)?.createdAt);
    subscription.unsubscribe();
  });

  it('replaces a connection that goes silent (idle timeout) and resumes', async () => {
    const subscription = await proxied.logs.subscribe(device.uuid, {
      idleTimeoutMs: 400,
      reconnect: { initialDelayMs: 50, maxDelayMs: 100 },
    });
    const seen = collect(subscription);
    const disconnects: string[] = [];
    subscription.on('disconnect', ({ reason }) => disconnects.push(reason));
    await waitFor(() => seen.events.includes('connect'), 'the stream');
    await postLogs(device, ['before-freeze']);
    await waitFor(() => seen.lines.length === 1, 'the first line');
    proxy.freeze();
    await postLogs(device, ['during-freeze']);
    await waitFor(() => disconnects.includes('idle'), 'the idle timeout');
    await waitFor(() => seen.messages().includes('during-freeze'), 'the line sent while frozen');
    expect(seen.messages()).toEqual(['before-freeze', 'during-freeze']);
    subscription.unsubscribe();
  });

  it('unsubscribe closes the connection at the server and stops the lines', async () => {
    await waitFor(() => proxy.openStreams() === 0, 'earlier streams to close');
    const subscription = await proxied.logs.subscribe(device.uuid);
    const seen = collect(subscription);
    await waitFor(() => seen.events.includes('connect'), 'the stream');
    expect(proxy.openStreams()).toBe(1);
    subscription.unsubscribe();
    await waitFor(() => proxy.openStreams() === 0, 'the API side of the stream to close');
    await postLogs(device, ['after-unsubscribe']);
    // the line reached the API while the unsubscribed stream stayed silent
    const witness = await owner.sdk.logs.history(device.uuid, { count: 1 });
    expect(witness[0].message).toBe('after-unsubscribe');
    expect(seen.lines).toEqual([]);
    expect(seen.events).toEqual(['connect', 'end']);
  });

  it('iterates with for await, ends on abort', async () => {
    const controller = new AbortController();
    const subscription = await owner.sdk.logs.subscribe(device.uuid, { signal: controller.signal });
    subscription.once('connect', () => {
      void postLogs(device, ['it-0', 'it-1', 'it-2']);
    });
    const received: string[] = [];
    for await (const line of subscription) {
      received.push(line.message);
      if (received.length === 3) controller.abort();
    }
    expect(received).toEqual(['it-0', 'it-1', 'it-2']);
    expect(subscription.closed).toBe(true);
  });

  it('leaving a for await loop unsubscribes', async () => {
    const subscription = await owner.sdk.logs.subscribe(device.uuid, { count: 2 });
    const received: LogMessage[] = [];
    for await (const line of subscription) {
      received.push(line);
      break;
    }
    expect(received).toHaveLength(1);
    expect(subscription.closed).toBe(true);
  });

  it('ends with an error when the device goes away (no endless reconnecting)', async () => {
    const doomed = await startTestDevice(owner, fleet.id);
    const subscription = await proxied.logs.subscribe(doomed.uuid, {
      reconnect: { initialDelayMs: 50, maxDelayMs: 100 },
    });
    const errors: unknown[] = [];
    subscription.on('error', (error) => errors.push(error));
    const seen = collect(subscription);
    await waitFor(() => seen.events.includes('connect'), 'the stream');
    await doomed.stop();
    await owner.sdk.pine.delete({ resource: 'device', id: doomed.id });
    proxy.cut();
    await waitFor(() => subscription.closed, 'the subscription to end');
    expect(errors[0]).toMatchObject({ code: 'BalenaRequestError', statusCode: 404 });
    expect(seen.events.at(-1)).toBe('end');
  });
});
