// The official balena-sdk's logs namespace against the local API, side by side with ours: same
// history, and its subscription receives live lines and stops on unsubscribe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSdk as getOfficialSdk } from 'official-balena-sdk';
import type { SimulatedDevice } from 'balena-local-api/testing';
import { createTestFleet, loginNewUser, type LoggedInUser } from './helpers.js';
import { startTestDevice } from './device-fixtures.js';

let owner: LoggedInUser;
let device: SimulatedDevice;
let official: ReturnType<typeof getOfficialSdk>;

async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  owner = await loginNewUser();
  const fleet = await createTestFleet(owner);
  device = await startTestDevice(owner, fleet.id);
  official = getOfficialSdk({
    apiUrl: owner.apiUrl,
    dataDirectory: false,
    isBrowser: false,
  } as Parameters<typeof getOfficialSdk>[0]);
  await official.auth.loginWithToken(owner.user.token);
  for (let i = 0; i < 3; i++) {
    expect(await device.sendLog(`history ${i}`, { serviceId: 9 })).toBe(201);
  }
}, 120_000);

afterAll(async () => {
  await device?.stop();
});

describe('the official SDK on the local logs endpoints', () => {
  it('reads the same history as this SDK', async () => {
    for (const options of [undefined, { count: 2 }, { count: 'all' as const, start: 0 }]) {
      const theirs = await official.logs.history(device.uuid, options);
      const ours = await owner.sdk.logs.history(device.uuid, options);
      expect(ours).toEqual(theirs);
    }
    expect((await official.logs.history(device.id, { count: 2 })).map((l) => l.message)).toEqual([
      'history 1',
      'history 2',
    ]);
  });

  it('subscribes: history by count, live lines, then silence after unsubscribe', async () => {
    const subscription = await official.logs.subscribe(device.uuid, { count: 1 });
    const messages: string[] = [];
    const errors: unknown[] = [];
    subscription.on('line', (line: { message: string }) => messages.push(line.message));
    subscription.on('error', (error: unknown) => errors.push(error));
    await waitFor(() => messages.length === 1, 'the history line');
    await device.sendLog('live for official');
    await waitFor(() => messages.length === 2, 'the live line');
    subscription.unsubscribe();
    await device.sendLog('after official unsubscribe');
    const [last] = await owner.sdk.logs.history(device.uuid, { count: 1 });
    expect(last.message).toBe('after official unsubscribe');
    expect(messages).toEqual(['history 2', 'live for official']);
    expect(errors).toEqual([]);
  });
});
