// Fixtures for device tests: devices registered in bulk with one provisioning key, and an SDK
// whose fetch counts every request that leaves the process (the honest wire count).
import { randomBytes } from 'node:crypto';
import {
  startSimulatedFleetDevice,
  type FleetDeviceOptions,
  type SimulatedDevice,
} from 'balena-local-api/testing';
import { getSdk, type BalenaSDK } from '../../src/index.js';
import type { LoggedInUser } from './helpers.js';

/** A registered device. */
export interface TestDevice {
  id: number;
  uuid: string;
  api_key: string;
}

/** A new device uuid (32 lowercase hex). */
export function newUuid(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Starts a simulated device in one of the user's fleets; it polls once a minute, so tests drive it.
 * @param owner - the fleet's owner.
 * @param applicationId - the fleet.
 * @param options - more simulation options (`osVariant`, `osVersion`, ...).
 * @throws when the device cannot register.
 * @example
 * const device = await startTestDevice(owner, fleet.id, { osVariant: 'dev' });
 */
export function startTestDevice(
  owner: LoggedInUser,
  applicationId: number,
  options: Partial<FleetDeviceOptions> = {},
): Promise<SimulatedDevice> {
  return startSimulatedFleetDevice({
    apiUrl: owner.apiUrl,
    token: owner.user.token,
    applicationId,
    pollIntervalMs: 60_000,
    ...options,
  });
}

/**
 * Registers devices in a fleet with one provisioning key, a few registrations at a time.
 * @param owner - the fleet's owner.
 * @param fleetId - the fleet.
 * @param count - how many devices.
 * @param deviceType - the device type slug (default `raspberrypi3`).
 * @throws when a registration fails.
 * @example
 * const devices = await registerTestDevices(owner, fleet.id, 3);
 */
export async function registerTestDevices(
  owner: LoggedInUser,
  fleetId: number,
  count: number,
  deviceType = 'raspberrypi3',
): Promise<TestDevice[]> {
  const key = await owner.sdk.models.application.generateProvisioningKey({
    slugOrUuidOrId: fleetId,
    keyExpiryDate: new Date(Date.now() + 3_600_000).toISOString(),
  });
  const devices: TestDevice[] = new Array<TestDevice>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const response = await fetch(`${owner.apiUrl}/device/register`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          user: owner.user.id,
          application: fleetId,
          uuid: newUuid(),
          device_type: deviceType,
        }),
      });
      if (response.status !== 201) {
        throw new Error(`register: ${response.status} ${await response.text()}`);
      }
      devices[index] = (await response.json()) as TestDevice;
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, count) }, worker));
  return devices;
}

/** One request that left the SDK. */
export interface SentRequest {
  method: string;
  url: string;
}

/** An SDK logged in as a user whose every fetch is recorded. */
export interface CountingSdk {
  sdk: BalenaSDK;
  sent: SentRequest[];
}

/**
 * An SDK for the same user whose `fetch` records each request (method and decoded URL).
 * @param owner - the user to act as.
 * @param options - extra SDK options (e.g. `requestBatchingChunkSize`).
 * @throws when logging in fails.
 * @example
 * const { sdk, sent } = await countingSdk(owner);
 */
export async function countingSdk(
  owner: LoggedInUser,
  options: Parameters<typeof getSdk>[0] = {},
): Promise<CountingSdk> {
  const sent: SentRequest[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    sent.push({ method: request.method, url: decodeURIComponent(request.url) });
    return fetch(request);
  };
  const sdk = getSdk({
    ...options,
    apiUrl: owner.apiUrl,
    dataDirectory: false,
    fetch: recordingFetch,
  });
  await sdk.auth.loginWithToken(owner.user.token);
  return { sdk, sent };
}
