/**
 * `sdk.models.device`: devices, their tags and variables, release pinning, local mode, device
 * URLs, registration, supervisor actions and OS updates.
 */
import type { SdkModelContext } from '../index.js';
import { createDeviceCore } from './core.js';

export type { DeviceOptions, DeviceRow, UuidOrId } from './core.js';

/**
 * Builds `sdk.models.device`.
 *
 * @param ctx - the model context.
 * @returns the device model: plain functions, safe to destructure.
 * @throws {Error} never at build time.
 * @example
 * const { get, getAllByApplication } = sdk.models.device;
 */
export function createDeviceModel(ctx: SdkModelContext) {
  return {
    ...createDeviceCore(ctx),
  };
}

/** The type of `sdk.models.device`. */
export type DeviceModel = ReturnType<typeof createDeviceModel>;
