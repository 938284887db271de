/**
 * Single facts about one device, each read with one request: name, fleet name, online state,
 * addresses, metrics, overall status and progress.
 */
import { findOne, DEVICE_LOOKUP } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import type { UuidOrId } from './core.js';

const METRIC_FIELDS = [
  'memory_usage',
  'memory_total',
  'storage_block_device',
  'storage_usage',
  'storage_total',
  'cpu_usage',
  'cpu_temp',
  'cpu_id',
  'is_undervolted',
] as const;

/**
 * Builds the single-fact reads of `sdk.models.device`.
 *
 * @param ctx - the model context.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const properties = createDeviceProperties(ctx);
 */
export function createDeviceProperties(ctx: SdkModelContext) {
  const { pine } = ctx;

  /**
   * The name of a device.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the device name.
   * @throws {BalenaDeviceNotFound} when no device matches.
   * @example
   * const name = await sdk.models.device.getName(123);
   */
  async function getName(uuidOrId: UuidOrId, callOptions?: PineRequestOptions): Promise<string> {
    const device = await findOne(
      pine,
      DEVICE_LOOKUP,
      uuidOrId,
      { $select: 'device_name' },
      callOptions,
    );
    return device.device_name;
  }

  /**
   * The name of the fleet a device belongs to.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the fleet name.
   * @throws {BalenaDeviceNotFound} when no device matches.
   * @example
   * const fleetName = await sdk.models.device.getApplicationName(123);
   */
  async function getApplicationName(
    uuidOrId: UuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<string> {
    const device = await findOne(
      pine,
      DEVICE_LOOKUP,
      uuidOrId,
      { $select: 'id', $expand: { belongs_to__application: { $select: 'app_name' } } },
      callOptions,
    );
    const fleet = device.belongs_to__application[0];
    if (fleet === undefined) throw new Error(`The device does not belong to a fleet: ${uuidOrId}`);
    return fleet.app_name;
  }

  /**
   * Tells whether a device is connected to the VPN.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns true when online.
   * @throws {BalenaDeviceNotFound} when no device matches.
   * @example
   * if (await sdk.models.device.isOnline(123)) console.log('online');
   */
  async function isOnline(uuidOrId: UuidOrId, callOptions?: PineRequestOptions): Promise<boolean> {
    const device = await findOne(
      pine,
      DEVICE_LOOKUP,
      uuidOrId,
      { $select: 'is_connected_to_vpn' },
      callOptions,
    );
    return device.is_connected_to_vpn;
  }

  /**
   * The local IP addresses a device reported.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the addresses.
   * @throws {Error} when the device is offline.
   * @throws {BalenaDeviceNotFound} when no device matches.
   * @example
   * const ips = await sdk.models.device.getLocalIPAddresses(123);
   */
  async function getLocalIPAddresses(
    uuidOrId: UuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<string[]> {
    const device = await findOne(
      pine,
      DEVICE_LOOKUP,
      uuidOrId,
      { $select: ['is_connected_to_vpn', 'ip_address'] },
      callOptions,
    );
    if (!device.is_connected_to_vpn) throw new Error(`The device is offline: ${uuidOrId}`);
    return splitAddresses(device.ip_address);
  }

  /**
   * The MAC addresses a device reported.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the addresses (empty when none were reported).
   * @throws {BalenaDeviceNotFound} when no device matches.
   * @example
   * const macs = await sdk.models.device.getMACAddresses(123);
   */
  async function getMACAddresses(
    uuidOrId: UuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<string[]> {
    const device = await findOne(
      pine,
      DEVICE_LOOKUP,
      uuidOrId,
      { $select: 'mac_address' },
      callOptions,
    );
    return splitAddresses(device.mac_address);
  }

  /**
   * The resource metrics a device reported (memory, storage, CPU).
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the metric fields.
   * @throws {BalenaDeviceNotFound} when no device matches.
   * @example
   * const { cpu_temp } = await sdk.models.device.getMetrics(123);
   */
  function getMetrics(uuidOrId: UuidOrId, callOptions?: PineRequestOptions) {
    return findOne(pine, DEVICE_LOOKUP, uuidOrId, { $select: METRIC_FIELDS }, callOptions);
  }

  /**
   * The overall status of a device, as computed by the API.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns one of `sdk.models.device.OverallStatus`'s values.
   * @throws {BalenaInvalidParameterError} when `uuidOrId` is not an id or full uuid.
   * @throws {BalenaDeviceNotFound} when no device matches.
   * @example
   * const status = await sdk.models.device.getStatus(123);
   */
  async function getStatus(uuidOrId: UuidOrId, callOptions?: PineRequestOptions) {
    const device = await findOne(
      pine,
      DEVICE_LOOKUP,
      uuidOrId,
      { $select: 'overall_status' },
      callOptions,
    );
    return device.overall_status;
  }

  /**
   * The overall update or provisioning progress of a device, as computed by the API.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns a percentage, or null when nothing is in progress.
   * @throws {BalenaDeviceNotFound} when no device matches.
   * @example
   * const progress = await sdk.models.device.getProgress(123);
   */
  async function getProgress(
    uuidOrId: UuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<number | null> {
    const device = await findOne(
      pine,
      DEVICE_LOOKUP,
      uuidOrId,
      { $select: 'overall_progress' },
      callOptions,
    );
    return device.overall_progress;
  }

  return {
    getName,
    getApplicationName,
    isOnline,
    getLocalIPAddresses,
    getMACAddresses,
    getMetrics,
    getStatus,
    getProgress,
  };
}

function splitAddresses(addresses: string | null): string[] {
  if (addresses == null) return [];
  return addresses.split(' ').filter((address) => address.length > 0);
}
