// The demo devices of `balena-local --demo --devices N`, started in-process against a test server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sbvrUtils } from '@balena/pinejs';
import { startTestServer, type TestServer } from '../src/testing/index.js';
import { parseCliOptions } from '../src/cli.js';
import { DEMO_ACCOUNT, seedDemoAccount } from '../src/seed/demo.js';
import { startDemoDevices } from '../src/simulator/demo-devices.js';
import type { SimulatedDevice } from '../src/simulator/index.js';
import { getRows } from './support/odata-client.js';

let server: TestServer;
let devices: SimulatedDevice[] = [];

beforeAll(async () => {
  server = await startTestServer();
  await sbvrUtils.db.transaction((tx) => seedDemoAccount(tx));
}, 90_000);

afterAll(async () => {
  for (const device of devices) await device.stop();
  await server?.close();
});

describe('--devices', () => {
  it('is parsed as a count and implies the demo account', () => {
    expect(parseCliOptions(['--devices', '4'], {})).toMatchObject({ devices: 4, demo: true });
    expect(parseCliOptions([], {})).toMatchObject({ devices: 0, demo: false });
    expect(() => parseCliOptions(['--devices', 'many'], {})).toThrow('Invalid device count');
  });
});

describe('demo devices', () => {
  it('bring the seeded devices online and register more until the minimum runs', async () => {
    devices = await startDemoDevices({
      apiUrl: server.apiUrl,
      organizationHandle: DEMO_ACCOUNT.username,
      minimumDevices: 5,
      pollIntervalMs: 60_000,
    });
    expect(devices).toHaveLength(5);
    const login = await fetch(`${server.apiUrl}/login_`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password }),
    });
    const token = await login.text();
    const rows = await getRows<{ device_name: string; overall_status: string }>(
      server.apiUrl,
      '/v7/device?$select=device_name,overall_status&$orderby=id%20asc',
      token,
    );
    expect(rows).toHaveLength(5);
    expect(rows.slice(0, 3).map((row) => row.device_name)).toEqual([
      'kitchen-display',
      'hallway-display',
      'tomato-bed',
    ]);
    expect(rows.every((row) => row.overall_status === 'operational')).toBe(true);
    // Each demo fleet got a first release, which its devices run.
    const running = await getRows<{ is_running__release: { __id: number } | null }>(
      server.apiUrl,
      '/v7/device?$select=is_running__release',
      token,
    );
    expect(running.every((row) => row.is_running__release != null)).toBe(true);
    const installs = await getRows<{ status: string }>(
      server.apiUrl,
      '/v7/image_install?$select=status',
      token,
    );
    // kiosk + media-player on 4 living-room devices, sensor-reader on 1 greenhouse device
    expect(installs).toHaveLength(9);
    expect(installs.every((row) => row.status === 'Running')).toBe(true);
  });
});
