/**
 * `sdk.models.device.serviceVar`: environment variables of one service on one device, keyed by the
 * device's service install and the variable name.
 */
import {
  BalenaAmbiguousDevice,
  BalenaInvalidParameterError,
  BalenaServiceNotFound,
} from '../../errors/index.js';
import { getCollection, untypedPine } from '../../internal/collection.js';
import { DEVICE_LOOKUP, isFullUuid, isId, resolveId } from '../../internal/ids.js';
import type { Filter, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import { createServiceVariableListings } from './service-var-listings.js';
import type { UuidOrId } from './core.js';

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

  return {
    ...createServiceVariableListings(ctx),
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
      const [variable] = await untypedPine(pine).get(
        {
          resource: RESOURCE,
          options: { $select: 'value', $filter: variableFilter(id, serviceNameOrId, key) },
        },
        callOptions,
      );
      const value = variable?.value;
      return typeof value === 'string' ? value : undefined;
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
