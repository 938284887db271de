// The local API killed with SIGKILL and started again (same port, same data folder) in the middle of a live log
// subscription and of an OS image download: the data written before the kill survives, the log subscription
// reconnects and delivers every line exactly once, in order, and the download resumes with Range to the right bytes. The API runs as the `balena-local` command in a child process (pinejs allows one server
// per process).
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import {
  createTestUser,
  ensureCompiledServer,
  startSimulatedFleetDevice,
  type SimulatedDevice,
  type TestUser,
} from 'balena-local-api/testing';
import { getSdk } from '../../src/index.js';
import type { LogMessage } from '../../src/logs/index.js';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const serverDir = path.dirname(
  createRequire(import.meta.url).resolve('balena-local-api/package.json'),
);
let dataDir: string;
let child: ChildProcess | undefined;
let apiUrl: string;
let user: TestUser;
let device: SimulatedDevice | undefined;

/** Starts `balena-local` on the port (0: any) and data folder; resolves with its URL once it listens. */
function startApi(port: number): Promise<string> {
  const started = spawn(
    process.execPath,
    [path.join(serverDir, 'bin/balena-local.js'), '--port', String(port), '--data', dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child = started;
  let output = '';
  return new Promise((resolve, reject) => {
    started.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.once('exit', (code) =>
      reject(new Error(`balena-local exited with ${code}:\n${output}`)),
    );
  });
}

async function killApi(): Promise<void> {
  const running = child;
  if (running == null || running.exitCode != null) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGKILL');
  await exited;
}

async function until(condition: () => boolean, what: string, deadlineMs = 60_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  // The command runs the compiled server (built by `npm test` first, or here when stale).
  ensureCompiledServer();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'balena-restart-'));
  apiUrl = await startApi(0);
  user = await createTestUser(apiUrl);
  const headers = { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' };
  const org = (await (await fetch(`${apiUrl}/v7/organization?$select=id`, { headers })).json()) as {
    d: Array<{ id: number }>;
  };
  const deviceType = (await (
    await fetch(`${apiUrl}/v7/device_type?$select=id&$filter=slug%20eq%20'raspberrypi3'`, {
      headers,
    })
  ).json()) as { d: Array<{ id: number }> };
  const fleet = await fetch(`${apiUrl}/v7/application`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      app_name: 'restartFleet',
      organization: org.d[0].id,
      is_for__device_type: deviceType.d[0].id,
    }),
  });
  const { id: applicationId } = (await fleet.json()) as { id: number };
  device = await startSimulatedFleetDevice({ apiUrl, token: user.token, applicationId });
}, 400_000);

afterAll(async () => {
  await device?.stop();
  await killApi();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.off('unhandledRejection', onUnhandled);
});

describe('server killed and restarted mid-stream', () => {
  it('a live log subscription survives kill -9 and restart of the API: data kept, every line once, in order', async () => {
    const sdk = getSdk({ apiUrl, dataDirectory: false });
    await sdk.auth.loginWithToken(user.token);
    const subscription = await sdk.logs.subscribe(device!.uuid, {
      reconnect: { initialDelayMs: 200, maxDelayMs: 1_000 },
    });
    const lines: LogMessage[] = [];
    const errors: unknown[] = [];
    let connects = 0;
    subscription.on('line', (line) => lines.push(line));
    subscription.on('error', (error) => errors.push(error));
    subscription.on('connect', () => (connects += 1));
    await until(() => connects === 1, 'the first connection');
    for (const n of [1, 2, 3]) await device!.sendLog(`before-${n}`);
    await until(() => lines.length === 3, 'the lines sent before the restart');

    await killApi();
    expect(await startApi(Number(new URL(apiUrl).port))).toBe(apiUrl);
    // What was written before the kill is still there: the user's session, the fleet and the device.
    expect((await sdk.models.device.get(device!.uuid, { $select: 'uuid' })).uuid).toBe(
      device!.uuid,
    );
    for (const n of [1, 2, 3]) await device!.sendLog(`after-${n}`);
    await until(() => lines.length >= 6, 'the lines sent after the restart', 120_000);
    // A short quiet period shows nothing arrives twice late.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    subscription.unsubscribe();

    expect(lines.map((line) => line.message)).toEqual([
      'before-1',
      'before-2',
      'before-3',
      'after-1',
      'after-2',
      'after-3',
    ]);
    expect(connects).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
    expect(unhandled).toEqual([]);
  }, 300_000);

  it('an OS image download survives kill -9 and restart of the API: resumed, every byte once, checksum right', async () => {
    const sdk = getSdk({
      apiUrl,
      dataDirectory: false,
      // Opening the resumed range waits for the API to come back up.
      retryTransientErrors: { maxRetries: 200, baseDelayMs: 250, maxDelayMs: 1_000 },
    });
    await sdk.auth.loginWithToken(user.token);
    const stream = await sdk.models.os.download({
      deviceType: 'raspberrypi3',
      version: '2.48.0+rev1.prod',
    });
    const total = stream.total ?? 0;
    expect(total).toBeGreaterThan(16 * 1024 * 1024);
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    let restarted = false;
    const reader = stream.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      hash.update(part.value);
      bytes += part.value.length;
      if (!restarted && bytes > total / 4) {
        restarted = true;
        await killApi();
        expect(await startApi(Number(new URL(apiUrl).port))).toBe(apiUrl);
      }
    }
    expect(restarted).toBe(true);
    expect({ bytes, resumes: stream.resumes }).toEqual({ bytes: total, resumes: 1 });
    expect(hash.digest('hex')).toBe(stream.checksum);
    expect(unhandled).toEqual([]);
  }, 300_000);
});
