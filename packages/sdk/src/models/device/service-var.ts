/**
 * `sdk.models.device.serviceVar`: environment variables of one service on one device, keyed by the
 * device's service install and the variable name.
 */
import {
  BalenaAmbiguousDevice,
  BalenaInvalidParameterError,
  BalenaServiceNotFound,
} from '../../errors/index.js';
import {
  countCollection,
  getCollection,
  iterateCollection,
  untypedPine,
  type FilterOrderDefaults,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import {
  APPLICATION_LOOKUP,
  DEVICE_LOOKUP,
  isFullUuid,
  isId,
  resolveId,
} from '../../internal/ids.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import type { UuidOrId } from './core.js';

type ServiceVarOptions = ResourceOptions<'device_service_environment_variable'>;
type ServiceVarRow<O> = ResultRow<'device_service_environment_variable', O>;
type NoOptions = Record<never, never>;

const RESOURCE = 'device_service_environment_variable';

/** `installs__service eq <id>` or `installs__service/any(<alias>:<alias>/service_name eq '<name>')`. */
function serviceFilter(serviceNameOrId: string | number, alias: string): Filter {
  return typeof serviceNameOrId === 'number'
    ? serviceNameOrId
    : { $any: { $alias: alias, $expr: { [alias]: { service_name: serviceNameOrId } } } };
}

function variableFilter(deviceId: number, serviceNameOrId: string | number, key: string): Filter {
  return {
    service_install: {
      $any: {
        $alias: 'si',
        $expr: {
          si: { device: deviceId, installs__service: serviceFilter(serviceNameOrId, 'is') },
        },
      },
    },
    name: key,
  };
}

/**
 * Builds `serviceVar` of `sdk.models.device`.
 *
 * @param ctx - the model context.
 * @returns the namespace.
 * @throws {Error} never at build time.
 * @example
 * const serviceVar = createDeviceServiceVariables(ctx);
 */
export function createDeviceServiceVariables(ctx: SdkModelContext) {
  const { pine } = ctx;
  const deviceId = (uuidOrId: UuidOrId, callOptions?: PineRequestOptions) =>
    resolveId(pine, DEVICE_LOOKUP, uuidOrId, callOptions);

  async function ofDevice(
    uuidOrId: UuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<FilterOrderDefaults> {
    const id = await deviceId(uuidOrId, callOptions);
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

    /**
     * The value of one variable of a service on a device.
     *
     * @param uuidOrId - the device id or full uuid.
     * @param serviceNameOrId - the service name or id.
     * @param key - the variable name.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the value, or `undefined` when the variable is not set.
     * @throws {BalenaDeviceNotFound} when the device does not exist.
     * @example
     * const value = await sdk.models.device.serviceVar.get(123, 'main', 'VAR');
     */
    async get(
      uuidOrId: UuidOrId,
      serviceNameOrId: string | number,
      key: string,
      callOptions?: PineRequestOptions,
    ): Promise<string | undefined> {
      const id = await deviceId(uuidOrId, callOptions);
      const [variable] = await getCollection(
        pine,
        RESOURCE,
        { $filter: variableFilter(id, serviceNameOrId, key) },
        { $select: 'value' },
        callOptions,
      );
      return variable?.value;
    },

    /**
     * Creates or updates one variable of a service on a device.
     *
     * @param uuidOrId - the device id or full uuid.
     * @param serviceNameOrId - the service name or id.
     * @param key - the variable name.
     * @param value - the value (stringified).
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns nothing.
     * @throws {BalenaServiceNotFound} when the service is not installed on the device (or the device is missing).
     * @throws {BalenaInvalidParameterError} for anything but an id or a full uuid.
     * @example
     * await sdk.models.device.serviceVar.set(123, 'main', 'VAR', 'value');
     */
    async set(
      uuidOrId: UuidOrId,
      serviceNameOrId: string | number,
      key: string,
      value: string,
      callOptions?: PineRequestOptions,
    ): Promise<void> {
      let device: Filter;
      if (isId(uuidOrId)) device = uuidOrId;
      else if (isFullUuid(uuidOrId)) {
        device = { $any: { $alias: 'd', $expr: { d: { uuid: uuidOrId } } } };
      } else throw new BalenaInvalidParameterError('uuidOrId', uuidOrId);
      const installs = await getCollection(
        pine,
        'service_install',
        { $filter: { device, installs__service: serviceFilter(serviceNameOrId, 's') } },
        { $select: 'id' },
        callOptions,
      );
      const [install] = installs;
      if (install === undefined) throw new BalenaServiceNotFound(serviceNameOrId);
      if (installs.length > 1) throw new BalenaAmbiguousDevice(uuidOrId);
      await untypedPine(pine).upsert(
        {
          resource: RESOURCE,
          id: { service_install: install.id, name: key },
          body: { value: String(value) },
        },
        callOptions,
      );
    },

    /**
     * Deletes one variable of a service on a device (no error when it does not exist).
     *
     * @param uuidOrId - the device id or full uuid.
     * @param serviceNameOrId - the service name or id.
     * @param key - the variable name.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns nothing.
     * @throws {BalenaDeviceNotFound} when the device does not exist.
     * @example
     * await sdk.models.device.serviceVar.remove(123, 'main', 'VAR');
     */
    async remove(
      uuidOrId: UuidOrId,
      serviceNameOrId: string | number,
      key: string,
      callOptions?: PineRequestOptions,
    ): Promise<void> {
      const id = await deviceId(uuidOrId, callOptions);
      await pine.delete(
        { resource: RESOURCE, options: { $filter: variableFilter(id, serviceNameOrId, key) } },
        callOptions,
      );
    },
  };
}
