// Differential wire test: the same models.device calls through this SDK and the official balena-sdk, against the
// same local API. Each call must send the same requests (method, decoded URL, body) and give the same answer.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { BalenaSDK } from '../../src/index.js';
import { createWirePair, type WirePair } from '../api/wire-helpers.js';
import { newUuid } from './device-fixtures.js';
import { createTestRelease } from './release-fixtures.js';

let pair: WirePair;
let fleet: { id: number; slug: string };
let otherFleet: { id: number; slug: string };
let devices: Array<{ id: number; uuid: string }>;
let commit: string;
const FIXED_FROM = new Date('2024-01-01T00:00:00.000Z');
const FIXED_TO = new Date('2030-01-01T00:00:00.000Z');

beforeAll(async () => {
  pair = await createWirePair(inject('apiUrl'));
  const sdk = pair.ours;
  const create = (name: string) =>
    sdk.models.application.create({
      name,
      organization: pair.user.username,
      deviceType: 'raspberrypi3',
    });
  const created = await create(`wire_${newUuid().slice(0, 8)}`);
  const other = await create(`wire_${newUuid().slice(0, 8)}`);
  fleet = await sdk.models.application.get(created.id, { $select: ['id', 'slug'] });
  otherFleet = await sdk.models.application.get(other.id, { $select: ['id', 'slug'] });
  devices = [];
  for (let n = 0; n < 3; n++) {
    const uuid = sdk.models.device.generateUniqueKey();
    const info = await sdk.models.device.register(fleet.id, uuid);
    devices.push({ id: info.id, uuid });
  }
  ({ commit } = await createTestRelease(sdk as unknown as BalenaSDK, fleet.id));
});

/** Calls that change nothing: both SDKs must send the same requests and get the same answer. */
const READS: Array<[string, (sdk: BalenaSDK) => Promise<unknown>]> = [
  ['get by id', (sdk) => sdk.models.device.get(devices[0].id, { $select: ['id', 'uuid'] })],
  ['get by uuid', (sdk) => sdk.models.device.get(devices[0].uuid, { $select: 'device_name' })],
  ['get missing', (sdk) => sdk.models.device.get('f'.repeat(32))],
  [
    'getAllByApplication',
    (sdk) => sdk.models.device.getAllByApplication(fleet.slug, { $select: 'id' }),
  ],
  [
    'getAllByOrganization',
    (sdk) => sdk.models.device.getAllByOrganization(pair.user.username, { $select: 'id' }),
  ],
  ['getName', (sdk) => sdk.models.device.getName(devices[0].id)],
  ['getApplicationName', (sdk) => sdk.models.device.getApplicationName(devices[0].uuid)],
  ['has', (sdk) => sdk.models.device.has(devices[1].uuid)],
  ['isOnline', (sdk) => sdk.models.device.isOnline(devices[1].id)],
  ['getMACAddresses', (sdk) => sdk.models.device.getMACAddresses(devices[1].id)],
  ['getMetrics', (sdk) => sdk.models.device.getMetrics(devices[1].id)],
  ['getStatus', (sdk) => sdk.models.device.getStatus(devices[1].id)],
  ['getProgress', (sdk) => sdk.models.device.getProgress(devices[1].id)],
  ['getWithServiceDetails', (sdk) => sdk.models.device.getWithServiceDetails(devices[1].id)],
  ['hasDeviceUrl', (sdk) => sdk.models.device.hasDeviceUrl(devices[1].id)],
  [
    'isTrackingApplicationRelease',
    (sdk) => sdk.models.device.isTrackingApplicationRelease(devices[1].id),
  ],
  ['getTargetReleaseHash', (sdk) => sdk.models.device.getTargetReleaseHash(devices[1].uuid)],
  ['isInLocalMode', (sdk) => sdk.models.device.isInLocalMode(devices[1].id)],
  ['hasLockOverride', (sdk) => sdk.models.device.hasLockOverride(devices[1].id)],
  [
    'getSupervisorTargetState v3',
    (sdk) => sdk.models.device.getSupervisorTargetState(devices[1].id, 3),
  ],
  [
    'getSupervisorTargetStateForApp',
    (sdk) => sdk.models.device.getSupervisorTargetStateForApp(fleet.id),
  ],
  ['tags.getAllByDevice', (sdk) => sdk.models.device.tags.getAllByDevice(devices[1].id)],
  ['tags.getAllByApplication', (sdk) => sdk.models.device.tags.getAllByApplication(fleet.id)],
  ['envVar.get', (sdk) => sdk.models.device.envVar.get(devices[1].id, 'NOPE')],
  [
    'configVar.getAllByApplication',
    (sdk) => sdk.models.device.configVar.getAllByApplication(fleet.slug),
  ],
  [
    'serviceVar.getAllByDevice',
    (sdk) => sdk.models.device.serviceVar.getAllByDevice(devices[1].id),
  ],
  [
    'serviceVar.getAllByApplication',
    (sdk) => sdk.models.device.serviceVar.getAllByApplication(fleet.id),
  ],
  ['serviceVar.get', (sdk) => sdk.models.device.serviceVar.get(devices[1].id, 'main', 'NOPE')],
  [
    'history.getAllByDevice',
    (sdk) =>
      sdk.models.device.history.getAllByDevice(devices[1].uuid, {
        fromDate: FIXED_FROM,
        toDate: FIXED_TO,
      }),
  ],
  [
    'history.getAllByApplication',
    (sdk) => sdk.models.device.history.getAllByApplication(fleet.id, { fromDate: FIXED_FROM }),
  ],
];

/** Calls that change state: applied by both SDKs in turn (the second run sees the first's result). */
const WRITES: Array<
  [string, (sdk: BalenaSDK) => Promise<unknown>, ((sdk: BalenaSDK) => Promise<unknown>)?]
> = [
  ['rename', (sdk) => sdk.models.device.rename(devices[0].id, 'renamed')],
  ['setNote by ids', (sdk) => sdk.models.device.setNote([devices[0].id, devices[1].id], 'n')],
  ['setNote by uuids', (sdk) => sdk.models.device.setNote([devices[0].uuid, devices[2].uuid], 'u')],
  [
    'setCustomLocation',
    (sdk) => sdk.models.device.setCustomLocation(devices[0].id, { latitude: 1, longitude: 2 }),
  ],
  ['unsetCustomLocation', (sdk) => sdk.models.device.unsetCustomLocation(devices[0].uuid)],
  ['enableDeviceUrl', (sdk) => sdk.models.device.enableDeviceUrl([devices[0].id, devices[1].id])],
  ['disableDeviceUrl', (sdk) => sdk.models.device.disableDeviceUrl(devices[0].id)],
  [
    'grantSupportAccess',
    (sdk) => sdk.models.device.grantSupportAccess(devices[0].id, FIXED_TO.getTime()),
  ],
  ['revokeSupportAccess', (sdk) => sdk.models.device.revokeSupportAccess([devices[0].id])],
  ['pinToRelease', (sdk) => sdk.models.device.pinToRelease(devices[0].id, commit)],
  ['trackApplicationRelease', (sdk) => sdk.models.device.trackApplicationRelease(devices[0].id)],
  [
    'tags.set',
    (sdk) => sdk.models.device.tags.set(devices[0].id, 'k', 'v'),
    (sdk) => sdk.models.device.tags.remove(devices[0].id, 'k'),
  ],
  ['tags.remove', (sdk) => sdk.models.device.tags.remove(devices[0].uuid, 'k')],
  [
    'envVar.set',
    (sdk) => sdk.models.device.envVar.set(devices[0].id, 'WIRE', '1'),
    (sdk) => sdk.models.device.envVar.remove(devices[0].id, 'WIRE'),
  ],
  [
    'enableLockOverride',
    (sdk) => sdk.models.device.enableLockOverride(devices[0].id),
    (sdk) => sdk.models.device.configVar.remove(devices[0].id, 'RESIN_OVERRIDE_LOCK'),
  ],
  [
    'disableLocalMode',
    (sdk) => sdk.models.device.disableLocalMode(devices[0].id),
    (sdk) => sdk.models.device.configVar.remove(devices[0].id, 'RESIN_SUPERVISOR_LOCAL_MODE'),
  ],
  ['move', (sdk) => sdk.models.device.move([devices[2].id], otherFleet.slug)],
  ['deactivate', (sdk) => sdk.models.device.deactivate(devices[2].uuid)],
];

describe('models.device sends the same requests as the official SDK', () => {
  it.each(READS)('%s', async (_name, call) => {
    const run = await pair.both(call);
    expect(run.ourCalls).toEqual(run.officialCalls);
    expect(run.ourResult).toEqual(run.officialResult);
  });

  it.each(WRITES)('%s', async (_name, call, undo) => {
    // `undo` (not compared) restores the state between the two runs, e.g. deletes a created key.
    const run = await pair.both(call, undo && (() => undo(pair.ours)));
    expect(run.ourCalls).toEqual(run.officialCalls);
    expect(run.ourResult.error).toEqual(run.officialResult.error);
  });

  it('envVar.set by the uuid of a device this SDK registered: the same write, without the id lookup', async () => {
    const call = (sdk: BalenaSDK) =>
      sdk.models.device.envVar.set(devices[0].uuid, 'WIRE_BY_UUID', '1');
    const run = await pair.both(call, () =>
      pair.ours.models.device.envVar.remove(devices[0].id, 'WIRE_BY_UUID'),
    );
    expect(run.officialCalls[0]).toEqual({
      method: 'GET',
      url: `/v7/device(uuid='${devices[0].uuid}')?$select=id`,
      body: undefined,
    });
    expect(run.ourCalls).toEqual(run.officialCalls.slice(1));
    expect(run.ourResult.error).toEqual(run.officialResult.error);
  });
});
