// models.device changes (single and batched forms) against the real local API.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from './helpers.js';
import { newUuid, registerTestDevices, type TestDevice } from './device-fixtures.js';
import { createTestRelease } from './release-fixtures.js';

let owner: LoggedInUser;
let fleet: TestFleet;
let devices: TestDevice[];
const missingUuid = 'e'.repeat(32);

beforeAll(async () => {
  owner = await loginNewUser();
  fleet = await createTestFleet(owner);
  devices = await registerTestDevices(owner, fleet.id, 4);
});

async function read(id: number) {
  const device = await owner.sdk.pine.get({
    resource: 'device',
    id,
    options: {
      $select: [
        'device_name',
        'note',
        'custom_latitude',
        'custom_longitude',
        'is_web_accessible',
        'is_active',
        'is_accessible_by_support_until__date',
        'belongs_to__application',
        'is_pinned_on__release',
      ],
    },
  });
  if (device === undefined) throw new Error(`device ${id} vanished`);
  return device;
}

describe('device.rename / setNote / custom location', () => {
  it('renames by id and by uuid', async () => {
    await owner.sdk.models.device.rename(devices[0].id, 'first');
    expect((await read(devices[0].id)).device_name).toBe('first');
    await owner.sdk.models.device.rename(devices[0].uuid, 'first-again');
    expect((await read(devices[0].id)).device_name).toBe('first-again');
  });

  it('sets a note on an array of ids and of uuids', async () => {
    await owner.sdk.models.device.setNote([devices[0].id, devices[1].id], 'by ids');
    expect((await read(devices[1].id)).note).toBe('by ids');
    await owner.sdk.models.device.setNote([devices[1].uuid, devices[2].uuid], 'by uuids');
    expect((await read(devices[0].id)).note).toBe('by ids');
    expect((await read(devices[2].id)).note).toBe('by uuids');
  });

  it('sets and clears the custom location as strings', async () => {
    await owner.sdk.models.device.setCustomLocation(devices[0].id, {
      latitude: 51.5,
      longitude: -0.12,
    });
    expect(await read(devices[0].id)).toMatchObject({
      custom_latitude: '51.5',
      custom_longitude: '-0.12',
    });
    await owner.sdk.models.device.unsetCustomLocation([devices[0].id]);
    expect(await read(devices[0].id)).toMatchObject({ custom_latitude: '', custom_longitude: '' });
  });

  it('rejects invalid batch input before any request and missing devices by member', async () => {
    for (const input of ['', [], [1, 'a'.repeat(32)], ['short'], [0]]) {
      await expect(owner.sdk.models.device.setNote(input as number[], 'x')).rejects.toMatchObject({
        code: 'BalenaInvalidParameterError',
      });
    }
    await expect(
      owner.sdk.models.device.setNote([devices[0].id, 999_999_999], 'x'),
    ).rejects.toMatchObject({ code: 'BalenaDeviceNotFound', device: 999_999_999 });
    await expect(owner.sdk.models.device.rename(missingUuid, 'x')).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
    expect((await read(devices[0].id)).note).toBe('by ids');
  });
});

describe('device URLs and support access', () => {
  it('enables, reads and disables the public device URL', async () => {
    expect(await owner.sdk.models.device.hasDeviceUrl(devices[1].id)).toBe(false);
    await expect(owner.sdk.models.device.getDeviceUrl(devices[1].id)).rejects.toThrow();
    await owner.sdk.models.device.enableDeviceUrl([devices[1].id, devices[2].id]);
    expect(await owner.sdk.models.device.hasDeviceUrl(devices[2].uuid)).toBe(true);
    const url = await owner.sdk.models.device.getDeviceUrl(devices[1].uuid);
    expect(url).toMatch(new RegExp(`^https://${devices[1].uuid}\\.[a-z0-9.-]+$`));
    await owner.sdk.models.device.disableDeviceUrl(devices[1].uuid);
    expect(await owner.sdk.models.device.hasDeviceUrl(devices[1].id)).toBe(false);
    await expect(owner.sdk.models.device.hasDeviceUrl(missingUuid)).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
  });

  it('grants and revokes support access; rejects a past expiry', async () => {
    const until = Date.now() + 3_600_000;
    await owner.sdk.models.device.grantSupportAccess([devices[0].id, devices[1].id], until);
    const granted = await read(devices[1].id);
    expect(Date.parse(String(granted.is_accessible_by_support_until__date))).toBe(until);
    await owner.sdk.models.device.revokeSupportAccess(devices[1].id);
    expect((await read(devices[1].id)).is_accessible_by_support_until__date).toBeNull();
    await expect(
      owner.sdk.models.device.grantSupportAccess(devices[0].id, Date.now() - 1000),
    ).rejects.toMatchObject({ code: 'BalenaInvalidParameterError' });
  });
});

describe('device.move', () => {
  it('moves devices to a fleet of a compatible architecture', async () => {
    const rpiFleet = await createTestFleet(owner, { deviceType: 'raspberry-pi' });
    await owner.sdk.models.device.move([devices[2].id, devices[3].id], rpiFleet.slug);
    expect((await read(devices[3].id)).belongs_to__application).toEqual({ __id: rpiFleet.id });
    await owner.sdk.models.device.move(devices[3].uuid, fleet.id);
    expect((await read(devices[3].id)).belongs_to__application).toEqual({ __id: fleet.id });
  });

  it('refuses an incompatible fleet and moves nothing', async () => {
    const aarch64Fleet = await createTestFleet(owner, { deviceType: 'raspberrypi4-64' });
    await expect(
      owner.sdk.models.device.move([devices[0].id, devices[1].id], aarch64Fleet.id),
    ).rejects.toMatchObject({ code: 'BalenaInvalidDeviceType' });
    expect((await read(devices[0].id)).belongs_to__application).toEqual({ __id: fleet.id });
  });

  it('throws for a missing fleet or device', async () => {
    await expect(owner.sdk.models.device.move(devices[0].id, 999_999_999)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
    await expect(owner.sdk.models.device.move(missingUuid, fleet.id)).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
  });
});

describe('device release pinning', () => {
  it('pins to a release by commit and by id, and tracks the fleet again', async () => {
    const first = await createTestRelease(owner.sdk, fleet.id);
    const second = await createTestRelease(owner.sdk, fleet.id);
    expect(await owner.sdk.models.device.isTrackingApplicationRelease(devices[0].id)).toBe(true);
    await owner.sdk.models.device.pinToRelease([devices[0].id, devices[1].id], first.commit);
    expect(await owner.sdk.models.device.isTrackingApplicationRelease(devices[0].uuid)).toBe(false);
    expect(await owner.sdk.models.device.getTargetReleaseHash(devices[1].id)).toBe(first.commit);
    await owner.sdk.models.device.pinToRelease(devices[1].uuid, second.id);
    expect(await owner.sdk.models.device.getTargetReleaseHash(devices[1].uuid)).toBe(second.commit);
    await owner.sdk.models.device.trackApplicationRelease([devices[0].id, devices[1].id]);
    expect(await owner.sdk.models.device.isTrackingApplicationRelease(devices[1].id)).toBe(true);
    expect((await read(devices[0].id)).is_pinned_on__release).toBeNull();
  });

  it('throws BalenaReleaseNotFound for an unknown or failed release', async () => {
    const failed = await createTestRelease(owner.sdk, fleet.id, { status: 'failed' });
    await expect(
      owner.sdk.models.device.pinToRelease(devices[0].id, newUuid()),
    ).rejects.toMatchObject({ code: 'BalenaReleaseNotFound' });
    await expect(
      owner.sdk.models.device.pinToRelease(devices[0].id, failed.commit),
    ).rejects.toMatchObject({ code: 'BalenaReleaseNotFound' });
    await expect(owner.sdk.models.device.getTargetReleaseHash(missingUuid)).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
  });
});

describe('device.deactivate / remove', () => {
  it('deactivates and removes devices', async () => {
    const [a, b] = await registerTestDevices(owner, fleet.id, 2);
    await owner.sdk.models.device.deactivate([a.uuid, b.uuid]);
    expect((await read(a.id)).is_active).toBe(false);
    await owner.sdk.models.device.remove([a.id, b.id]);
    expect(await owner.sdk.models.device.has(a.id)).toBe(false);
    expect(await owner.sdk.models.device.has(b.uuid)).toBe(false);
    await expect(owner.sdk.models.device.remove(a.id)).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
    await expect(owner.sdk.models.device.deactivate([])).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });
});
