// Differential wire test: the device supervisor actions and supervisor pinning through this SDK and
// the official balena-sdk, against the same local API and simulated device. Each call must send the
// same requests (method, decoded URL, body) and give the same answer.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startSimulatedFleetDevice, type SimulatedDevice } from 'balena-local-api/testing';
import { createWirePair, type WirePair } from '../api/wire-helpers.js';

type AnySdk = WirePair['ours'];

let pair: WirePair;
let fleetId: number;
let device: SimulatedDevice;
let locked: SimulatedDevice;

beforeAll(async () => {
  pair = await createWirePair(inject('apiUrl'));
  const [deviceType] = await pair.ours.pine.get({
    resource: 'device_type',
    options: { $select: 'id', $filter: { slug: 'raspberrypi3' } },
  });
  const fleet = await pair.ours.pine.post({
    resource: 'application',
    body: {
      app_name: `wire_dev_${Date.now().toString(36)}`,
      organization: (await pair.ours.models.organization.get(pair.user.username)).id,
      is_for__device_type: deviceType.id,
    },
  });
  fleetId = fleet.id;
  const start = () =>
    startSimulatedFleetDevice({
      apiUrl: pair.apiUrl,
      token: pair.user.token,
      applicationId: fleetId,
      pollIntervalMs: 60_000,
      supervisorVersion: '10.8.0',
      osVersion: 'balenaOS 2.48.0+rev1',
      osVariant: 'prod',
    });
  [device, locked] = await Promise.all([start(), start()]);
  locked.holdUpdateLock();
}, 120_000);

afterAll(async () => {
  await Promise.all([device?.stop(), locked?.stop()]);
});

describe('device supervisor actions and pinning send what the official SDK sends', () => {
  const calls: Array<[string, (sdk: AnySdk) => Promise<unknown>]> = [
    ['ping by uuid', (sdk) => sdk.models.device.ping(device.uuid)],
    ['identify by id', (sdk) => sdk.models.device.identify(device.id)],
    ['restartApplication', (sdk) => sdk.models.device.restartApplication(device.uuid)],
    ['reboot', (sdk) => sdk.models.device.reboot(device.id, { force: true })],
    ['purge', (sdk) => sdk.models.device.purge(device.id)],
    ['update', (sdk) => sdk.models.device.update(device.uuid, { force: false })],
    ['getSupervisorState', (sdk) => sdk.models.device.getSupervisorState(device.id)],
    ['startService', (sdk) => sdk.models.device.startService(device.id, 11)],
    ['stopService', (sdk) => sdk.models.device.stopService(device.uuid, 11)],
    ['restartService', (sdk) => sdk.models.device.restartService(device.id, 11)],
    ['reboot (locked)', (sdk) => sdk.models.device.reboot(locked.id)],
    ['shutdown (locked)', (sdk) => sdk.models.device.shutdown(locked.uuid)],
    ['stopService (locked)', (sdk) => sdk.models.device.stopService(locked.id, 11)],
    ['update (not found)', (sdk) => sdk.models.device.update(999_999_999)],
    [
      'pinToSupervisorRelease',
      (sdk) => sdk.models.device.pinToSupervisorRelease([device.id, locked.id], '11.12.4'),
    ],
    [
      'pinToOsRelease back to the running release',
      (sdk) => sdk.models.device.pinToOsRelease([device.id], '2.48.0+rev1.prod'),
    ],
    [
      'pinToOsRelease (downgrade refused)',
      (sdk) => sdk.models.device.pinToOsRelease(device.uuid, '2.29.0+rev1.prod'),
    ],
    [
      'pinToSupervisorRelease (unknown release)',
      (sdk) => sdk.models.device.pinToSupervisorRelease(device.uuid, '99.1.1'),
    ],
  ];
  for (const [name, call] of calls) {
    it(name, async () => {
      const run = await pair.both(call);
      expect(run.ourCalls).toEqual(run.officialCalls);
      const withoutTimestamps = (result: { value?: unknown; error?: string }) =>
        JSON.parse(JSON.stringify(result).replace(/"[^"]*_at":"[^"]*"/g, '"_at":""'));
      expect(withoutTimestamps(run.ourResult)).toEqual(withoutTimestamps(run.officialResult));
      expect(run.ourCalls.length).toBeGreaterThan(0);
    });
  }
});
