/**
 * Reading devices: `get`, `getWithServiceDetails`, `getByName`, `has`, `getDashboardUrl`, the fleet
 * listings with their iterate/count extras, and `_getId`.
 */
import { BalenaDeviceNotFound, isBalenaError } from '../../errors/index.js';
import {
  countCollection,
  getCollection,
  iterateCollection,
  withExtraOptions,
  withMethodFilter,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import { APPLICATION_LOOKUP, DEVICE_LOOKUP, findOne, isId, resolveId } from '../../internal/ids.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import { groupServicesByApp, type CurrentServicesByApp } from '../application/device-details.js';
import type { SdkModelContext } from '../index.js';
import { SERVICE_DETAILS_EXPAND } from '../../internal/service-details.js';

/** Pine options of device reads. */
export type DeviceOptions = ResourceOptions<'device'>;
/** A device row as narrowed by the options. */
export type DeviceRow<O> = ResultRow<'device', O>;
/** A device identifier: id or full (32/62 character) uuid. */
export type UuidOrId = string | number;
/** A fleet identifier: id, slug or uuid. */
type FleetId = string | number;
/** No pine options: the full row. */
export type NoOptions = Record<never, never>;

/** Device listings are ordered by name. */
export const BY_NAME = 'device_name asc';
/** The defaults of device listings (the method's filter joins the caller's options). */
export const ORDER_BY_NAME = { $orderby: BY_NAME } as const;

const SERVICE_DETAILS_OPTIONS = { $expand: SERVICE_DETAILS_EXPAND } as const;

/** A device read by `getWithServiceDetails`: its image installs and the services they group into. */
export type DeviceWithServiceDetails = DeviceRow<typeof SERVICE_DETAILS_OPTIONS> & {
  current_services_by_app: CurrentServicesByApp;
};

/**
 * Builds the read methods of `sdk.models.device`.
 *
 * @param ctx - the model context.
 * @returns the read methods.
 * @throws {Error} never at build time.
 * @example
 * const core = createDeviceCore(ctx);
 */
export function createDeviceCore(ctx: SdkModelContext) {
  const { pine } = ctx;

  async function ofFleet(fleet: FleetId, callOptions?: PineRequestOptions) {
    const id = await resolveId(pine, APPLICATION_LOOKUP, fleet, callOptions);
    return { $filter: { belongs_to__application: id }, $orderby: BY_NAME } as const;
  }

  /**
   * One device by id or full uuid.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param options - pine options.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the device.
   * @throws {BalenaDeviceNotFound} when no device matches.
   * @throws {BalenaInvalidParameterError} for anything but an id or a 32/62-character uuid.
   * @example
   * const device = await sdk.models.device.get(123, { $select: ['uuid', 'device_name'] });
   */
  function get<const O extends DeviceOptions = NoOptions>(
    uuidOrId: UuidOrId,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<DeviceRow<O>> {
    return findOne(pine, DEVICE_LOOKUP, uuidOrId, options, callOptions);
  }

  /**
   * One device with the services it runs, grouped by fleet slug and service name.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param options - pine options merged with the service-details expand.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the device with `current_services_by_app` (the raw `image_install` stays on it).
   * @throws {BalenaDeviceNotFound} when no device matches.
   * @example
   * const device = await sdk.models.device.getWithServiceDetails(123);
   * console.log(device.current_services_by_app['myorg/myfleet'].main[0].status);
   */
  async function getWithServiceDetails(
    uuidOrId: UuidOrId,
    options?: DeviceOptions,
    callOptions?: PineRequestOptions,
  ): Promise<DeviceWithServiceDetails> {
    const device = await findOne(
      pine,
      DEVICE_LOOKUP,
      uuidOrId,
      withExtraOptions(SERVICE_DETAILS_OPTIONS, options),
      callOptions,
    );
    return { ...device, current_services_by_app: groupServicesByApp(device) };
  }

  /**
   * The devices of a fleet, ordered by name.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the devices.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const devices = await sdk.models.device.getAllByApplication('myorg/myfleet', { $select: 'uuid' });
   */
  async function getAllByApplication<const O extends DeviceOptions = NoOptions>(
    slugOrUuidOrId: FleetId,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<DeviceRow<O>>> {
    const { $filter } = await ofFleet(slugOrUuidOrId, callOptions);
    return getCollection(
      pine,
      'device',
      ORDER_BY_NAME,
      withMethodFilter(options, $filter),
      callOptions,
    );
  }

  /**
   * Pages through the devices of a fleet (the iterator sibling of `getAllByApplication`).
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - pine options merged with the defaults.
   * @param iterateOptions - `pageSize`, `signal`, `headers`, `timeout`.
   * @returns an async iterator over the devices.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * for await (const d of sdk.models.device.iterateAllByApplication(123, { $select: 'uuid' })) console.log(d.uuid);
   */
  async function* iterateAllByApplication<const O extends DeviceOptions = NoOptions>(
    slugOrUuidOrId: FleetId,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<DeviceRow<O>> {
    const { $filter } = await ofFleet(slugOrUuidOrId, iterateOptions);
    const withFleet = withMethodFilter(options, $filter);
    yield* iterateCollection(pine, 'device', ORDER_BY_NAME, withFleet, iterateOptions);
  }

  /**
   * Counts the devices of a fleet (the count sibling of `getAllByApplication`).
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - an optional `$filter`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the number of devices.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const n = await sdk.models.device.countAllByApplication('myorg/myfleet');
   */
  async function countAllByApplication(
    slugOrUuidOrId: FleetId,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number> {
    const defaults = await ofFleet(slugOrUuidOrId, callOptions);
    return countCollection(pine, 'device', defaults, options, callOptions);
  }

  /**
   * The devices with a given name.
   *
   * @param name - the device name.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the devices, at least one.
   * @throws {BalenaDeviceNotFound} when no device has that name.
   * @example
   * const [device] = await sdk.models.device.getByName('floral-sun', { $select: 'uuid' });
   */
  async function getByName<const O extends DeviceOptions = NoOptions>(
    name: string,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<DeviceRow<O>>> {
    const byName = withMethodFilter(options, { device_name: name });
    const devices = await getCollection(pine, 'device', ORDER_BY_NAME, byName, callOptions);
    if (devices.length === 0) throw new BalenaDeviceNotFound(name);
    return devices;
  }

  /**
   * Tells whether a device exists (and the caller can read it).
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns true when it exists.
   * @throws {BalenaInvalidParameterError} for anything but an id or a 32/62-character uuid.
   * @example
   * if (await sdk.models.device.has(123)) console.log('found');
   */
  async function has(uuidOrId: UuidOrId, callOptions?: PineRequestOptions): Promise<boolean> {
    try {
      await get(uuidOrId, { $select: ['id'] }, callOptions);
      return true;
    } catch (error) {
      if (isBalenaError(error, 'BalenaDeviceNotFound')) return false;
      throw error;
    }
  }

  /**
   * The id of a device: a number is returned as is, without a request.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the id.
   * @throws {BalenaDeviceNotFound} when the uuid matches nothing.
   * @example
   * const id = await sdk.models.device._getId('7cf02a6...');
   */
  async function _getId(uuidOrId: UuidOrId, callOptions?: PineRequestOptions): Promise<number> {
    if (isId(uuidOrId)) return uuidOrId;
    return resolveId(pine, DEVICE_LOOKUP, uuidOrId, callOptions);
  }

  return {
    get,
    getWithServiceDetails,
    getAllByApplication,
    iterateAllByApplication,
    countAllByApplication,
    getByName,
    has,
    _getId,
  };
}
