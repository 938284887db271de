/**
 * The synchronous members of `sdk.models.device`: constants and pure functions that need no
 * request. On Node the SDK builds them at once, while the rest of the device model loads on its
 * first call (see `models/lazy-model.ts`), so they must not depend on it.
 */
import {
  getDeviceOsSemverWithVariant,
  type DeviceOsVersionFields,
} from '../../internal/device-os-version.js';
import { gte } from '../../internal/semver.js';
import type { ModelContext } from '../../internal/model-context.js';
import { checkOsUpdateTarget } from './os-update-check.js';

/** The states `overall_status` takes (computed by the API). */
export const OverallStatus = Object.freeze({
  CONFIGURING: 'configuring',
  INACTIVE: 'inactive',
  POST_PROVISIONING: 'post-provisioning',
  UPDATING: 'updating',
  OPERATIONAL: 'operational',
  DISCONNECTED: 'disconnected',
  REDUCED_FUNCTIONALITY: 'reduced-functionality',
} as const);
/** One value of {@link OverallStatus}. */
export type OverallStatus = (typeof OverallStatus)[keyof typeof OverallStatus];

/** The device fields local-mode support depends on. */
export interface LocalModeSupportFields extends DeviceOsVersionFields {
  supervisor_version: string | null;
  last_connectivity_event: string | null;
}

/** Whether local mode can be used on a device, and why not. */
export interface LocalModeSupport {
  supported: boolean;
  message: string;
}

/**
 * Tells whether a device can run in local mode: provisioned, balenaOS ≥ 2.0.0, supervisor ≥ 4.0.0,
 * development variant.
 *
 * @param device - the device's OS, supervisor and connectivity fields.
 * @returns `{ supported, message }`.
 * @throws {Error} never; an unsupported device gives `supported: false` and the reason.
 * @example
 * const { supported, message } = getLocalModeSupport(device);
 */
export function getLocalModeSupport(device: LocalModeSupportFields): LocalModeSupport {
  if (!device.supervisor_version || device.last_connectivity_event == null) {
    return { supported: false, message: 'Device is not yet fully provisioned' };
  }
  if (!device.os_version || !gte(device.os_version, '2.0.0')) {
    return { supported: false, message: 'Device OS version does not support local mode' };
  }
  if (!gte(device.supervisor_version, '4.0.0')) {
    return { supported: false, message: 'Device supervisor version does not support local mode' };
  }
  if (device.os_variant !== 'dev') {
    return {
      supported: false,
      message: 'Local mode is only supported on development OS versions',
    };
  }
  return { supported: true, message: 'Supported' };
}

/**
 * Builds the synchronous members of `sdk.models.device`.
 *
 * @param ctx - the model context (only its configuration is read).
 * @returns the members.
 * @throws {Error} never at build time.
 * @example
 * const { getDashboardUrl } = createDeviceSyncMethods(ctx);
 */
export function createDeviceSyncMethods(ctx: Pick<ModelContext, 'config'>) {
  /**
   * The dashboard URL of a device.
   *
   * @param uuid - the device uuid.
   * @returns `<dashboardUrl>/devices/<uuid>/summary`.
   * @throws {Error} when `uuid` is not a non-empty string.
   * @example
   * sdk.models.device.getDashboardUrl('7cf02a6'); // 'https://dashboard.balena-cloud.com/devices/7cf02a6/summary'
   */
  function getDashboardUrl(uuid: string): string {
    if (typeof uuid !== 'string' || uuid.length === 0) {
      throw new Error('The uuid option should be a non empty string');
    }
    return new URL(`/devices/${uuid}/summary`, ctx.config.dashboardUrl).href;
  }

  /**
   * A new random device uuid: 32 lower-case hexadecimal characters.
   *
   * @returns the uuid.
   * @throws {Error} when the platform has no Web Crypto `getRandomValues`.
   * @example
   * const uuid = sdk.models.device.generateUniqueKey();
   */
  function generateUniqueKey(): string {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    // The version 4 and variant bits, as in a v4 uuid without its dashes.
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  }

  /**
   * The OS version of a device with its variant, in semver form.
   *
   * @param device - an object with `os_version` and `os_variant`.
   * @returns e.g. `2.48.0+rev1.prod`, or null when the version is missing or unparsable.
   * @throws {Error} never.
   * @example
   * sdk.models.device.getOsVersion({ os_version: 'balenaOS 2.48.0+rev1', os_variant: 'prod' });
   */
  function getOsVersion(device: DeviceOsVersionFields): string | null {
    return getDeviceOsSemverWithVariant(device);
  }

  return {
    OverallStatus,
    getDashboardUrl,
    generateUniqueKey,
    getLocalModeSupport,
    getOsVersion,
    _checkOsUpdateTarget: checkOsUpdateTarget,
  };
}
