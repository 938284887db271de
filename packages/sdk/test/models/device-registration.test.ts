// models.device registration, device keys, target state, local mode, lock override and OS
// version helpers against the real local API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedDevice } from 'balena-local-api/testing';
import { getSdk } from '../../src/index.js';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from './helpers.js';
import { registerTestDevices, startTestDevice, type TestDevice } from './device-fixtures.js';
import { createTestRelease } from './release-fixtures.js';

let owner: LoggedInUser;
let fleet: TestFleet;
let devDevice: SimulatedDevice;
let bare: TestDevice;
const missingUuid = 'd'.repeat(32);

beforeAll(async () => {
  owner = await loginNewUser();
  fleet = await createTestFleet(owner);
  devDevice = await startTestDevice(owner, fleet.id, {
    osVariant: 'dev',
  });
  [bare] = await registerTestDevices(owner, fleet.id, 1);
});

afterAll(async () => {
  await devDevice?.stop();
});

describe('device.generateUniqueKey', () => {
  it('makes distinct 32-character lower-case hex uuids', () => {
    const keys = new Set(
      Array.from({ length: 100 }, () => owner.sdk.models.device.generateUniqueKey()),
    );
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('device.register', () => {
  it('registers a device in a fleet and returns a working device key', async () => {
    const uuid = owner.sdk.models.device.generateUniqueKey();
    const info = await owner.sdk.models.device.register(fleet.slug, uuid);
    expect(info).toMatchObject({ uuid, id: expect.any(Number), api_key: expect.any(String) });
    const device = await owner.sdk.models.device.get(uuid, {
      $select: 'id',
      $expand: { is_of__device_type: { $select: 'slug' } },
    });
    expect(device.is_of__device_type[0].slug).toBe('raspberrypi3');
    const asDevice = getSdk({ apiUrl: owner.apiUrl, dataDirectory: false });
    await asDevice.auth.loginWithToken(info.api_key);
    const self = await asDevice.models.device.get(uuid, { $select: 'uuid' });
    expect(self.uuid).toBe(uuid);
  });

  it('accepts a compatible device type and refuses an incompatible one', async () => {
    const rpiFleet = await createTestFleet(owner, { deviceType: 'raspberry-pi' });
    const uuid = owner.sdk.models.device.generateUniqueKey();
    await owner.sdk.models.device.register(rpiFleet.id, uuid, 'raspberrypi3');
    expect(await owner.sdk.models.device.has(uuid)).toBe(true);
    const refused = owner.sdk.models.device.generateUniqueKey();
    await expect(
      owner.sdk.models.device.register(fleet.id, refused, 'raspberry-pi'),
    ).rejects.toMatchObject({ code: 'BalenaInvalidDeviceType' });
    expect(await owner.sdk.models.device.has(refused)).toBe(false);
  });

  it('fails for a missing fleet, an unknown device type and a taken uuid', async () => {
    const uuid = owner.sdk.models.device.generateUniqueKey();
    await expect(owner.sdk.models.device.register(999_999_999, uuid)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
    await expect(
      owner.sdk.models.device.register(fleet.id, uuid, 'no-such-type'),
    ).rejects.toMatchObject({ code: 'BalenaInvalidDeviceType' });
    await expect(owner.sdk.models.device.register(fleet.id, bare.uuid)).rejects.toMatchObject({
      code: 'BalenaRequestError',
    });
  });
});

describe('device.generateDeviceKey', () => {
  it('creates a key that acts as the device', async () => {
    const key = await owner.sdk.models.device.generateDeviceKey(bare.uuid, 'ci', 'for tests');
    expect(typeof key).toBe('string');
    const asDevice = getSdk({ apiUrl: owner.apiUrl, dataDirectory: false });
    await asDevice.auth.loginWithToken(key);
    expect(await asDevice.models.device.getName(bare.id)).toBe(
      await owner.sdk.models.device.getName(bare.id),
    );
    await expect(owner.sdk.models.device.generateDeviceKey(missingUuid)).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
  });
});

describe('device target state', () => {
  it('reads the v2 and v3 target state of a device', async () => {
    const v2 = await owner.sdk.models.device.getSupervisorTargetState(bare.id);
    expect(v2).toHaveProperty('local');
    const v3 = await owner.sdk.models.device.getSupervisorTargetState(bare.uuid, 3);
    expect(Object.keys(v3)).toEqual([bare.uuid]);
    await expect(
      owner.sdk.models.device.getSupervisorTargetState(missingUuid),
    ).rejects.toMatchObject({ code: 'BalenaDeviceNotFound' });
  });

  it('reads the fleet target state, for the target release or a given one', async () => {
    // A release's uuid on the wire is its commit.
    const release = await createTestRelease(owner.sdk, fleet.id);
    const releaseUuid = release.commit;
    const state = await owner.sdk.models.device.getSupervisorTargetStateForApp(fleet.slug);
    expect(Object.keys(state)).toEqual([fleet.uuid]);
    const forRelease = await owner.sdk.models.device.getSupervisorTargetStateForApp(
      fleet.id,
      releaseUuid,
    );
    expect(JSON.stringify(forRelease)).toContain(release.commit);
    await expect(
      owner.sdk.models.device.getSupervisorTargetStateForApp('nobody/none'),
    ).rejects.toMatchObject({ code: 'BalenaApplicationNotFound' });
  });
});

describe('device local mode and lock override', () => {
  it('enables and disables local mode on a provisioned development device', async () => {
    expect(await owner.sdk.models.device.isInLocalMode(devDevice.id)).toBe(false);
    await owner.sdk.models.device.enableLocalMode(devDevice.uuid);
    expect(await owner.sdk.models.device.isInLocalMode(devDevice.id)).toBe(true);
    await owner.sdk.models.device.disableLocalMode(devDevice.id);
    expect(await owner.sdk.models.device.isInLocalMode(devDevice.uuid)).toBe(false);
  });

  it('refuses local mode on a device that is not provisioned', async () => {
    await expect(owner.sdk.models.device.enableLocalMode(bare.id)).rejects.toThrow(
      'Device is not yet fully provisioned',
    );
    expect(await owner.sdk.models.device.isInLocalMode(bare.id)).toBe(false);
  });

  it('getLocalModeSupport explains each unsupported case', () => {
    const supported = {
      os_version: 'balenaOS 2.50.0+rev1',
      os_variant: 'dev',
      supervisor_version: '10.0.0',
      last_connectivity_event: new Date().toISOString(),
    };
    const { getLocalModeSupport } = owner.sdk.models.device;
    expect(getLocalModeSupport(supported)).toEqual({ supported: true, message: 'Supported' });
    expect(getLocalModeSupport({ ...supported, last_connectivity_event: null }).supported).toBe(
      false,
    );
    expect(getLocalModeSupport({ ...supported, os_version: 'Resin OS 1.26.0' }).message).toMatch(
      /OS version/,
    );
    expect(getLocalModeSupport({ ...supported, supervisor_version: '3.9.0' }).message).toMatch(
      /supervisor version/,
    );
    expect(getLocalModeSupport({ ...supported, os_variant: 'prod' }).message).toMatch(
      /development/,
    );
  });

  it('lock override: the device value wins over the fleet value', async () => {
    expect(await owner.sdk.models.device.hasLockOverride(bare.id)).toBe(false);
    await owner.sdk.models.application.configVar.set(fleet.id, 'RESIN_OVERRIDE_LOCK', '1');
    expect(await owner.sdk.models.device.hasLockOverride(bare.uuid)).toBe(true);
    await owner.sdk.models.device.disableLockOverride(bare.id);
    expect(await owner.sdk.models.device.hasLockOverride(bare.id)).toBe(false);
    await owner.sdk.models.device.enableLockOverride(bare.uuid);
    expect(await owner.sdk.models.device.hasLockOverride(bare.id)).toBe(true);
    await expect(owner.sdk.models.device.hasLockOverride(missingUuid)).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
  });
});

describe('device.getOsVersion', () => {
  it('adds the variant as build metadata once', () => {
    const { getOsVersion } = owner.sdk.models.device;
    expect(getOsVersion({ os_version: 'balenaOS 2.48.0+rev1', os_variant: 'prod' })).toBe(
      '2.48.0+rev1.prod',
    );
    expect(getOsVersion({ os_version: 'balenaOS 2.88.4+rev3.dev', os_variant: 'dev' })).toBe(
      '2.88.4+rev3.dev',
    );
    expect(getOsVersion({ os_version: '6.0.13', os_variant: null })).toBe('6.0.13');
    expect(getOsVersion({ os_version: null, os_variant: 'prod' })).toBeNull();
    expect(getOsVersion({ os_version: 'not a version', os_variant: 'prod' })).toBeNull();
  });
});
