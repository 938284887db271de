/**
 * Local mode (the supervisor serves the device's containers to a local development machine) and
 * the update-lock override: both are device configuration variables.
 */
import { DEVICE_LOOKUP, findOne } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import type { UuidOrId } from './core.js';
import { getLocalModeSupport } from './sync-methods.js';
import type { createDeviceVariables } from './variables.js';

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
 * Builds local mode and the lock override of `sdk.models.device`.
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

  return {
    enableLocalMode,
    disableLocalMode,
    isInLocalMode,
    enableLockOverride,
    disableLockOverride,
    hasLockOverride,
  };
}
