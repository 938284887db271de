// Device logs through an SDK subscription against the local API (in this process, PGlite in memory):
//  1. end to end: a simulated device POSTs batches of 10 lines, the subscriber counts them: lines/s;
//  2. stream only: lines appended straight to the API's log store, so only the ndjson stream and the
//     SDK's parsing are measured: lines/s;
//  3. latency: single lines POSTed one after another; time from the POST to the SDK's `line` event;
//  4. the same for lines appended straight to the store (the stream and the SDK alone).
// Needs the built packages: `npm run build -w balena-local-api && npm run build -w balena-sdk`.
// The API's batch rate limit (15 per 10 s per device) is lifted for this run.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './lib/stats.mjs';
import { oursDir } from './lib/sdk-snapshot.mjs';

const { getSdk } = await import(pathToFileURL(path.join(oursDir(), 'dist/node/index.mjs')).href);

const serverDist = new URL('../packages/server/dist/', import.meta.url);
const { createServer } = await import(new URL('server.js', serverDist));
const { configureLogs, currentLogStore } = await import(
  new URL('features/logs/index.js', serverDist)
);
const { startSimulatedFleetDevice } = await import(new URL('simulator/index.js', serverDist));

const END_TO_END_LINES = Number(process.env.BENCH_LOG_LINES ?? 5000);
const STREAM_LINES = Number(process.env.BENCH_STREAM_LINES ?? 50000);
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 200);
const POSTS_IN_FLIGHT = 4;

process.env.PINEJS_CACHE_FILE ??= '/tmp/balena-local-api-pinejs-cache.json';
const server = await createServer({ dataDir: 'memory://', quiet: true });
configureLogs({ rateLimit: { batches: Number.MAX_SAFE_INTEGER } });
const apiUrl = server.url;

async function call(method, path, body, token) {
  const response = await fetch(apiUrl + path, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return text;
}

const username = `bench_${Date.now().toString(36)}`;
const password = 'bench-Secret-123!';
await call('POST', '/user/register', { email: `${username}@example.com`, password, username });
const token = await call('POST', '/login_', { username, password });
const sdk = getSdk({ apiUrl, dataDirectory: false });
await sdk.auth.loginWithToken(token);
const [org] = await sdk.pine.get({ resource: 'organization', options: { $select: 'id' } });
const [deviceType] = await sdk.pine.get({
  resource: 'device_type',
  options: { $select: 'id', $filter: { slug: 'raspberrypi3' } },
});
const fleet = await sdk.pine.post({
  resource: 'application',
  body: { app_name: `${username}_fleet`, organization: org.id, is_for__device_type: deviceType.id },
});
const device = await startSimulatedFleetDevice({
  apiUrl,
  token,
  applicationId: fleet.id,
  pollIntervalMs: 600_000,
});

async function postBatch(messages) {
  const now = Date.now();
  await call(
    'POST',
    `/device/v2/${device.uuid}/logs`,
    messages.map((message) => ({ message, timestamp: now, serviceId: 1 })),
    device.apiKey,
  );
}

function waitForLines(subscription, count) {
  return new Promise((resolve) => {
    let seen = 0;
    const onLine = () => {
      seen += 1;
      if (seen === count) {
        subscription.off('line', onLine);
        resolve(performance.now());
      }
    };
    subscription.on('line', onLine);
  });
}

async function connected(subscription) {
  await new Promise((resolve) => subscription.once('connect', resolve));
}

// 1. end to end
let subscription = await sdk.logs.subscribe(device.uuid);
await connected(subscription);
let allSeen = waitForLines(subscription, END_TO_END_LINES);
let started = performance.now();
let next = 0;
async function poster() {
  while (next < END_TO_END_LINES) {
    const from = next;
    next += 10;
    await postBatch(Array.from({ length: 10 }, (_, i) => `e2e line ${from + i} ${'x'.repeat(60)}`));
  }
}
await Promise.all(Array.from({ length: POSTS_IN_FLIGHT }, poster));
const endToEndMs = (await allSeen) - started;
subscription.unsubscribe();

// 2. stream only
subscription = await sdk.logs.subscribe(device.uuid);
await connected(subscription);
allSeen = waitForLines(subscription, STREAM_LINES);
const store = currentLogStore();
started = performance.now();
for (let i = 0; i < STREAM_LINES; i += 100) {
  const batch = Array.from({ length: 100 }, (_, j) => ({
    message: `stream line ${i + j} ${'x'.repeat(60)}`,
    timestamp: Date.now(),
    isSystem: false,
    isStdErr: false,
    serviceId: 1,
  }));
  store.append(device.uuid, batch);
  // let the socket drain so the slow-reader guard never drops lines
  await new Promise((resolve) => setImmediate(resolve));
}
const streamMs = (await allSeen) - started;
subscription.unsubscribe();

// 3. latency
subscription = await sdk.logs.subscribe(device.uuid);
await connected(subscription);
const sentAt = new Map();
const latencies = [];
subscription.on('line', (line) => {
  const at = sentAt.get(line.message);
  if (at !== undefined) latencies.push(performance.now() - at);
});
for (let i = 0; i < LATENCY_SAMPLES; i++) {
  const message = `latency ${i}`;
  const before = latencies.length;
  sentAt.set(message, performance.now());
  await postBatch([message]);
  while (latencies.length === before) await new Promise((resolve) => setImmediate(resolve));
}
subscription.unsubscribe();

// 4. latency of the stream alone: a line appended to the store until the SDK's `line` event
subscription = await sdk.logs.subscribe(device.uuid);
await connected(subscription);
const streamLatencies = [];
let appendedAt = 0;
subscription.on('line', () => streamLatencies.push(performance.now() - appendedAt));
for (let i = 0; i < LATENCY_SAMPLES; i++) {
  const before = streamLatencies.length;
  appendedAt = performance.now();
  store.append(device.uuid, [
    { message: `direct ${i}`, timestamp: Date.now(), isSystem: true, isStdErr: false },
  ]);
  while (streamLatencies.length === before) await new Promise((resolve) => setImmediate(resolve));
}
subscription.unsubscribe();

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.floor(values.length * p)];
const sorted = [...latencies].sort((a, b) => a - b);
const result = {
  endToEnd: {
    lines: END_TO_END_LINES,
    seconds: Number((endToEndMs / 1000).toFixed(2)),
    linesPerSecond: Math.round(END_TO_END_LINES / (endToEndMs / 1000)),
  },
  streamOnly: {
    lines: STREAM_LINES,
    seconds: Number((streamMs / 1000).toFixed(2)),
    linesPerSecond: Math.round(STREAM_LINES / (streamMs / 1000)),
  },
  latencyMs: {
    samples: latencies.length,
    median: Number(median(latencies).toFixed(2)),
    p95: Number(sorted[Math.floor(sorted.length * 0.95)].toFixed(2)),
  },
  streamOnlyLatencyMs: {
    samples: streamLatencies.length,
    median: Number(median(streamLatencies).toFixed(2)),
    p95: Number(percentile(streamLatencies, 0.95).toFixed(2)),
  },
};
console.log(JSON.stringify(result, null, 2));
await device.stop();
await server.close();
