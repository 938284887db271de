// The official balena-sdk (devDependency alias), unchanged, against the device side of the local API and simulated
// devices: target states, status fields, supervisor actions and their errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSdk } from 'official-balena-sdk';
import { startTestServer, type TestServer, type TestUser } from '../src/testing/index.js';
import { startSimulatedFleetDevice, type SimulatedDevice } from '../src/simulator/index.js';
import {
  createFleet,
  createRelease,
  type TestFleet,
  type TestRelease,
} from './support/device-fixtures.js';

let server: TestServer;
let user: TestUser;
let balena: ReturnType<typeof getSdk>;
let fleet: TestFleet;
let release: TestRelease;
let device: SimulatedDevice;
let offline: SimulatedDevice;

beforeAll(async () => {
  server = await startTestServer();
  user = await server.createUser();
  balena = getSdk({ apiUrl: server.apiUrl, dataDirectory: false, isBrowser: false } as Parameters<
    typeof getSdk
  >[0]);
  await balena.auth.loginWithToken(user.token);
  fleet = await createFleet(server.apiUrl, user.token, 'official-sdk-devices');
  release = await createRelease(server.apiUrl, user.token, fleet.id, ['main']);
  const start = () =>
    startSimulatedFleetDevice({
      apiUrl: server.apiUrl,
      token: user.token,
      applicationId: fleet.id,
      pollIntervalMs: 60_000,
      osVariant: 'dev',
    });
  [device, offline] = [await start(), await start()];
  await offline.goOffline();
}, 120_000);

afterAll(async () => {
  await device?.stop();
  await offline?.stop();
  await server?.close();
});

describe('official SDK: device state', () => {
  it('reads status, progress, online state, addresses and metrics', async () => {
    const { device: model } = balena.models;
    expect(await model.getStatus(device.uuid)).toBe('operational');
    expect(await model.getProgress(device.uuid)).toBeNull();
    expect(await model.isOnline(device.uuid)).toBe(true);
    expect(await model.isOnline(offline.uuid)).toBe(false);
    expect(await model.getStatus(offline.uuid)).toBe('disconnected');
    expect((await model.getLocalIPAddresses(device.uuid))[0]).toMatch(/^192\.168\./);
    expect(await model.getMACAddresses(device.uuid)).toHaveLength(1);
    expect(await model.getMetrics(device.uuid)).toMatchObject({ memory_total: 4096, cpu_temp: 48 });
    expect(await model.getTargetReleaseHash(device.uuid)).toBe(release.commit);
  });

  it('reads the supervisor target state v2, v3 and for the fleet', async () => {
    const { device: model } = balena.models;
    const v2 = (await model.getSupervisorTargetState(device.uuid)) as unknown as {
      local: { apps: Record<string, { commit: string }> };
    };
    expect(v2.local.apps[String(fleet.id)].commit).toBe(release.commit);
    const v3 = (await model.getSupervisorTargetState(device.uuid, 3)) as unknown as Record<
      string,
      { apps: Record<string, { releases: Record<string, unknown> }> }
    >;
    expect(Object.keys(v3[device.uuid].apps[fleet.uuid].releases)).toEqual([release.commit]);
    const forFleet = (await model.getSupervisorTargetStateForApp(fleet.id)) as unknown as Record<
      string,
      { config: Record<string, string> }
    >;
    expect(forFleet[fleet.uuid].config).toMatchObject({
      RESIN_SUPERVISOR_NATIVE_LOGGER: 'true',
      RESIN_SUPERVISOR_POLL_INTERVAL: '900000',
    });
  });
});

describe('official SDK: supervisor actions reach the simulated device', () => {
  it('ping, identify, getSupervisorState, update and restartApplication', async () => {
    const { device: model } = balena.models;
    await model.ping(device.uuid);
    await model.identify(device.uuid);
    const status = await model.getSupervisorState(device.uuid);
    expect(status).toMatchObject({ os_version: 'balenaOS 6.0.13', supervisor_version: '16.7.2' });
    await model.update(device.uuid, { force: true });
    await model.restartApplication(device.uuid);
    const paths = device.commands.map((command) => command.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/ping', '/v1/blink', '/v1/device', '/v1/update', '/v1/restart']),
    );
    expect(device.commands.find((c) => c.path === '/v1/update')?.body).toEqual({ force: true });
    expect(device.commands.find((c) => c.path === '/v1/restart')?.body).toEqual({
      appId: fleet.id,
    });
  });

  it('stopService and startService send the image id', async () => {
    const imageId = release.images.main;
    await balena.models.device.stopService(device.uuid, imageId);
    await balena.models.device.startService(device.uuid, imageId);
    const stop = await device.waitForCommand(`/v2/applications/${fleet.id}/stop-service`);
    expect(stop.body).toEqual({ appId: fleet.id, imageId });
  });

  it('a held update lock gives BalenaSupervisorLockedError; force passes', async () => {
    device.holdUpdateLock();
    try {
      await expect(balena.models.device.reboot(device.uuid)).rejects.toMatchObject({
        code: 'BalenaSupervisorLockedError',
      });
      await expect(balena.models.device.purge(device.uuid)).rejects.toMatchObject({
        code: 'BalenaSupervisorLockedError',
      });
      await balena.models.device.reboot(device.uuid, { force: true });
    } finally {
      device.releaseUpdateLock();
    }
  });

  it('an offline device answers No online device(s) found', async () => {
    await expect(balena.models.device.ping(offline.uuid)).rejects.toMatchObject({
      code: 'BalenaRequestError',
      statusCode: 404,
      body: 'No online device(s) found',
    });
    await expect(balena.models.device.reboot(offline.uuid)).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it('application.restart reaches the online device', async () => {
    await balena.models.application.restart(fleet.id);
    const restarts = device.commands.filter((c) => c.path === '/v1/restart');
    expect(restarts.length).toBeGreaterThanOrEqual(2);
  });
});
