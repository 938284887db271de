/**
 * The members of `sdk.models.device.tags`, `.configVar` and `.envVar`, documented once on generic
 * interfaces. The namespaces' own types (`variable-types.ts`) redeclare each member with their
 * resource, and inherit this documentation.
 */
import type { ResourceName, ResourceOptions, ResultRow } from '../../internal/collection.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';

/** The listings of a device tag or variable kind over every device of a fleet. */
export interface ByFleetOfDevice<T extends ResourceName> {
  /**
   * The entries of every device of a fleet, ordered by key.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the entries.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const tags = await sdk.models.device.tags.getAllByApplication('myorg/myfleet');
   */
  getAllByApplication<const O extends ResourceOptions<T> = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ResultRow<T, O>>>;

  /**
   * Pages through the entries of every device of a fleet.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - pine options merged with the defaults.
   * @param iterateOptions - `pageSize`, `signal`, `headers`, `timeout`.
   * @returns an async iterator over the entries.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * for await (const tag of sdk.models.device.tags.iterateAllByApplication(123)) console.log(tag.tag_key);
   */
  iterateAllByApplication<const O extends ResourceOptions<T> = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<ResultRow<T, O>>;

  /**
   * Counts the entries of every device of a fleet.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - an optional `$filter`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the number of entries.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const n = await sdk.models.device.envVar.countAllByApplication(123);
   */
  countAllByApplication(
    slugOrUuidOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;
}

/** The members of a device tag or variable namespace, documented once for all three. */
export interface DeviceEntries<T extends ResourceName> extends ByFleetOfDevice<T> {
  /**
   * The entries of one device, ordered by key.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the entries.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * const vars = await sdk.models.device.envVar.getAllByDevice(123);
   */
  getAllByDevice<const O extends ResourceOptions<T> = Record<never, never>>(
    uuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ResultRow<T, O>>>;

  /**
   * Pages through the entries of one device.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param options - pine options merged with the defaults.
   * @param iterateOptions - `pageSize`, `signal`, `headers`, `timeout`.
   * @returns an async iterator over the entries.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * for await (const tag of sdk.models.device.tags.iterateAllByDevice(123)) console.log(tag.value);
   */
  iterateAllByDevice<const O extends ResourceOptions<T> = Record<never, never>>(
    uuidOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<ResultRow<T, O>>;

  /**
   * Counts the entries of one device.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param options - an optional `$filter`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the number of entries.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * const n = await sdk.models.device.tags.countAllByDevice(123);
   */
  countAllByDevice(
    uuidOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;
}

/** The members of a device variable namespace, documented once for `configVar` and `envVar`. */
export interface DeviceVariables<T extends ResourceName> extends DeviceEntries<T> {
  /**
   * The value of one variable of a device.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param key - the variable name.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the value, or `undefined` when the variable is not set.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * const value = await sdk.models.device.envVar.get(123, 'VAR');
   */
  get(
    uuidOrId: string | number,
    key: string,
    callOptions?: PineRequestOptions,
  ): Promise<string | undefined>;

  /**
   * Creates or updates one variable of a device.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param key - the variable name.
   * @param value - the value.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @throws {BalenaRequestError} when the API rejects the name or value.
   * @example
   * await sdk.models.device.envVar.set(123, 'EDITOR', 'vim');
   */
  set(
    uuidOrId: string | number,
    key: string,
    value: string,
    callOptions?: PineRequestOptions,
  ): Promise<void>;

  /**
   * Deletes one variable of a device (no error when it does not exist).
   *
   * @param uuidOrId - the device id or full uuid.
   * @param key - the variable name.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * await sdk.models.device.envVar.remove(123, 'EDITOR');
   */
  remove(uuidOrId: string | number, key: string, callOptions?: PineRequestOptions): Promise<void>;
}
