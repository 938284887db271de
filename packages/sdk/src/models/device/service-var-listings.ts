/**
 * The listings of `sdk.models.device.serviceVar`: by device and by fleet, with iterate/count extras.
 */
import {
  countCollection,
  getCollection,
  iterateCollection,
  type FilterOrderDefaults,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import { APPLICATION_LOOKUP, DEVICE_LOOKUP, resolveId } from '../../internal/ids.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import type { NoOptions, UuidOrId } from './core.js';

type ServiceVarOptions = ResourceOptions<'device_service_environment_variable'>;
type ServiceVarRow<O> = ResultRow<'device_service_environment_variable', O>;

const RESOURCE = 'device_service_environment_variable';

/**
 * Builds the listing methods of `sdk.models.device.serviceVar`.
 *
 * @param ctx - the model context.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const listings = createServiceVariableListings(ctx);
 */
export function createServiceVariableListings(ctx: SdkModelContext) {
  const { pine } = ctx;

  async function ofDevice(
    uuidOrId: UuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<FilterOrderDefaults> {
    const id = await resolveId(pine, DEVICE_LOOKUP, uuidOrId, callOptions);
    return {
      $filter: { service_install: { $any: { $alias: 'si', $expr: { si: { device: id } } } } },
    };
  }

  async function ofFleet(
    slugOrUuidOrId: string | number,
    callOptions?: PineRequestOptions,
  ): Promise<FilterOrderDefaults> {
    const id = await resolveId(pine, APPLICATION_LOOKUP, slugOrUuidOrId, callOptions);
    const inFleet = { $any: { $alias: 'd', $expr: { d: { belongs_to__application: id } } } };
    return {
      $filter: {
        service_install: { $any: { $alias: 'si', $expr: { si: { device: inFleet } } } },
      },
      $orderby: 'name asc',
    };
  }

  return {
    /**
     * The service variables of one device.
     *
     * @param uuidOrId - the device id or full uuid.
     * @param options - pine options merged with the defaults.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the variables.
     * @throws {BalenaDeviceNotFound} when the device does not exist.
     * @example
     * const vars = await sdk.models.device.serviceVar.getAllByDevice(123);
     */
    async getAllByDevice<const O extends ServiceVarOptions = NoOptions>(
      uuidOrId: UuidOrId,
      options?: O,
      callOptions?: PineRequestOptions,
    ): Promise<Array<ServiceVarRow<O>>> {
      const defaults = await ofDevice(uuidOrId, callOptions);
      return getCollection(pine, RESOURCE, defaults, options, callOptions);
    },

    /**
     * Pages through the service variables of one device.
     *
     * @param uuidOrId - the device id or full uuid.
     * @param options - pine options merged with the defaults.
     * @param iterateOptions - `pageSize`, `signal`, `headers`, `timeout`.
     * @returns an async iterator over the variables.
     * @throws {BalenaDeviceNotFound} when the device does not exist.
     * @example
     * for await (const v of sdk.models.device.serviceVar.iterateAllByDevice(123)) console.log(v.name);
     */
    async *iterateAllByDevice<const O extends ServiceVarOptions = NoOptions>(
      uuidOrId: UuidOrId,
      options?: O,
      iterateOptions?: IterateOptions,
    ): AsyncIterableIterator<ServiceVarRow<O>> {
      const defaults = await ofDevice(uuidOrId, iterateOptions);
      // Paging needs an order; the name keeps it stable.
      yield* iterateCollection(
        pine,
        RESOURCE,
        { ...defaults, $orderby: 'name asc' },
        options,
        iterateOptions,
      );
    },

    /**
     * Counts the service variables of one device.
     *
     * @param uuidOrId - the device id or full uuid.
     * @param options - an optional `$filter`.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the number of variables.
     * @throws {BalenaDeviceNotFound} when the device does not exist.
     * @example
     * const n = await sdk.models.device.serviceVar.countAllByDevice(123);
     */
    async countAllByDevice(
      uuidOrId: UuidOrId,
      options?: { $filter?: Filter },
      callOptions?: PineRequestOptions,
    ): Promise<number> {
      return countCollection(
        pine,
        RESOURCE,
        await ofDevice(uuidOrId, callOptions),
        options,
        callOptions,
      );
    },

    /**
     * The service variables of every device of a fleet, ordered by name.
     *
     * @param slugOrUuidOrId - the fleet id, slug or uuid.
     * @param options - pine options merged with the defaults.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the variables.
     * @throws {BalenaApplicationNotFound} when the fleet does not exist.
     * @example
     * const vars = await sdk.models.device.serviceVar.getAllByApplication('myorg/myfleet');
     */
    async getAllByApplication<const O extends ServiceVarOptions = NoOptions>(
      slugOrUuidOrId: string | number,
      options?: O,
      callOptions?: PineRequestOptions,
    ): Promise<Array<ServiceVarRow<O>>> {
      const defaults = await ofFleet(slugOrUuidOrId, callOptions);
      return getCollection(pine, RESOURCE, defaults, options, callOptions);
    },

    /**
     * Pages through the service variables of every device of a fleet.
     *
     * @param slugOrUuidOrId - the fleet id, slug or uuid.
     * @param options - pine options merged with the defaults.
     * @param iterateOptions - `pageSize`, `signal`, `headers`, `timeout`.
     * @returns an async iterator over the variables.
     * @throws {BalenaApplicationNotFound} when the fleet does not exist.
     * @example
     * for await (const v of sdk.models.device.serviceVar.iterateAllByApplication(5)) console.log(v.name);
     */
    async *iterateAllByApplication<const O extends ServiceVarOptions = NoOptions>(
      slugOrUuidOrId: string | number,
      options?: O,
      iterateOptions?: IterateOptions,
    ): AsyncIterableIterator<ServiceVarRow<O>> {
      const defaults = await ofFleet(slugOrUuidOrId, iterateOptions);
      yield* iterateCollection(pine, RESOURCE, defaults, options, iterateOptions);
    },

    /**
     * Counts the service variables of every device of a fleet.
     *
     * @param slugOrUuidOrId - the fleet id, slug or uuid.
     * @param options - an optional `$filter`.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the number of variables.
     * @throws {BalenaApplicationNotFound} when the fleet does not exist.
     * @example
     * const n = await sdk.models.device.serviceVar.countAllByApplication(5);
     */
    async countAllByApplication(
      slugOrUuidOrId: string | number,
      options?: { $filter?: Filter },
      callOptions?: PineRequestOptions,
    ): Promise<number> {
      const defaults = await ofFleet(slugOrUuidOrId, callOptions);
      return countCollection(pine, RESOURCE, defaults, options, callOptions);
    },
  };
}
