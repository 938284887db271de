/**
 * Service actions on one device through the supervisor proxy (multicontainer API, supervisor
 * 7.0.0 or later): start, stop and restart a service given by its image id. Stopping and
 * restarting respect update locks (HTTP 423 → `BalenaSupervisorLockedError`).
 */
import { ensureVersionCompatibility } from '../../internal/device-os-version.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { RequestOptions } from '../../transport/types.js';
import type { SdkModelContext } from '../index.js';
import type { DeviceUuidOrId } from './supervisor.js';

/** Container actions can outlast the default timeout on slow devices and networks. */
export const CONTAINER_ACTION_TIMEOUT_MS = 50_000;
/** Multicontainer (`/v2/applications/...`) endpoints need this supervisor version. */
export const MIN_SUPERVISOR_MC_API = '7.0.0';

/** What the service actions share with the other supervisor actions. */
export interface SupervisorActionHelpers {
  getDeviceWithSupervisor(
    uuidOrId: DeviceUuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<{ id: number; appId: number; supervisorVersion: string | null }>;
  proxy(options: RequestOptions, callOptions: PineRequestOptions | undefined): Promise<unknown>;
  lockable<T>(action: () => Promise<T>): Promise<T>;
}

/**
 * Builds `startService`, `stopService` and `restartService` of `sdk.models.device`.
 *
 * @param _ctx - the model context.
 * @param deps - the device read, proxy call and lock mapping of the supervisor actions.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const services = createDeviceServiceActions(ctx, helpers);
 */
export function createDeviceServiceActions(_ctx: SdkModelContext, deps: SupervisorActionHelpers) {
  async function serviceAction(
    action: 'start-service' | 'stop-service' | 'restart-service',
    uuidOrId: DeviceUuidOrId,
    imageId: number,
    callOptions: PineRequestOptions | undefined,
  ): Promise<void> {
    const device = await deps.getDeviceWithSupervisor(uuidOrId, callOptions);
    ensureVersionCompatibility(device.supervisorVersion, MIN_SUPERVISOR_MC_API, 'supervisor');
    const { appId } = device;
    await deps.proxy(
      {
        url: `/supervisor/v2/applications/${appId}/${action}`,
        body: { deviceId: device.id, appId, data: { appId, imageId } },
        timeout: CONTAINER_ACTION_TIMEOUT_MS,
      },
      callOptions,
    );
  }

  /**
   * Starts a service (by image id) on a device.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param imageId - the id of the service's image.
   * @param callOptions - `signal`, `headers`, `timeout` (default 50 s).
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @throws {Error} `Incompatible supervisor version…` below supervisor 7.0.0.
   * @example
   * await sdk.models.device.startService(123, 456);
   */
  function startService(
    uuidOrId: DeviceUuidOrId,
    imageId: number,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    return serviceAction('start-service', uuidOrId, imageId, callOptions);
  }

  /**
   * Stops a service (by image id) on a device.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param imageId - the id of the service's image.
   * @param callOptions - `signal`, `headers`, `timeout` (default 50 s).
   * @returns nothing.
   * @throws {BalenaSupervisorLockedError} when the device holds an update lock.
   * @throws {Error} `Incompatible supervisor version…` below supervisor 7.0.0.
   * @example
   * await sdk.models.device.stopService(123, 456);
   */
  function stopService(
    uuidOrId: DeviceUuidOrId,
    imageId: number,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    return deps.lockable(() => serviceAction('stop-service', uuidOrId, imageId, callOptions));
  }

  /**
   * Restarts a service (by image id) on a device.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param imageId - the id of the service's image.
   * @param callOptions - `signal`, `headers`, `timeout` (default 50 s).
   * @returns nothing.
   * @throws {BalenaSupervisorLockedError} when the device holds an update lock.
   * @throws {Error} `Incompatible supervisor version…` below supervisor 7.0.0.
   * @example
   * await sdk.models.device.restartService(123, 456);
   */
  function restartService(
    uuidOrId: DeviceUuidOrId,
    imageId: number,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    return deps.lockable(() => serviceAction('restart-service', uuidOrId, imageId, callOptions));
  }

  return { startService, stopService, restartService };
}
