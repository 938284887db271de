import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../src/testing/index.js';
import { startSimulatedFleetDevice, type SimulatedDevice } from '../src/simulator/index.js';
import { getRows, odata, request } from './support/odata-client.js';
import { createFleet, type TestFleet } from './support/device-fixtures.js';

let server: TestServer;
let apiUrl: string;
let owner: TestUser;
let stranger: TestUser;
let fleet: TestFleet;
const devices: SimulatedDevice[] = [];

const start = async () => {
  const device = await startSimulatedFleetDevice({
    apiUrl,
    token: owner.token,
    applicationId: fleet.id,
    pollIntervalMs: 60_000,
    osVersion: 'balenaOS 2.88.4+rev1',
    osUpdateDurationMs: 50,
  });
  devices.push(device);
  return device;
};

const startUpdate = (uuid: string, version: 'v1' | 'v2', body: unknown, token = owner.token) =>
  request(apiUrl, 'POST', `/actions/${version}/${uuid}/resinhup`, { token, body });

async function osVersionOf(uuid: string): Promise<string> {
  const [row] = await getRows<{ os_version: string }>(
    apiUrl,
    odata(`/v7/device?$select=os_version&$filter=uuid eq '${uuid}'`),
    owner.token,
  );
  return row.os_version;
}

beforeAll(async () => {
  server = await startTestServer();
  apiUrl = server.apiUrl;
  owner = await server.createUser();
  stranger = await server.createUser();
  fleet = await createFleet(apiUrl, owner.token, 'hup-fleet');
}, 90_000);

afterAll(async () => {
  for (const device of devices) await device.stop();
  await server?.close();
});

describe('OS update actions', () => {
  it('v2 answers triggered at once; the device then runs and reports the target version', async () => {
    const device = await start();
    const updated = new Promise<string>((resolve) => device.once('os-updated', resolve));
    // The SDK sends the variant as build metadata; the device reports the version without it.
    const reply = await startUpdate(device.uuid, 'v2', {
      parameters: { target_version: '2.108.0+rev2.prod' },
    });
    expect(reply.status).toBe(200);
    const action = reply.json as {
      id: string;
      status: string;
      action: string;
      parameters: unknown;
    };
    expect(action).toMatchObject({
      action: 'resinhup',
      status: 'triggered',
      parameters: { target_version: '2.108.0+rev2.prod' },
    });
    expect(await updated).toBe('balenaOS 2.108.0+rev2');
    await device.waitForCommand('/local/v1/os-update');
    // The report that completes the action follows the event; poll the action status with a deadline.
    const deadline = Date.now() + 10_000;
    let status = '';
    while (status !== 'done' && Date.now() < deadline) {
      const read = await request(apiUrl, 'GET', `/actions/v1/${device.uuid}/${action.id}`, {
        token: owner.token,
      });
      status = (read.json as { status: string }).status;
      if (status !== 'done') await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe('done');
    expect(await osVersionOf(device.uuid)).toBe('balenaOS 2.108.0+rev2');
  });

  it('v1 answers once the device took the update', async () => {
    const device = await start();
    const reply = await startUpdate(device.uuid, 'v1', {
      parameters: { target_version: '2.99.1' },
    });
    expect(reply.status).toBe(200);
    expect(['in_progress', 'done']).toContain((reply.json as { status: string }).status);
  });

  it('refuses offline devices, bad input, unknown actions and other users', async () => {
    const device = await start();
    const body = { parameters: { target_version: '2.99.1' } };
    expect((await startUpdate(device.uuid, 'v2', body, stranger.token)).status).toBe(404);
    expect((await startUpdate(device.uuid, 'v2', body, '')).status).toBe(401);
    expect((await startUpdate(device.uuid, 'v2', { parameters: {} })).status).toBe(400);
    const unknown = await request(apiUrl, 'POST', `/actions/v2/${device.uuid}/reboot`, {
      token: owner.token,
      body,
    });
    expect(unknown.status).toBe(404);
    await device.goOffline();
    expect(await startUpdate(device.uuid, 'v2', body)).toMatchObject({
      status: 400,
      text: `The device is offline: ${device.uuid}`,
    });
    expect(await osVersionOf(device.uuid)).toBe('balenaOS 2.88.4+rev1');
  });
});
