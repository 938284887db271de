// Starting simulated devices in a fleet with nothing but a user's credentials: a short-lived provisioning key is
// created for the fleet, and the fleet's device type is used unless another is given.
import { DeviceApiError } from './api-client.js';
import type { SimulatedDeviceOptions } from './options.js';
import type { SimulatedDevice } from './simulated-device.js';
import { startSimulatedDevice } from './start.js';

/** Options of {@link startSimulatedFleetDevice}. */
export interface FleetDeviceOptions extends Omit<
  SimulatedDeviceOptions,
  'provisioningKey' | 'deviceApiKey' | 'applicationId'
> {
  /** A user session token or user API key that may create provisioning keys for the fleet. */
  token: string;
  /** The fleet (application) id. */
  applicationId: number;
}

async function callApi(
  apiUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(apiUrl + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new DeviceApiError(response.status, text, `${method} ${path}`);
  return JSON.parse(text) as unknown;
}

/**
 * Starts one simulated device in a fleet on behalf of a user (provisioning key created for it, expiring in 10 min).
 * @param options the API URL, the user's token, the fleet id and the simulation settings
 * @throws DeviceApiError when the user cannot provision devices in the fleet or registration fails
 * @example
 * const device = await startSimulatedFleetDevice({ apiUrl, token: user.token, applicationId: fleet.id, pollIntervalMs: 1000 });
 * await device.stop();
 */
export async function startSimulatedFleetDevice(
  options: FleetDeviceOptions,
): Promise<SimulatedDevice> {
  const { token, applicationId, ...simulation } = options;
  let deviceType = simulation.deviceType;
  if (deviceType == null) {
    const fleet = (await callApi(
      options.apiUrl,
      token,
      'GET',
      `/v7/application(${applicationId})?$select=id&$expand=is_for__device_type($select=slug)`,
    )) as { d: Array<{ is_for__device_type: Array<{ slug: string }> }> };
    deviceType = fleet.d[0]?.is_for__device_type[0]?.slug;
    if (deviceType == null)
      throw new DeviceApiError(404, 'Application not found', 'Reading the fleet');
  }
  const provisioningKey = (await callApi(options.apiUrl, token, 'POST', '/api-key/v2/', {
    actorType: 'application',
    actorTypeId: applicationId,
    roles: ['provisioning-api-key'],
    name: null,
    description: 'Created to start a simulated device',
    expiryDate: new Date(Date.now() + 10 * 60_000).toISOString(),
  })) as string;
  return await startSimulatedDevice({ ...simulation, deviceType, provisioningKey, applicationId });
}
