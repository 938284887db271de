// models.device OS and supervisor updates against the local API: startOsUpdate through the local
// device actions endpoint reaches a simulated device (which then reports the new version);
// pinToOsRelease and pinToSupervisorRelease set the device's target releases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedDevice } from 'balena-local-api/testing';
import { getSdk, type BalenaSDK } from '../../src/index.js';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from './helpers.js';
import { startTestDevice } from './device-fixtures.js';

let owner: LoggedInUser;
let sdk: BalenaSDK;
let fleet: TestFleet;
let first: SimulatedDevice;
let second: SimulatedDevice;
let third: SimulatedDevice;
let offline: SimulatedDevice;
let oldSupervisor: SimulatedDevice;

const MISSING_UUID = 'e'.repeat(32);

function startDevice(options: { supervisorVersion?: string; osVersion?: string } = {}) {
  return startTestDevice(owner, fleet.id, {
    osVersion: 'balenaOS 2.29.0+rev1',
    osVariant: 'prod',
    supervisorVersion: '10.8.0',
    osUpdateDurationMs: 50,
    ...options,
  });
}

async function hostOsReleaseId(rawVersion: string): Promise<number> {
  const [release] = await sdk.pine.get({
    resource: 'release',
    options: {
      $select: 'id',
      $filter: {
        raw_version: rawVersion,
        belongs_to__application: {
          $any: {
            $alias: 'a',
            $expr: {
              a: {
                is_host: true,
                is_for__device_type: {
                  $any: { $alias: 'dt', $expr: { dt: { slug: 'raspberrypi3' } } },
                },
              },
            },
          },
        },
      },
    },
  });
  return release.id;
}

function readTargets(id: number) {
  return sdk.models.device.get(id, {
    $select: ['os_version', 'should_be_operated_by__release', 'should_be_managed_by__release'],
  });
}

beforeAll(async () => {
  owner = await loginNewUser();
  sdk = getSdk({
    apiUrl: owner.apiUrl,
    dataDirectory: false,
    deviceActionsUrl: `${owner.apiUrl.replace(/\/$/, '')}/actions`,
  });
  await sdk.auth.loginWithToken(owner.user.token);
  fleet = await createTestFleet(owner);
  [first, second, third, offline, oldSupervisor] = await Promise.all([
    startDevice(),
    startDevice(),
    startDevice(),
    startDevice(),
    startDevice({ supervisorVersion: '6.5.0', osVersion: 'balenaOS 2.12.7+rev1' }),
  ]);
  await offline.goOffline();
}, 120_000);

afterAll(async () => {
  await Promise.all([first, second, third, offline, oldSupervisor].map((d) => d?.stop()));
});

describe('startOsUpdate', () => {
  it('starts a detached update on one device, which reports the new version', async () => {
    const updated = new Promise((resolve) => first.once('os-updated', resolve));
    const result = await sdk.models.device.startOsUpdate(first.uuid, '2.48.0+rev1.prod');
    expect(result).toMatchObject({
      status: 'triggered',
      parameters: { target_version: '2.48.0+rev1.prod' },
    });
    expect(await first.waitForCommand('/local/v1/os-update')).toMatchObject({
      body: { target_version: '2.48.0+rev1.prod' },
    });
    expect(await updated).toBe('balenaOS 2.48.0+rev1');
  });

  it('updates several devices (v1, attached) and answers per uuid', async () => {
    const results = await sdk.models.device.startOsUpdate(
      [second.uuid, third.uuid],
      '2.48.0+rev1.prod',
      { runDetached: false },
    );
    expect(Object.keys(results).sort()).toEqual([second.uuid, third.uuid].sort());
    for (const target of [second, third]) {
      expect(results[target.uuid]).toMatchObject({
        parameters: { target_version: '2.48.0+rev1.prod' },
      });
      // Attached (v1) answers once the device took the update, not merely "triggered".
      expect(results[target.uuid].status).not.toBe('triggered');
      expect(target.commands.filter((c) => c.path === '/local/v1/os-update')).toHaveLength(1);
    }
  });

  it('refuses unavailable versions, downgrades, offline and unknown devices', async () => {
    const { device } = sdk.models;
    await expect(device.startOsUpdate(first.uuid, '')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
    await expect(device.startOsUpdate(first.uuid, '2.50.0+rev1.prod')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
    await expect(device.startOsUpdate(oldSupervisor.uuid, '2.48.0+rev1.prod')).rejects.toThrow(
      'Current OS version must be >= 2.14.0+rev1',
    );
    await expect(device.startOsUpdate(offline.uuid, '2.48.0+rev1.prod')).rejects.toThrow(
      `The device is offline: ${offline.uuid}`,
    );
    await expect(device.startOsUpdate(MISSING_UUID, '2.48.0+rev1.prod')).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
    await expect(
      device.startOsUpdate([offline.uuid, MISSING_UUID], '2.48.0+rev1.prod'),
    ).rejects.toMatchObject({ code: 'BalenaDeviceNotFound' });
    expect(offline.commands).toHaveLength(0);
  });
});

describe('pinToOsRelease', () => {
  it('sets the target OS release of online and offline devices, by version or id', async () => {
    const releaseId = await hostOsReleaseId('2.48.0+rev1.prod');
    await sdk.models.device.pinToOsRelease([offline.id], '2.48.0+rev1.prod');
    expect((await readTargets(offline.id)).should_be_operated_by__release).toEqual({
      __id: releaseId,
    });
    const previousId = await hostOsReleaseId('2.29.0+rev1.prod');
    // Pinning back to the release the device runs (2.29.0+rev1, prod) is allowed.
    await sdk.models.device.pinToOsRelease(offline.uuid, previousId);
    expect((await readTargets(offline.id)).should_be_operated_by__release).toEqual({
      __id: previousId,
    });
    await sdk.models.device.pinToOsRelease(offline.uuid, releaseId);
    expect((await readTargets(offline.id)).should_be_operated_by__release).toEqual({
      __id: releaseId,
    });
    const devReleaseId = await hostOsReleaseId('2.48.0+rev1.dev');
    await expect(sdk.models.device.pinToOsRelease(offline.uuid, devReleaseId)).rejects.toThrow(
      'Updates cannot be performed between development and production balenaOS variants',
    );
  });

  it('refuses unknown releases, downgrades and empty input', async () => {
    const { device } = sdk.models;
    await expect(device.pinToOsRelease(first.id, '9.9.9')).rejects.toMatchObject({
      code: 'BalenaReleaseNotFound',
    });
    await expect(device.pinToOsRelease(first.id, '2.29.0+rev1.prod')).rejects.toThrow(
      'OS downgrades are not allowed',
    );
    await expect(device.pinToOsRelease(first.id, '')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
    await expect(device.pinToOsRelease([], '2.48.0+rev1.prod')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });
});

describe('pinToSupervisorRelease', () => {
  it('sets the target supervisor release of the devices', async () => {
    await sdk.models.device.pinToSupervisorRelease([first.id, second.id], '14.11.12');
    const [one, two] = await Promise.all([readTargets(first.id), readTargets(second.id)]);
    expect(one.should_be_managed_by__release).not.toBeNull();
    expect(two.should_be_managed_by__release).toEqual(one.should_be_managed_by__release);
  });

  it('batches per requestBatchingChunkSize: lookups and PATCHes per chunk, one release lookup', async () => {
    const sent: Array<{ method: string; url: string }> = [];
    const chunked = getSdk({
      apiUrl: owner.apiUrl,
      dataDirectory: false,
      requestBatchingChunkSize: { numericId: 2, stringId: 2 },
    });
    await chunked.auth.loginWithToken(owner.user.token);
    chunked.interceptors.push({
      request: (request) => {
        sent.push({ method: request.method, url: decodeURIComponent(request.url) });
        return request;
      },
    });
    await chunked.models.device.pinToSupervisorRelease([first.id, second.id, third.id], '11.12.4');
    const deviceReads = sent.filter((r) => r.method === 'GET' && r.url.includes('device?'));
    const releaseReads = sent.filter((r) => r.method === 'GET' && r.url.includes('release?'));
    const patches = sent.filter((r) => r.method === 'PATCH');
    expect([deviceReads.length, releaseReads.length, patches.length]).toEqual([2, 1, 2]);
    const targets = await Promise.all([first, second, third].map((d) => readTargets(d.id)));
    expect(new Set(targets.map((t) => JSON.stringify(t.should_be_managed_by__release))).size).toBe(
      1,
    );
  });

  it('refuses old supervisors, unknown releases and unknown devices', async () => {
    const { device } = sdk.models;
    await expect(device.pinToSupervisorRelease(oldSupervisor.id, '14.11.12')).rejects.toThrow(
      'Incompatible supervisor version: 6.5.0 - must be >= 7.0.0',
    );
    await expect(device.pinToSupervisorRelease(first.id, '99.0.0')).rejects.toMatchObject({
      code: 'BalenaReleaseNotFound',
    });
    await expect(device.pinToSupervisorRelease(999_999_999, '14.11.12')).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
  });
});
