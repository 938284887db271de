// The device simulator: simulated balena devices that register, poll, report and answer supervisor commands.
export { DeviceApiError, type DeviceCredentials } from './api-client.js';
export { SimulatedDevice } from './simulated-device.js';
export type { LogOptions, RecordedCommand, SimulatedDeviceOptions } from './options.js';
export { startSimulatedDevice } from './start.js';
export { startSimulatedFleetDevice, type FleetDeviceOptions } from './provision.js';
