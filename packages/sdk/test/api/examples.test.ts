// Every Node program in examples/ run as a user runs it (`node examples/...`), against the test
// server and a fresh user, asserting on what it prints and what it changed. Needs a built SDK
// (`npm test` builds first): the examples import `balena-sdk` by package name.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createTestUser,
  startSimulatedFleetDevice,
  type SimulatedDevice,
  type TestUser,
} from 'balena-local-api/testing';
import { getSdk } from '../../src/index.js';
import { assertSdkBuilt, startNode } from './run-node.js';

const apiUrl = inject('apiUrl');
let user: TestUser;
let env: Record<string, string>;
let tempDir: string;
const sdk = getSdk({ apiUrl, dataDirectory: false });

beforeAll(async () => {
  assertSdkBuilt();
  user = await createTestUser(apiUrl);
  await sdk.auth.loginWithToken(user.token);
  env = { BALENA_API_URL: apiUrl, BALENA_EMAIL: user.email, BALENA_PASSWORD: user.password };
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'balena-examples-'));
});

afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

describe.each(['examples/node-esm.mjs', 'examples/node-cjs.cjs'])('%s', (example) => {
  it('logs in, creates a fleet that the API then has, and removes it', async () => {
    const { code, stdout, stderr } = await startNode([example], env).done;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`as ${user.username}`);
    const name = /Created fleet (example-\w+) \(id (\d+)\)/.exec(stdout);
    expect(name).not.toBeNull();
    expect(stdout).toContain(`Removed fleet ${name?.[1]}`);
    // The fleet really was created, under the user's organization, then really removed.
    await expect(sdk.models.application.get(Number(name?.[2]))).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
    expect(await sdk.models.application.getAllDirectlyAccessible()).toEqual([]);
  });
});

describe('examples/node-esm.mjs', () => {
  it('lists the new fleet among the fleets after creating it', async () => {
    await sdk.models.application.create({
      name: 'kept-fleet',
      deviceType: 'raspberrypi3',
      organization: user.username,
    });
    const { code, stdout } = await startNode(['examples/node-esm.mjs'], env).done;
    expect(code).toBe(0);
    expect(stdout).toContain(`${user.username}/kept-fleet`);
    expect(stdout).toMatch(/Fleets now: (kept-fleet, example-\w+|example-\w+, kept-fleet)\n/);
  });
});

describe('examples/os-download.mjs', () => {
  it('writes the whole image to the given file, verified, with the progress bar reaching 100 %', async () => {
    const output = path.join(tempDir, 'os.img');
    const { code, stdout, stderr } = await startNode(['examples/os-download.mjs', output], env)
      .done;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const version = await sdk.models.os.getMaxSatisfyingVersion('raspberrypi3', 'latest');
    expect(version).toBeTruthy();
    const size = await sdk.models.os.getDownloadSize('raspberrypi3', version as string);
    const bytes = await readFile(output);
    expect(bytes.length).toBe(size);
    expect(stdout).toContain(`Saved ${output}: ${size} bytes`);
    // Not a TTY: one bar per 10 %, ending full.
    const bars = stdout.split('\n').filter((line) => line.startsWith('['));
    expect(bars.length).toBeGreaterThanOrEqual(2);
    expect(bars.at(-1)).toMatch(/^\[#{30}\] 100% /);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(stdout).toContain(`sha256 ${sha256}`);
  }, 90_000);
});

describe('examples/log-tail.mjs', () => {
  let device: SimulatedDevice | undefined;

  afterAll(async () => {
    await device?.stop();
  });

  it('follows the online device and prints the lines it sends until the count is reached', async () => {
    const fleet = await sdk.models.application.create({
      name: 'log-tail-fleet',
      deviceType: 'raspberrypi3',
      organization: user.username,
    });
    device = await startSimulatedFleetDevice({
      apiUrl,
      token: user.token,
      applicationId: fleet.id,
      pollIntervalMs: 60_000,
    });
    // No uuid argument: the example picks the account's online device itself.
    const run = startNode(['examples/log-tail.mjs', '', '3'], env);
    await run.waitForOutput(/Following the logs of \w+/);
    expect(run.stdout()).toContain(`Following the logs of ${device.uuid}`);
    await device.sendLog('first line', { serviceId: 7 });
    await device.sendLog('second line', { isSystem: true });
    await device.sendLog('third line', { serviceId: 7, isStdErr: true });
    const { code, stdout, stderr } = await run.done;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const printed = stdout.split('\n').filter((line) => / \[(system|service \d+)\] /.test(line));
    expect(printed).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z \[service 7\] first line$/),
      expect.stringMatching(/ \[system\] second line$/),
      expect.stringMatching(/ \[service 7\] third line$/),
    ]);
    expect(stdout).toContain('Stopped after 3 lines');
  });
});
