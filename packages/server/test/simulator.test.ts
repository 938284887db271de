import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../src/testing/index.js';
import { startSimulatedDevice, type SimulatedDevice } from '../src/simulator/index.js';
import { getRows, odata, request } from './support/odata-client.js';
import {
  createFleet,
  createProvisioningKey,
  createRelease,
  type TestFleet,
  type TestRelease,
} from './support/device-fixtures.js';

let server: TestServer;
let apiUrl: string;
let user: TestUser;
let fleet: TestFleet;
let release: TestRelease;
let provisioningKey: string;
const devices: SimulatedDevice[] = [];

interface DeviceRow {
  overall_status: string;
  overall_progress: number | null;
  api_heartbeat_state: string;
  is_online: boolean;
  is_connected_to_vpn: boolean;
  is_active: boolean;
  os_version: string | null;
  supervisor_version: string | null;
  ip_address: string | null;
  memory_total: number | null;
  is_running__release: { __id: number } | null;
  last_connectivity_event: string | null;
}

async function readDevice(uuid: string): Promise<DeviceRow> {
  const [row] = await getRows<DeviceRow>(
    apiUrl,
    odata(
      `/v7/device?$select=overall_status,overall_progress,api_heartbeat_state,is_online,is_connected_to_vpn,` +
        `is_active,os_version,supervisor_version,ip_address,memory_total,is_running__release,last_connectivity_event` +
        `&$filter=uuid eq '${uuid}'`,
    ),
    user.token,
  );
  return row;
}

async function start(options: { downloadSteps?: number } = {}): Promise<SimulatedDevice> {
  const device = await startSimulatedDevice({
    apiUrl,
    provisioningKey,
    deviceType: fleet.deviceTypeSlug,
    pollIntervalMs: 60_000,
    ...options,
  });
  devices.push(device);
  return device;
}

beforeAll(async () => {
  server = await startTestServer();
  apiUrl = server.apiUrl;
  user = await server.createUser();
  fleet = await createFleet(apiUrl, user.token, 'simulated-fleet');
  release = await createRelease(apiUrl, user.token, fleet.id, ['main', 'sidecar']);
  provisioningKey = await createProvisioningKey(apiUrl, user.token, fleet.id);
}, 90_000);

afterAll(async () => {
  for (const device of devices) await device.stop();
  await server?.close();
});

describe('a simulated device', () => {
  it('registers, comes online and runs the fleet release', async () => {
    const device = await start();
    const row = await readDevice(device.uuid);
    expect(row).toMatchObject({
      overall_status: 'operational',
      overall_progress: null,
      api_heartbeat_state: 'online',
      is_online: true,
      is_connected_to_vpn: true,
      is_active: true,
      os_version: 'balenaOS 6.0.13',
      supervisor_version: '16.7.2',
      memory_total: 4096,
      is_running__release: { __id: release.id },
    });
    expect(row.ip_address).toMatch(/^192\.168\.\d+\.\d+$/);
    expect(row.last_connectivity_event).not.toBeNull();
    const installs = await getRows<{ status: string; installs__image: { __id: number } }>(
      apiUrl,
      odata(
        `/v7/image_install?$select=status,installs__image&$filter=device/any(d:d/uuid eq '${device.uuid}')`,
      ),
      user.token,
    );
    expect(installs.map((i) => i.installs__image.__id).sort()).toEqual(
      Object.values(release.images).sort(),
    );
    expect(installs.every((i) => i.status === 'Running')).toBe(true);
  });

  it('shows updating with progress while it downloads a new release, then runs it', async () => {
    const device = await start({ downloadSteps: 1 });
    const next = await createRelease(apiUrl, user.token, fleet.id, ['main', 'sidecar']);
    await device.pollNow();
    const downloading = await readDevice(device.uuid);
    expect(downloading.overall_status).toBe('updating');
    // both new images at 50 % (the old release's installs are not counted)
    expect(downloading.overall_progress).toBe(50);
    await device.pollNow();
    const done = await readDevice(device.uuid);
    expect(done).toMatchObject({
      overall_status: 'operational',
      overall_progress: null,
      is_running__release: { __id: next.id },
    });
    release = next;
  });

  it('goes offline and comes back', async () => {
    const device = await start();
    await device.goOffline();
    expect(await readDevice(device.uuid)).toMatchObject({
      overall_status: 'disconnected',
      is_online: false,
      is_connected_to_vpn: false,
      api_heartbeat_state: 'offline',
    });
    const ping = await request(apiUrl, 'POST', '/supervisor/ping', {
      token: user.token,
      body: { uuid: device.uuid, method: 'GET' },
    });
    expect(ping).toMatchObject({ status: 404, text: 'No online device(s) found' });
    await device.goOnline();
    expect(await readDevice(device.uuid)).toMatchObject({
      overall_status: 'operational',
      is_connected_to_vpn: true,
    });
  });

  it('refuses a state report for another device', async () => {
    const [first, second] = [await start(), await start()];
    const reply = await request(apiUrl, 'PATCH', '/device/v3/state', {
      token: first.apiKey,
      body: { [second.uuid]: { status: 'Idle' } },
    });
    expect(reply.status).toBe(401);
  });

  it('serves its public URL through the device URL relay only while web accessible', async () => {
    const device = await start();
    const url = `/local/v1/device-urls/${device.uuid}/status?x=1`;
    expect((await request(apiUrl, 'GET', url)).status).toBe(404);
    const enable = await request(apiUrl, 'PATCH', `/v7/device(${device.id})`, {
      token: user.token,
      body: { is_web_accessible: true },
    });
    expect(enable.status).toBe(200);
    expect(await request(apiUrl, 'GET', url)).toMatchObject({
      status: 200,
      text: `Hello from simulated device ${device.uuid} (/status)`,
    });
    await device.goOffline();
    expect((await request(apiUrl, 'GET', url)).status).toBe(404);
  });

  it('rejects a state report with wrongly typed fields', async () => {
    const device = await start();
    const reply = await request(apiUrl, 'PATCH', '/device/v3/state', {
      token: device.apiKey,
      body: { [device.uuid]: { cpu_usage: 'high' } },
    });
    expect(reply).toMatchObject({ status: 400, text: 'cpu_usage must be a number' });
    const anonymous = await request(apiUrl, 'PATCH', '/device/v3/state', {
      body: { [device.uuid]: { status: 'Idle' } },
    });
    expect(anonymous.status).toBe(401);
  });

  it('sends logs through the device logs endpoint', async () => {
    const device = await start();
    expect(await device.sendLog('service started', { serviceId: 7 })).toBe(201);
    expect(await device.sendLog('supervisor says hi')).toBe(201);
    const history = await request(apiUrl, 'GET', `/device/v2/${device.uuid}/logs`, {
      token: user.token,
    });
    expect(history.status).toBe(200);
    expect(history.json).toMatchObject([
      { message: 'service started', serviceId: 7, isSystem: false, isStdErr: false },
      { message: 'supervisor says hi', isSystem: true },
    ]);
  });

  it('logs each running service on its own when asked to', async () => {
    const device = await startSimulatedDevice({
      apiUrl,
      provisioningKey,
      deviceType: fleet.deviceTypeSlug,
      pollIntervalMs: 60_000,
      logIntervalMs: 100,
    });
    devices.push(device);
    const deadline = Date.now() + 10_000;
    let logs: Array<{ message: string; serviceId?: number }> = [];
    const serviceIds = () => [...new Set(logs.map((log) => log.serviceId))].sort();
    const expected = Object.values(release.services).sort();
    while (serviceIds().length < expected.length && Date.now() < deadline) {
      const reply = await request(apiUrl, 'GET', `/device/v2/${device.uuid}/logs`, {
        token: user.token,
      });
      logs = reply.json as typeof logs;
      if (serviceIds().length < expected.length)
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(serviceIds()).toEqual(expected);
    expect(logs[0].message).toMatch(/^\[(main|sidecar)\] Running, uptime \d+s$/);
  });
});
