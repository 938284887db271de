// The five-minute tour in the root README, run as written: the fenced `js` block between the
// `tour:start` / `tour:end` markers is fed to `node --input-type=module` against the test server
// with a fresh user (URL and credentials through the env vars the block reads). Needs a built SDK
// (`npm test` builds first): the block imports `balena-sdk` by package name.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestUser, type TestUser } from 'balena-local-api/testing';
import { getSdk } from '../../src/index.js';
import { REPO_ROOT, assertSdkBuilt, startNode, type NodeRun } from './run-node.js';

const TOUR_BLOCK = /<!-- tour:start -->\s*```js\n([\s\S]*?)```\s*<!-- tour:end -->/;

const apiUrl = inject('apiUrl');
const sdk = getSdk({ apiUrl, dataDirectory: false });
let user: TestUser;
let tour: string;
let run: NodeRun;

beforeAll(async () => {
  assertSdkBuilt();
  const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const match = TOUR_BLOCK.exec(readme);
  if (match?.[1] === undefined) throw new Error('README.md has no tour block between the markers');
  tour = match[1];
  user = await createTestUser(apiUrl);
  await sdk.auth.loginWithToken(user.token);
  await sdk.models.application.create({
    name: 'existing-fleet',
    deviceType: 'raspberrypi3',
    organization: user.username,
  });
  run = await startNode(
    ['--input-type=module'],
    { BALENA_API_URL: apiUrl, BALENA_EMAIL: user.email, BALENA_PASSWORD: user.password },
    tour,
  ).done;
});

describe('the README tour', () => {
  it('reads the API URL and credentials from the environment, defaulting to the demo account', () => {
    expect(tour).toContain("process.env.BALENA_API_URL ?? 'http://127.0.0.1:1337/'");
    expect(tour).toContain("process.env.BALENA_EMAIL ?? 'demo@balena-local.test'");
    expect(tour).toContain("process.env.BALENA_PASSWORD ?? 'balena-demo-password'");
  });

  it('runs to the end without errors', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('lists the fleets of the user', () => {
    expect(run.stdout).toContain(`fleets: ${user.username}/existing-fleet\n`);
  });

  it('registers a device that the API then has, in a new fleet of the user', async () => {
    const registered = /registered device (\w+) in (\S+)/.exec(run.stdout);
    expect(registered).not.toBeNull();
    const [, uuid, fleetSlug] = registered as RegExpExecArray;
    expect(fleetSlug).toMatch(new RegExp(`^${user.username}/tour-`));
    const device = await sdk.models.device.get(uuid, {
      $select: 'uuid',
      $expand: { belongs_to__application: { $select: 'slug' } },
    });
    expect(device.belongs_to__application[0]?.slug).toBe(fleetSlug);
  });

  it('sets an environment variable on the device', async () => {
    const uuid = /registered device (\w+)/.exec(run.stdout)?.[1] as string;
    expect(run.stdout).toContain('GREETING = hello\n');
    expect(await sdk.models.device.envVar.get(uuid, 'GREETING')).toBe('hello');
  });

  it('streams the line the device sent', async () => {
    expect(run.stdout).toMatch(/\nlog: Hello from the device\n$/);
    const uuid = /registered device (\w+)/.exec(run.stdout)?.[1] as string;
    const history = await sdk.logs.history(uuid);
    expect(history.map((line) => line.message)).toEqual(['Hello from the device']);
  });
});
