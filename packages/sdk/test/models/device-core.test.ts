// models.device reads against the real local API, with one simulated device online.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedDevice } from 'balena-local-api/testing';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from './helpers.js';
import {
  newUuid,
  registerTestDevices,
  startTestDevice,
  type TestDevice,
} from './device-fixtures.js';

let owner: LoggedInUser;
let fleet: TestFleet;
let simulated: SimulatedDevice;
let offline: TestDevice;
const missingUuid = 'f'.repeat(32);

beforeAll(async () => {
  owner = await loginNewUser();
  fleet = await createTestFleet(owner);
  simulated = await startTestDevice(owner, fleet.id);
  [offline] = await registerTestDevices(owner, fleet.id, 1);
  await owner.sdk.models.device.rename(offline.id, 'offline-one');
});

afterAll(async () => {
  await simulated?.stop();
});

describe('device.OverallStatus and getDashboardUrl', () => {
  it('lists the official statuses', () => {
    expect(owner.sdk.models.device.OverallStatus.OPERATIONAL).toBe('operational');
    expect(Object.values(owner.sdk.models.device.OverallStatus)).toHaveLength(7);
  });

  it('builds the dashboard URL and rejects an empty uuid', () => {
    expect(owner.sdk.models.device.getDashboardUrl('abc')).toMatch(/\/devices\/abc\/summary$/);
    expect(() => owner.sdk.models.device.getDashboardUrl('')).toThrow();
  });
});

describe('device.get / has', () => {
  it('reads a device by id and by uuid', async () => {
    const byId = await owner.sdk.models.device.get(offline.id, { $select: ['id', 'uuid'] });
    const byUuid = await owner.sdk.models.device.get(offline.uuid, { $select: ['id', 'uuid'] });
    expect(byId).toEqual({ id: offline.id, uuid: offline.uuid });
    expect(byUuid).toEqual(byId);
  });

  it('throws BalenaDeviceNotFound for a missing device and InvalidParameter for a short uuid', async () => {
    await expect(owner.sdk.models.device.get(missingUuid)).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
    await expect(owner.sdk.models.device.get(999_999_999)).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
    await expect(owner.sdk.models.device.get('abc')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });

  it('has answers true, false, and throws for invalid input', async () => {
    expect(await owner.sdk.models.device.has(offline.uuid)).toBe(true);
    expect(await owner.sdk.models.device.has(missingUuid)).toBe(false);
    await expect(owner.sdk.models.device.has('short')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });
});

describe('device listings', () => {
  it('getAllByApplication lists the fleet devices by name, with iterate and count', async () => {
    const devices = await owner.sdk.models.device.getAllByApplication(fleet.slug, {
      $select: ['id', 'device_name'],
    });
    expect(devices.map((d) => d.id).sort()).toEqual([simulated.id, offline.id].sort());
    const names = devices.map((d) => d.device_name);
    expect(names).toEqual([...names].sort());
    const iterated = [];
    for await (const d of owner.sdk.models.device.iterateAllByApplication(fleet.id, {
      $select: 'id',
    })) {
      iterated.push(d.id);
    }
    expect(iterated).toEqual(devices.map((d) => d.id));
    expect(await owner.sdk.models.device.countAllByApplication(fleet.id)).toBe(2);
    expect(
      await owner.sdk.models.device.countAllByApplication(fleet.id, {
        $filter: { device_name: 'offline-one' },
      }),
    ).toBe(1);
  });

  it('getAllByApplication throws for a missing fleet', async () => {
    await expect(
      owner.sdk.models.device.getAllByApplication('nobody/nothing'),
    ).rejects.toMatchObject({ code: 'BalenaApplicationNotFound' });
  });

  it('getAllByOrganization lists the devices of every fleet of the organization', async () => {
    const devices = await owner.sdk.models.device.getAllByOrganization(owner.user.username, {
      $select: 'id',
    });
    expect(devices.map((d) => d.id).sort()).toEqual([simulated.id, offline.id].sort());
    expect(await owner.sdk.models.device.countAllByOrganization(owner.user.username)).toBe(2);
    const iterated = [];
    for await (const d of owner.sdk.models.device.iterateAllByOrganization(owner.user.username)) {
      iterated.push(d.id);
    }
    expect(iterated).toHaveLength(2);
    await expect(
      owner.sdk.models.device.getAllByOrganization('no_such_org_x'),
    ).rejects.toMatchObject({ code: 'BalenaOrganizationNotFound' });
  });

  it('getByName finds devices by name and throws when none matches', async () => {
    const [device] = await owner.sdk.models.device.getByName('offline-one', { $select: 'uuid' });
    expect(device.uuid).toBe(offline.uuid);
    await expect(owner.sdk.models.device.getByName(`none-${newUuid()}`)).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
  });
});

describe('device single facts', () => {
  it('getName and getApplicationName', async () => {
    expect(await owner.sdk.models.device.getName(offline.id)).toBe('offline-one');
    expect(await owner.sdk.models.device.getApplicationName(offline.uuid)).toBe(fleet.app_name);
    await expect(owner.sdk.models.device.getName(missingUuid)).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
  });

  it('isOnline follows the simulated device', async () => {
    expect(await owner.sdk.models.device.isOnline(simulated.uuid)).toBe(true);
    expect(await owner.sdk.models.device.isOnline(offline.id)).toBe(false);
  });

  it('getLocalIPAddresses answers for an online device and throws for an offline one', async () => {
    const addresses = await owner.sdk.models.device.getLocalIPAddresses(simulated.id);
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    await expect(owner.sdk.models.device.getLocalIPAddresses(offline.id)).rejects.toThrow(
      `The device is offline: ${offline.id}`,
    );
  });

  it('getMACAddresses splits the reported addresses; none gives []', async () => {
    const macs = await owner.sdk.models.device.getMACAddresses(simulated.id);
    expect(macs.length).toBeGreaterThan(0);
    for (const mac of macs) expect(mac).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i);
    expect(await owner.sdk.models.device.getMACAddresses(offline.id)).toEqual([]);
  });

  it('getMetrics returns exactly the metric fields', async () => {
    const metrics = await owner.sdk.models.device.getMetrics(simulated.id);
    expect(Object.keys(metrics).sort()).toEqual(
      [
        'cpu_id',
        'cpu_temp',
        'cpu_usage',
        'is_undervolted',
        'memory_total',
        'memory_usage',
        'storage_block_device',
        'storage_total',
        'storage_usage',
      ].sort(),
    );
  });

  it('getStatus and getProgress read the computed fields', async () => {
    expect(await owner.sdk.models.device.getStatus(offline.id)).toBe('inactive');
    expect(Object.values(owner.sdk.models.device.OverallStatus)).toContain(
      await owner.sdk.models.device.getStatus(simulated.uuid),
    );
    const progress = await owner.sdk.models.device.getProgress(offline.id);
    expect(progress === null || typeof progress === 'number').toBe(true);
    await expect(owner.sdk.models.device.getStatus({} as unknown as number)).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });

  it('getWithServiceDetails groups the installs by fleet slug and service', async () => {
    const device = await owner.sdk.models.device.getWithServiceDetails(simulated.id, {
      $select: ['id', 'uuid'],
    });
    expect(device.uuid).toBe(simulated.uuid);
    expect(Array.isArray(device.image_install)).toBe(true);
    expect(typeof device.current_services_by_app).toBe('object');
    await expect(owner.sdk.models.device.getWithServiceDetails(missingUuid)).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
  });
});
