/**
 * Local mode (the supervisor serves the device's containers to a local development machine) and
 * the update-lock override: both are device configuration variables. Also `getOsVersion`.
 */
import { gte } from '../../internal/semver.js';
import { DEVICE_LOOKUP, findOne } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import type { UuidOrId } from './core.js';
import {
  getDeviceOsSemverWithVariant,
  type DeviceOsVersionFields,
} from '../../internal/device-os-version.js';
import type { createDeviceVariables } from './variables.js';

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

const LOCAL_MODE_VARIABLE = 'RESIN_SUPERVISOR_LOCAL_MODE';
const LOCK_OVERRIDE_VARIABLE = 'RESIN_OVERRIDE_LOCK';
const LOCAL_MODE_FIELDS = [
  'id',
  'os_version',
  'os_variant',
  'supervisor_version',
  'last_connectivity_event',
] as const;

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
 * Builds local mode, the lock override and `getOsVersion` of `sdk.models.device`.
 *
 * @param ctx - the model context.
 * @param configVar - the device `configVar` namespace.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const localMode = createDeviceLocalMode(ctx, variables.configVar);
 */
export function createDeviceLocalMode(
  ctx: SdkModelContext,
  configVar: ReturnType<typeof createDeviceVariables>['configVar'],
) {
  /**
   * Turns local mode on (the device must support it).
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {Error} with the reason when the device does not support local mode.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * await sdk.models.device.enableLocalMode(123);
   */
  async function enableLocalMode(
    uuidOrId: UuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const device = await findOne(
      ctx.pine,
      DEVICE_LOOKUP,
      uuidOrId,
      { $select: LOCAL_MODE_FIELDS },
      callOptions,
    );
    const support = getLocalModeSupport(device);
    if (!support.supported) throw new Error(support.message);
    await configVar.set(device.id, LOCAL_MODE_VARIABLE, '1', callOptions);
  }

  /**
   * Turns local mode off.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * await sdk.models.device.disableLocalMode(123);
   */
  function disableLocalMode(uuidOrId: UuidOrId, callOptions?: PineRequestOptions) {
    return configVar.set(uuidOrId, LOCAL_MODE_VARIABLE, '0', callOptions);
  }

  /**
   * Tells whether local mode is on.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns true when the device's local-mode variable is `'1'`.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * if (await sdk.models.device.isInLocalMode(123)) console.log('local');
   */
  async function isInLocalMode(
    uuidOrId: UuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<boolean> {
    return (await configVar.get(uuidOrId, LOCAL_MODE_VARIABLE, callOptions)) === '1';
  }

  /**
   * Lets the supervisor update services even when they hold update locks.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * await sdk.models.device.enableLockOverride(123);
   */
  function enableLockOverride(uuidOrId: UuidOrId, callOptions?: PineRequestOptions) {
    return configVar.set(uuidOrId, LOCK_OVERRIDE_VARIABLE, '1', callOptions);
  }

  /**
   * Makes the supervisor respect update locks again.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * await sdk.models.device.disableLockOverride(123);
   */
  function disableLockOverride(uuidOrId: UuidOrId, callOptions?: PineRequestOptions) {
    return configVar.set(uuidOrId, LOCK_OVERRIDE_VARIABLE, '0', callOptions);
  }

  /**
   * Tells whether update locks are overridden (the device's variable wins over the fleet's).
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns true when the effective value is `'1'`.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * const overridden = await sdk.models.device.hasLockOverride(123);
   */
  async function hasLockOverride(
    uuidOrId: UuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<boolean> {
    const onlyLockOverride = {
      $select: 'value',
      $filter: { name: LOCK_OVERRIDE_VARIABLE },
    } as const;
    const device = await findOne(
      ctx.pine,
      DEVICE_LOOKUP,
      uuidOrId,
      {
        $expand: {
          device_config_variable: onlyLockOverride,
          belongs_to__application: {
            $select: 'id',
            $expand: { application_config_variable: onlyLockOverride },
          },
        },
      },
      callOptions,
    );
    const deviceValue = device.device_config_variable[0]?.value;
    const fleetValue = device.belongs_to__application[0]?.application_config_variable[0]?.value;
    return (deviceValue ?? fleetValue) === '1';
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
    enableLocalMode,
    disableLocalMode,
    isInLocalMode,
    getLocalModeSupport,
    enableLockOverride,
    disableLockOverride,
    hasLockOverride,
    getOsVersion,
  };
}
