// models.application purge/shutdown/reboot against a fleet with a simulated device: the API relays each call to the
// device's supervisor; an update lock answers 423, which becomes BalenaSupervisorLockedError unless forced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedDevice } from 'balena-local-api/testing';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from '../helpers.js';
import { startTestDevice } from '../device-fixtures.js';

let owner: LoggedInUser;
let fleet: TestFleet;
let device: SimulatedDevice;

beforeAll(async () => {
  owner = await loginNewUser();
  fleet = await createTestFleet(owner);
  device = await startTestDevice(owner, fleet.id);
}, 60_000);

afterAll(async () => {
  await device?.stop();
});

describe('fleet-wide supervisor actions reach the fleet devices', () => {
  it('purge relays the purge to the device', async () => {
    await owner.sdk.models.application.purge(fleet.id);
    const command = await device.waitForCommand('/v1/purge');
    expect(command.body).toEqual({ appId: String(fleet.id) });
  });

  it('an update lock turns reboot into BalenaSupervisorLockedError; force overrides it', async () => {
    device.holdUpdateLock();
    try {
      await expect(owner.sdk.models.application.reboot(fleet.id)).rejects.toMatchObject({
        code: 'BalenaSupervisorLockedError',
      });
      await owner.sdk.models.application.reboot(fleet.id, { force: true });
      const reboots = device.commands.filter((command) => command.path === '/v1/reboot');
      expect(reboots.map((command) => [command.body, command.status])).toEqual([
        [{ force: false }, 423],
        [{ force: true }, 202],
      ]);
    } finally {
      device.releaseUpdateLock();
    }
  });

  it('restart relays a restart of the fleet to the device', async () => {
    await owner.sdk.models.application.restart(fleet.slug);
    const restart = await device.waitForCommand('/v1/restart');
    expect(restart.body).toEqual({ appId: fleet.id });
  });

  it('shutdown relays to the device', async () => {
    await owner.sdk.models.application.shutdown(fleet.id, { force: true });
    const shutdown = await device.waitForCommand('/v1/shutdown');
    expect(shutdown.body).toEqual({ force: true });
  });

  it('another user cannot act on the fleet', async () => {
    const stranger = await loginNewUser();
    await expect(stranger.sdk.models.application.purge(fleet.id)).rejects.toMatchObject({
      code: 'BalenaRequestError',
    });
  });
});
