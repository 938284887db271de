// models.device supervisor actions against the local API: each call goes through the API's
// supervisor proxy to a simulated device, which records what it received.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedFleetDevice, type SimulatedDevice } from 'balena-local-api/testing';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from './helpers.js';

let owner: LoggedInUser;
let stranger: LoggedInUser;
let fleet: TestFleet;
let device: SimulatedDevice;
let locked: SimulatedDevice;
let offline: SimulatedDevice;
let oldSupervisor: SimulatedDevice;

const MISSING_UUID = 'f'.repeat(32);

function startDevice(options: { supervisorVersion?: string } = {}) {
  return startSimulatedFleetDevice({
    apiUrl: owner.apiUrl,
    token: owner.user.token,
    applicationId: fleet.id,
    pollIntervalMs: 60_000,
    ...options,
  });
}

/** The last command a device received on a path, after the SDK call returned. */
function lastCommand(target: SimulatedDevice, path: string) {
  return target.commands.filter((command) => command.path === path).at(-1);
}

beforeAll(async () => {
  owner = await loginNewUser();
  stranger = await loginNewUser();
  fleet = await createTestFleet(owner);
  [device, locked, offline, oldSupervisor] = await Promise.all([
    startDevice(),
    startDevice(),
    startDevice(),
    startDevice({ supervisorVersion: '6.5.0' }),
  ]);
  locked.holdUpdateLock();
  await offline.goOffline();
}, 120_000);

afterAll(async () => {
  await Promise.all([device, locked, offline, oldSupervisor].map((d) => d?.stop()));
});

describe('supervisor actions reach the device', () => {
  it('ping and identify, by uuid and by id', async () => {
    const { device: model } = owner.sdk.models;
    await model.ping(device.uuid);
    expect(lastCommand(device, '/ping')).toMatchObject({ method: 'GET' });
    await model.identify(device.id);
    expect(lastCommand(device, '/v1/blink')).toMatchObject({ method: 'POST' });
  });

  it('restartApplication answers with the supervisor body and sends the fleet id', async () => {
    const body = await owner.sdk.models.device.restartApplication(device.uuid);
    expect(body).toBe('OK');
    expect(lastCommand(device, '/v1/restart')).toMatchObject({
      method: 'POST',
      body: { appId: fleet.id },
      status: 200,
    });
  });

  it('reboot, purge and update send their data', async () => {
    const { device: model } = owner.sdk.models;
    expect(await model.reboot(device.id)).toEqual({ Data: 'OK', Error: null });
    expect(lastCommand(device, '/v1/reboot')?.body).toEqual({ force: false });
    await model.purge(device.uuid);
    expect(lastCommand(device, '/v1/purge')?.body).toEqual({ appId: fleet.id });
    await model.update(device.id, { force: true });
    expect(lastCommand(device, '/v1/update')?.body).toEqual({ force: true });
  });

  it('getSupervisorState returns what the supervisor reports', async () => {
    const state = await owner.sdk.models.device.getSupervisorState(device.uuid);
    expect(state).toMatchObject({
      api_port: 48484,
      os_version: expect.stringContaining('balenaOS'),
      supervisor_version: expect.any(String),
      update_pending: false,
      update_failed: false,
      update_downloaded: false,
    });
  });

  it('start, stop and restart a service by image id', async () => {
    const { device: model } = owner.sdk.models;
    await model.startService(device.uuid, 4001);
    await model.stopService(device.id, 4001);
    await model.restartService(device.id, 4001);
    for (const action of ['start', 'stop', 'restart']) {
      expect(lastCommand(device, `/v2/applications/${fleet.id}/${action}-service`)).toMatchObject({
        method: 'POST',
        body: { appId: fleet.id, imageId: 4001 },
        status: 200,
      });
    }
  });
});

describe('supervisor request options', () => {
  it('container actions wait up to 50 s; a per-call timeout still wins', async () => {
    const timeouts: Array<[string, number | undefined]> = [];
    owner.sdk.interceptors.push({
      request: (request) => {
        if (request.url.startsWith('/supervisor')) timeouts.push([request.url, request.timeout]);
        return request;
      },
    });
    try {
      const { device: model } = owner.sdk.models;
      await model.restartApplication(device.id);
      await model.startService(device.id, 5);
      await model.reboot(device.id);
      await model.restartService(device.id, 5, { timeout: 5_000 });
    } finally {
      owner.sdk.interceptors.pop();
    }
    expect(timeouts).toEqual([
      ['/supervisor/v1/restart', 50_000],
      [`/supervisor/v2/applications/${fleet.id}/start-service`, 50_000],
      ['/supervisor/v1/reboot', undefined],
      [`/supervisor/v2/applications/${fleet.id}/restart-service`, 5_000],
    ]);
  });
});

describe('supervisor action errors', () => {
  it('service actions need supervisor 7.0.0, before any request to the device', async () => {
    const before = oldSupervisor.commands.length;
    for (const call of [
      () => owner.sdk.models.device.startService(oldSupervisor.id, 1),
      () => owner.sdk.models.device.stopService(oldSupervisor.id, 1),
      () => owner.sdk.models.device.restartService(oldSupervisor.uuid, 1),
    ]) {
      await expect(call()).rejects.toThrow(
        'Incompatible supervisor version: 6.5.0 - must be >= 7.0.0',
      );
    }
    expect(oldSupervisor.commands).toHaveLength(before);
  });

  it('a device holding an update lock gives BalenaSupervisorLockedError unless forced', async () => {
    const { device: model } = owner.sdk.models;
    // One call at a time: the device sees the commands in this order.
    for (const call of [
      () => model.reboot(locked.id),
      () => model.shutdown(locked.uuid),
      () => model.purge(locked.id),
      () => model.restartApplication(locked.id),
      () => model.stopService(locked.id, 7),
      () => model.restartService(locked.id, 7),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'BalenaSupervisorLockedError' });
    }
    expect(locked.commands.map((command) => [command.path, command.status])).toEqual([
      ['/v1/reboot', 423],
      ['/v1/shutdown', 423],
      ['/v1/purge', 423],
      ['/v1/restart', 423],
      [`/v2/applications/${fleet.id}/stop-service`, 423],
      [`/v2/applications/${fleet.id}/restart-service`, 423],
    ]);
    await model.reboot(locked.id, { force: true });
    expect(lastCommand(locked, '/v1/reboot')).toMatchObject({ body: { force: true }, status: 202 });
  });

  it('an offline device gives the API 404 "No online device(s) found"', async () => {
    const { device: model } = owner.sdk.models;
    for (const call of [
      () => model.ping(offline.id),
      () => model.identify(offline.uuid),
      () => model.reboot(offline.id),
      () => model.getSupervisorState(offline.id),
      () => model.startService(offline.id, 1),
    ]) {
      await expect(call()).rejects.toMatchObject({
        code: 'BalenaRequestError',
        statusCode: 404,
        body: 'No online device(s) found',
      });
    }
    expect(offline.commands).toHaveLength(0);
  });

  it('unknown devices give BalenaDeviceNotFound, invalid ids BalenaInvalidParameterError', async () => {
    const { device: model } = owner.sdk.models;
    await expect(model.ping(MISSING_UUID)).rejects.toMatchObject({ code: 'BalenaDeviceNotFound' });
    await expect(model.reboot(999_999_999)).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
    await expect(stranger.sdk.models.device.identify(device.uuid)).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
    for (const invalid of ['abc', '', 0, -1, 1.5]) {
      await expect(model.getSupervisorState(invalid)).rejects.toMatchObject({
        code: 'BalenaInvalidParameterError',
      });
    }
  });

  it('shutdown takes the device offline', async () => {
    await owner.sdk.models.device.shutdown(oldSupervisor.uuid, { force: false });
    expect(lastCommand(oldSupervisor, '/v1/shutdown')).toMatchObject({
      body: { force: false },
      status: 202,
    });
    // The simulated device goes offline after answering; the API then refuses further calls.
    const deadline = Date.now() + 20_000;
    let answer: unknown;
    do {
      answer = await owner.sdk.models.device
        .ping(oldSupervisor.id)
        .catch((error: unknown) => error);
    } while (answer === undefined && Date.now() < deadline);
    expect(answer).toMatchObject({ statusCode: 404 });
  });
});
