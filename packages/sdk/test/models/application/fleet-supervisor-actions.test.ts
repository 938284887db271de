// models.application fleet-wide actions against simulated devices: restart, purge, shutdown and
// reboot reach every online device of the fleet; an update lock on one device gives
// BalenaSupervisorLockedError unless forced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedFleetDevice, type SimulatedDevice } from 'balena-local-api/testing';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from '../helpers.js';

let owner: LoggedInUser;
let fleet: TestFleet;
let lockedFleet: TestFleet;
let devices: SimulatedDevice[];
let lockedDevice: SimulatedDevice;

function startDevice(applicationId: number) {
  return startSimulatedFleetDevice({
    apiUrl: owner.apiUrl,
    token: owner.user.token,
    applicationId,
    pollIntervalMs: 60_000,
  });
}

const pathsOf = (device: SimulatedDevice) => device.commands.map((command) => command.path);

beforeAll(async () => {
  owner = await loginNewUser();
  [fleet, lockedFleet] = await Promise.all([createTestFleet(owner), createTestFleet(owner)]);
  [lockedDevice, ...devices] = await Promise.all([
    startDevice(lockedFleet.id),
    startDevice(fleet.id),
    startDevice(fleet.id),
  ]);
  lockedDevice.holdUpdateLock();
}, 120_000);

afterAll(async () => {
  await Promise.all([lockedDevice, ...(devices ?? [])].map((device) => device?.stop()));
});

describe('fleet-wide supervisor actions reach every online device', () => {
  it('purge and reboot send the fleet id and force flag to each device', async () => {
    const { application } = owner.sdk.models;
    await application.purge(fleet.id);
    await application.reboot(fleet.id, { force: true });
    for (const device of devices) {
      expect(device.commands.find((c) => c.path === '/v1/purge')?.body).toEqual({
        appId: String(fleet.id),
      });
      expect(device.commands.find((c) => c.path === '/v1/reboot')?.body).toEqual({ force: true });
    }
  });

  it('restart restarts the fleet release on each device', async () => {
    await owner.sdk.models.application.restart(fleet.slug);
    for (const device of devices) {
      expect(pathsOf(device)).toContain('/v1/restart');
    }
  });

  it('a locked device gives BalenaSupervisorLockedError; force overrides', async () => {
    const { application } = owner.sdk.models;
    await expect(application.reboot(lockedFleet.id)).rejects.toMatchObject({
      code: 'BalenaSupervisorLockedError',
    });
    await expect(application.purge(lockedFleet.id)).rejects.toMatchObject({
      code: 'BalenaSupervisorLockedError',
    });
    await application.reboot(lockedFleet.id, { force: true });
    expect(lockedDevice.commands.map((c) => [c.path, c.status])).toEqual([
      ['/v1/reboot', 423],
      ['/v1/purge', 423],
      ['/v1/reboot', 202],
    ]);
  });

  it('shutdown reaches each device, which then goes offline', async () => {
    await owner.sdk.models.application.shutdown(fleet.id);
    for (const device of devices) {
      expect(device.commands.find((c) => c.path === '/v1/shutdown')?.body).toEqual({
        force: false,
      });
    }
    const deadline = Date.now() + 20_000;
    let answer: unknown;
    do {
      answer = await owner.sdk.models.application.purge(fleet.id).catch((error: unknown) => error);
    } while (answer === undefined && Date.now() < deadline);
    expect(answer).toMatchObject({ statusCode: 404, body: 'No online device(s) found' });
  });
});
