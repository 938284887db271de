/**
 * `balena-sdk/models/device`: the whole device model for `createClient`, and its read-only core
 * (`get`, `getWithServiceDetails`, `getAllByApplication`, `getByName`, `has`, ...) for
 * applications that only read devices and want the smallest bundle.
 */
export { createDeviceModel } from '../models/device/index.js';
export { createDeviceCore } from '../models/device/core.js';

/** The type of {@link createDeviceCore}'s result: the device reads without the rest of the model. */
export type DeviceCoreModel = ReturnType<
  typeof import('../models/device/core.js').createDeviceCore
>;
