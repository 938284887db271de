// models.device tags, configVar, envVar (shared suite), serviceVar and history against the real
// local API.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BalenaSDK } from '../../src/index.js';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from './helpers.js';
import { registerTestDevices, type TestDevice } from './device-fixtures.js';
import {
  describeDependentResource,
  type DependentResourceUnderTest,
} from './shared/dependent-resource.js';
import { createTestImage, createTestRelease, createTestService } from './release-fixtures.js';

/** The device-specific operations of one tag or variable kind. */
interface ByDeviceNamespace {
  getAllByDevice: unknown;
  get?: DependentResourceUnderTest['get'];
  set: DependentResourceUnderTest['set'];
  remove: DependentResourceUnderTest['remove'];
}

function byDevice(ns: ByDeviceNamespace): DependentResourceUnderTest {
  // The suite passes untyped pine options; typed use is covered by the other device tests.
  const getAllByParent = ns.getAllByDevice as DependentResourceUnderTest['getAllByParent'];
  return { getAllByParent, get: ns.get, set: ns.set, remove: ns.remove };
}

let shared: Promise<{ owner: LoggedInUser; fleet: TestFleet; device: TestDevice }> | undefined;
function sharedFixture() {
  shared ??= (async () => {
    const owner = await loginNewUser();
    const fleet = await createTestFleet(owner);
    const [device] = await registerTestDevices(owner, fleet.id, 1);
    return { owner, fleet, device };
  })();
  return shared;
}

async function deviceFixture() {
  const { owner, device } = await sharedFixture();
  return { sdk: owner.sdk, parentId: device.id, parentName: device.uuid };
}

const common = {
  setup: deviceFixture,
  notFoundCode: 'BalenaDeviceNotFound',
  invalidParent: 'not-a-uuid',
};

describeDependentResource({
  ...common,
  title: 'device.tags',
  keyField: 'tag_key',
  keyPrefix: 'tag',
  hasGet: false,
  pick: (sdk: BalenaSDK) => byDevice(sdk.models.device.tags),
});

describeDependentResource({
  ...common,
  title: 'device.configVar',
  keyField: 'name',
  keyPrefix: 'BALENA_DEVTEST',
  hasGet: true,
  pick: (sdk: BalenaSDK) => byDevice(sdk.models.device.configVar),
});

describeDependentResource({
  ...common,
  title: 'device.envVar',
  keyField: 'name',
  keyPrefix: 'DEVTEST',
  hasGet: true,
  pick: (sdk: BalenaSDK) => byDevice(sdk.models.device.envVar),
});

describe('device tags and variables by fleet', () => {
  it('lists the entries of every device of a fleet, with iterate and count', async () => {
    const { owner, fleet, device } = await sharedFixture();
    const [other] = await registerTestDevices(owner, fleet.id, 1);
    await owner.sdk.models.device.tags.set(device.id, 'zone', 'a');
    await owner.sdk.models.device.tags.set(other.uuid, 'zone', 'b');
    const tags = await owner.sdk.models.device.tags.getAllByApplication(fleet.slug, {
      $select: ['tag_key', 'value'],
      $filter: { tag_key: 'zone' },
    });
    expect(tags.map((t) => t.value).sort()).toEqual(['a', 'b']);
    expect(
      await owner.sdk.models.device.tags.countAllByApplication(fleet.id, {
        $filter: { tag_key: 'zone' },
      }),
    ).toBe(2);
    await owner.sdk.models.device.envVar.set(other.id, 'FLEETWIDE', '1');
    const vars = [];
    for await (const v of owner.sdk.models.device.envVar.iterateAllByApplication(fleet.id)) {
      vars.push(v.name);
    }
    expect(vars).toContain('FLEETWIDE');
    expect(await owner.sdk.models.device.configVar.getAllByApplication(fleet.id)).toEqual(
      expect.any(Array),
    );
    expect(await owner.sdk.models.device.tags.countAllByDevice(other.id)).toBe(1);
    await expect(
      owner.sdk.models.device.tags.getAllByApplication('nobody/none'),
    ).rejects.toMatchObject({ code: 'BalenaApplicationNotFound' });
  });
});

describe('device.serviceVar', () => {
  let owner: LoggedInUser;
  let fleet: TestFleet;
  let device: TestDevice;
  let serviceId: number;

  beforeAll(async () => {
    owner = await loginNewUser();
    fleet = await createTestFleet(owner);
    serviceId = await createTestService(owner.sdk, fleet.id, 'main');
    const release = await createTestRelease(owner.sdk, fleet.id);
    await createTestImage(owner.sdk, serviceId, release.id);
    await owner.sdk.models.application.pinToRelease(fleet.id, release.commit);
    [device] = await registerTestDevices(owner, fleet.id, 1);
  });

  it('sets, reads, lists and removes a service variable by service name and id', async () => {
    await owner.sdk.models.device.serviceVar.set(device.uuid, 'main', 'SVC_VAR', 'one');
    expect(await owner.sdk.models.device.serviceVar.get(device.id, 'main', 'SVC_VAR')).toBe('one');
    await owner.sdk.models.device.serviceVar.set(device.id, serviceId, 'SVC_VAR', 'two');
    expect(await owner.sdk.models.device.serviceVar.get(device.uuid, serviceId, 'SVC_VAR')).toBe(
      'two',
    );
    const byDeviceRows = await owner.sdk.models.device.serviceVar.getAllByDevice(device.id, {
      $select: ['name', 'value'],
    });
    expect(byDeviceRows).toEqual([{ name: 'SVC_VAR', value: 'two' }]);
    expect(await owner.sdk.models.device.serviceVar.countAllByDevice(device.uuid)).toBe(1);
    const byFleet = await owner.sdk.models.device.serviceVar.getAllByApplication(fleet.slug, {
      $select: 'name',
    });
    expect(byFleet).toEqual([{ name: 'SVC_VAR' }]);
    await owner.sdk.models.device.serviceVar.remove(device.id, 'main', 'SVC_VAR');
    expect(
      await owner.sdk.models.device.serviceVar.get(device.id, 'main', 'SVC_VAR'),
    ).toBeUndefined();
  });

  it('throws for a service not installed, a missing device and an invalid identifier', async () => {
    await expect(
      owner.sdk.models.device.serviceVar.set(device.id, 'nope', 'SVC_VAR', 'x'),
    ).rejects.toMatchObject({ code: 'BalenaServiceNotFound' });
    await expect(
      owner.sdk.models.device.serviceVar.get('c'.repeat(32), 'main', 'SVC_VAR'),
    ).rejects.toMatchObject({ code: 'BalenaDeviceNotFound' });
    await expect(
      owner.sdk.models.device.serviceVar.set('short', 'main', 'SVC_VAR', 'x'),
    ).rejects.toMatchObject({ code: 'BalenaInvalidParameterError' });
  });
});

describe('device.history', () => {
  it('reads the rows of a device by id and uuid, and of its fleet', async () => {
    const { owner, fleet, device } = await sharedFixture();
    const byId = await owner.sdk.models.device.history.getAllByDevice(device.id);
    expect(byId.length).toBeGreaterThan(0);
    const byUuid = await owner.sdk.models.device.history.getAllByDevice(device.uuid, {
      fromDate: new Date(Date.now() - 60_000),
    });
    expect(byUuid.map((row) => row.id)).toEqual(byId.map((row) => row.id));
    const byFleet = await owner.sdk.models.device.history.getAllByApplication(
      fleet.id,
      {},
      {
        $select: ['uuid'],
      },
    );
    expect(byFleet.map((row) => row.uuid)).toContain(device.uuid);
    expect(await owner.sdk.models.device.history.countAllByDevice(device.id)).toBe(byId.length);
  });

  it('honours the time range and rejects non-Date bounds and bad identifiers', async () => {
    const { owner, device } = await sharedFixture();
    const future = new Date(Date.now() + 3_600_000);
    expect(
      await owner.sdk.models.device.history.getAllByDevice(device.id, { fromDate: future }),
    ).toEqual([]);
    const past = new Date(Date.now() - 3_600_000);
    expect(
      await owner.sdk.models.device.history.getAllByDevice(device.id, { toDate: past }),
    ).toEqual([]);
    await expect(
      owner.sdk.models.device.history.getAllByDevice(device.id, {
        fromDate: '2020-01-01' as unknown as Date,
      }),
    ).rejects.toMatchObject({ code: 'BalenaInvalidParameterError' });
    await expect(owner.sdk.models.device.history.getAllByDevice('abc')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
    await expect(
      owner.sdk.models.device.history.getAllByApplication(999_999_999),
    ).rejects.toMatchObject({ code: 'BalenaApplicationNotFound' });
  });
});
