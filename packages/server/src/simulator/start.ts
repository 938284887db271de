// Starting one simulated device: register it (provisioning key) or take over an existing one (device API key).
import { DeviceApiClient, registerDevice } from './api-client.js';
import { randomHex, randomMac } from './random.js';
import { SIMULATION_DEFAULTS, type SimulatedDeviceOptions } from './options.js';
import { SimulatedDevice } from './simulated-device.js';

/**
 * Starts a simulated device: registers it (provisioning key) or takes over an existing one (device API key),
 * starts its supervisor API, polls once, connects and reports, then keeps polling every `pollIntervalMs`.
 * @param options the API URL, credentials and simulation settings
 * @throws DeviceApiError when registration or the first poll fails; Error when credentials are missing
 * @example
 * const device = await startSimulatedDevice({ apiUrl, provisioningKey, deviceType: 'raspberrypi4-64', pollIntervalMs: 500 });
 * await device.stop();
 */
export async function startSimulatedDevice(
  options: SimulatedDeviceOptions,
): Promise<SimulatedDevice> {
  let credentials: { id: number; uuid: string; apiKey: string };
  if (options.provisioningKey != null) {
    if (options.deviceType == null) throw new Error('deviceType is required to register a device');
    credentials = await registerDevice(options.apiUrl, {
      provisioningKey: options.provisioningKey,
      applicationId: options.applicationId,
      uuid: options.uuid ?? randomHex(16),
      deviceType: options.deviceType,
      osVersion: options.osVersion ?? SIMULATION_DEFAULTS.osVersion,
      osVariant: options.osVariant ?? SIMULATION_DEFAULTS.osVariant,
      supervisorVersion: options.supervisorVersion ?? SIMULATION_DEFAULTS.supervisorVersion,
      macAddress: randomMac(),
    });
  } else if (options.deviceApiKey != null && options.uuid != null) {
    const client = new DeviceApiClient(options.apiUrl, {
      uuid: options.uuid,
      apiKey: options.deviceApiKey,
    });
    const self = await client.readSelf();
    credentials = { id: self.id, uuid: options.uuid, apiKey: options.deviceApiKey };
  } else {
    throw new Error('Either provisioningKey or deviceApiKey and uuid are required');
  }
  const device = new SimulatedDevice(credentials.id, credentials.uuid, credentials.apiKey, options);
  await device.goOnline();
  return device;
}
