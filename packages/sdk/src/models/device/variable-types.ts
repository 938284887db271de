/**
 * The public types of `sdk.models.device.tags`, `.configVar` and `.envVar`. Each namespace
 * redeclares the members of the generic interfaces of `variable-docs.ts` with its own resource, so
 * that reference pages and editors show concrete option and row types (the documentation is
 * inherited from the generic declaration).
 */
import type { ResourceOptions, ResultRow } from '../../internal/collection.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { DeviceEntries, DeviceVariables } from './variable-docs.js';

export type { ByFleetOfDevice, DeviceEntries, DeviceVariables } from './variable-docs.js';

/** Pine options of device tag reads. */
export type DeviceTagOptions = ResourceOptions<'device_tag'>;
/** A device tag as narrowed by the options. */
export type DeviceTagRow<O> = ResultRow<'device_tag', O>;
/** Pine options of device configuration variable reads. */
export type DeviceConfigVarOptions = ResourceOptions<'device_config_variable'>;
/** A device configuration variable as narrowed by the options. */
export type DeviceConfigVarRow<O> = ResultRow<'device_config_variable', O>;
/** Pine options of device environment variable reads. */
export type DeviceEnvVarOptions = ResourceOptions<'device_environment_variable'>;
/** A device environment variable as narrowed by the options. */
export type DeviceEnvVarRow<O> = ResultRow<'device_environment_variable', O>;

/** `sdk.models.device.tags`: the tags of one device, and of every device of a fleet. */
export interface DeviceTags extends DeviceEntries<'device_tag'> {
  getAllByApplication<const O extends DeviceTagOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<DeviceTagRow<O>>>;
  iterateAllByApplication<const O extends DeviceTagOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<DeviceTagRow<O>>;
  countAllByApplication(
    slugOrUuidOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;
  getAllByDevice<const O extends DeviceTagOptions = Record<never, never>>(
    uuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<DeviceTagRow<O>>>;
  iterateAllByDevice<const O extends DeviceTagOptions = Record<never, never>>(
    uuidOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<DeviceTagRow<O>>;
  countAllByDevice(
    uuidOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;

  /**
   * Creates or updates one tag of a device.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param tagKey - the tag key.
   * @param value - the value.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @throws {BalenaRequestError} when the API rejects the key or value.
   * @example
   * await sdk.models.device.tags.set(123, 'room', 'kitchen');
   */
  set(
    uuidOrId: string | number,
    tagKey: string,
    value: string,
    callOptions?: PineRequestOptions,
  ): Promise<void>;

  /**
   * Deletes one tag of a device (no error when it does not exist).
   *
   * @param uuidOrId - the device id or full uuid.
   * @param tagKey - the tag key.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * await sdk.models.device.tags.remove(123, 'room');
   */
  remove(
    uuidOrId: string | number,
    tagKey: string,
    callOptions?: PineRequestOptions,
  ): Promise<void>;
}

/** `sdk.models.device.configVar`: the variables of one device, and of every device of a fleet. */
export interface DeviceConfigVariables extends DeviceVariables<'device_config_variable'> {
  getAllByApplication<const O extends DeviceConfigVarOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<DeviceConfigVarRow<O>>>;
  iterateAllByApplication<const O extends DeviceConfigVarOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<DeviceConfigVarRow<O>>;
  countAllByApplication(
    slugOrUuidOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;
  getAllByDevice<const O extends DeviceConfigVarOptions = Record<never, never>>(
    uuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<DeviceConfigVarRow<O>>>;
  iterateAllByDevice<const O extends DeviceConfigVarOptions = Record<never, never>>(
    uuidOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<DeviceConfigVarRow<O>>;
  countAllByDevice(
    uuidOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;
  get(
    uuidOrId: string | number,
    key: string,
    callOptions?: PineRequestOptions,
  ): Promise<string | undefined>;
  set(
    uuidOrId: string | number,
    key: string,
    value: string,
    callOptions?: PineRequestOptions,
  ): Promise<void>;
  remove(uuidOrId: string | number, key: string, callOptions?: PineRequestOptions): Promise<void>;
}

/** `sdk.models.device.envVar`: the variables of one device, and of every device of a fleet. */
export interface DeviceEnvironmentVariables extends DeviceVariables<'device_environment_variable'> {
  getAllByApplication<const O extends DeviceEnvVarOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<DeviceEnvVarRow<O>>>;
  iterateAllByApplication<const O extends DeviceEnvVarOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<DeviceEnvVarRow<O>>;
  countAllByApplication(
    slugOrUuidOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;
  getAllByDevice<const O extends DeviceEnvVarOptions = Record<never, never>>(
    uuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<DeviceEnvVarRow<O>>>;
  iterateAllByDevice<const O extends DeviceEnvVarOptions = Record<never, never>>(
    uuidOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<DeviceEnvVarRow<O>>;
  countAllByDevice(
    uuidOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;
  get(
    uuidOrId: string | number,
    key: string,
    callOptions?: PineRequestOptions,
  ): Promise<string | undefined>;
  set(
    uuidOrId: string | number,
    key: string,
    value: string,
    callOptions?: PineRequestOptions,
  ): Promise<void>;
  remove(uuidOrId: string | number, key: string, callOptions?: PineRequestOptions): Promise<void>;
}

/** The three namespaces built by `createDeviceVariables`. */
export interface DeviceVariableNamespaces {
  tags: DeviceTags;
  configVar: DeviceConfigVariables;
  envVar: DeviceEnvironmentVariables;
}
