/**
 * Changes to one or many devices through the batching helper: remove, deactivate, rename, notes,
 * custom locations, public device URLs and support access. Each looks the devices up (one request
 * per chunk of ids or uuids), then sends one `PATCH`/`DELETE` per chunk of ids.
 */
import {
  BalenaAmbiguousDevice,
  BalenaDeviceNotFound,
  BalenaInvalidParameterError,
} from '../../errors/index.js';
import { runBatched, type BatchInput, type BatchSpec } from '../../internal/batch.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type BalenaModel from '../../types/v7.generated.js';
import type { SdkModelContext } from '../index.js';
import type { UuidOrId } from './core.js';

/** One or many devices: an id, a full uuid, or an array of only ids or only full uuids. */
export type UuidOrIdOrArray = BatchInput;

/** The fields a batch `PATCH` may set. */
export type DeviceWrite = Partial<BalenaModel['device']['Write']>;

/** A custom location: latitude and longitude, stored as strings. */
export interface DeviceLocation {
  latitude: string | number;
  longitude: string | number;
}

/**
 * The batching rules of devices: lookups ordered by name, device NotFound/Ambiguous errors.
 *
 * @param ctx - the model context.
 * @param extra - grouping, lookup fields and checks of one method.
 * @returns the batch spec.
 * @example
 * await runBatched(deviceBatchSpec(ctx), [1, 2], (ids) => mutate(ids));
 */
export function deviceBatchSpec(ctx: SdkModelContext, extra: Partial<BatchSpec> = {}): BatchSpec {
  return {
    pine: ctx.pine,
    resource: 'device',
    paramName: 'uuidOrIdOrArray',
    chunkSize: ctx.config.requestBatchingChunkSize,
    orderBy: 'device_name asc',
    notFound: (member) => new BalenaDeviceNotFound(member),
    ambiguous: (member) => new BalenaAmbiguousDevice(member),
    ...extra,
  };
}

/**
 * Sets the same fields on one or many devices, one `PATCH` per chunk of ids.
 *
 * @param ctx - the model context.
 * @param uuidOrIdOrArray - the devices.
 * @param body - the fields to set.
 * @param callOptions - `signal`, `headers`, `timeout`.
 * @returns nothing.
 * @throws {BalenaInvalidParameterError} for invalid input; {BalenaDeviceNotFound} for a missing device.
 * @example
 * await patchDevices(ctx, [1, 2], { note: 'hi' });
 */
export async function patchDevices(
  ctx: SdkModelContext,
  uuidOrIdOrArray: UuidOrIdOrArray,
  body: DeviceWrite,
  callOptions?: PineRequestOptions,
): Promise<void> {
  await runBatched(
    deviceBatchSpec(ctx),
    uuidOrIdOrArray,
    (ids) =>
      ctx.pine.patch(
        { resource: 'device', options: { $filter: { id: { $in: ids } } }, body },
        callOptions,
      ),
    callOptions,
  );
}

/**
 * Builds the batch changes of `sdk.models.device`.
 *
 * @param ctx - the model context.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const updates = createDeviceBatchUpdates(ctx);
 */
export function createDeviceBatchUpdates(ctx: SdkModelContext) {
  const set = (input: UuidOrIdOrArray, body: DeviceWrite, callOptions?: PineRequestOptions) =>
    patchDevices(ctx, input, body, callOptions);

  /**
   * Deletes one or many devices.
   *
   * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of full uuids.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when a device does not exist (nothing is deleted).
   * @throws {BalenaInvalidParameterError} for `''`, `[]`, mixed arrays or short uuids in arrays.
   * @example
   * await sdk.models.device.remove([123, 124]);
   */
  async function remove(
    uuidOrIdOrArray: UuidOrIdOrArray,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    await runBatched(
      deviceBatchSpec(ctx),
      uuidOrIdOrArray,
      (ids) =>
        ctx.pine.delete(
          { resource: 'device', options: { $filter: { id: { $in: ids } } } },
          callOptions,
        ),
      callOptions,
    );
  }

  /**
   * Deactivates one or many devices (they stop counting as active).
   *
   * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of full uuids.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when a device does not exist.
   * @example
   * await sdk.models.device.deactivate(123);
   */
  function deactivate(uuidOrIdOrArray: UuidOrIdOrArray, callOptions?: PineRequestOptions) {
    return set(uuidOrIdOrArray, { is_active: false }, callOptions);
  }

  /**
   * Renames a device.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param newName - the new name.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * await sdk.models.device.rename(123, 'kitchen');
   */
  function rename(uuidOrId: UuidOrId, newName: string, callOptions?: PineRequestOptions) {
    return set(uuidOrId, { device_name: newName }, callOptions);
  }

  /**
   * Sets the note of one or many devices.
   *
   * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of full uuids.
   * @param note - the note.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when a device does not exist.
   * @example
   * await sdk.models.device.setNote(123, 'in the attic');
   */
  function setNote(
    uuidOrIdOrArray: UuidOrIdOrArray,
    note: string,
    callOptions?: PineRequestOptions,
  ) {
    return set(uuidOrIdOrArray, { note }, callOptions);
  }

  /**
   * Sets the custom location of one or many devices.
   *
   * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of full uuids.
   * @param location - `latitude` and `longitude` (stored as strings).
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when a device does not exist.
   * @example
   * await sdk.models.device.setCustomLocation(123, { latitude: 51.5, longitude: -0.12 });
   */
  function setCustomLocation(
    uuidOrIdOrArray: UuidOrIdOrArray,
    location: DeviceLocation,
    callOptions?: PineRequestOptions,
  ) {
    return set(
      uuidOrIdOrArray,
      { custom_latitude: String(location.latitude), custom_longitude: String(location.longitude) },
      callOptions,
    );
  }

  /**
   * Clears the custom location of one or many devices.
   *
   * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of full uuids.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when a device does not exist.
   * @example
   * await sdk.models.device.unsetCustomLocation(123);
   */
  function unsetCustomLocation(uuidOrIdOrArray: UuidOrIdOrArray, callOptions?: PineRequestOptions) {
    return setCustomLocation(uuidOrIdOrArray, { latitude: '', longitude: '' }, callOptions);
  }

  /**
   * Turns the public device URL on for one or many devices.
   *
   * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of full uuids.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when a device does not exist.
   * @example
   * await sdk.models.device.enableDeviceUrl(123);
   */
  function enableDeviceUrl(uuidOrIdOrArray: UuidOrIdOrArray, callOptions?: PineRequestOptions) {
    return set(uuidOrIdOrArray, { is_web_accessible: true }, callOptions);
  }

  /**
   * Turns the public device URL off for one or many devices.
   *
   * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of full uuids.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when a device does not exist.
   * @example
   * await sdk.models.device.disableDeviceUrl([123, 124]);
   */
  function disableDeviceUrl(uuidOrIdOrArray: UuidOrIdOrArray, callOptions?: PineRequestOptions) {
    return set(uuidOrIdOrArray, { is_web_accessible: false }, callOptions);
  }

  /**
   * Grants balena support access to one or many devices until a time.
   *
   * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of full uuids.
   * @param expiryTimestamp - when the access ends, in ms since the epoch; must be in the future.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when the timestamp is missing or not in the future.
   * @throws {BalenaDeviceNotFound} when a device does not exist.
   * @example
   * await sdk.models.device.grantSupportAccess(123, Date.now() + 3600_000);
   */
  async function grantSupportAccess(
    uuidOrIdOrArray: UuidOrIdOrArray,
    expiryTimestamp: number,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    if (typeof expiryTimestamp !== 'number' || !(expiryTimestamp > Date.now())) {
      throw new BalenaInvalidParameterError('expiryTimestamp', expiryTimestamp);
    }
    await set(
      uuidOrIdOrArray,
      { is_accessible_by_support_until__date: expiryTimestamp },
      callOptions,
    );
  }

  /**
   * Ends balena support access to one or many devices.
   *
   * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of full uuids.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when a device does not exist.
   * @example
   * await sdk.models.device.revokeSupportAccess(123);
   */
  function revokeSupportAccess(uuidOrIdOrArray: UuidOrIdOrArray, callOptions?: PineRequestOptions) {
    return set(uuidOrIdOrArray, { is_accessible_by_support_until__date: null }, callOptions);
  }

  return {
    remove,
    deactivate,
    rename,
    setNote,
    setCustomLocation,
    unsetCustomLocation,
    enableDeviceUrl,
    disableDeviceUrl,
    grantSupportAccess,
    revokeSupportAccess,
  };
}
