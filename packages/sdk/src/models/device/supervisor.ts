/**
 * Supervisor actions on one device, sent through the API's supervisor proxy
 * (`POST /supervisor/...`): ping, identify, restart, reboot, shutdown, purge, update, the
 * supervisor state and service start/stop/restart. The API relays each call to the device; an
 * offline device answers 404 `No online device(s) found` (a `BalenaRequestError`), and an update
 * lock held on the device answers 423, which becomes `BalenaSupervisorLockedError` for the
 * lock-respecting actions.
 */
import { BalenaSupervisorLockedError, isBalenaError } from '../../errors/index.js';
import { ensureVersionCompatibility } from '../../internal/device-os-version.js';
import { DEVICE_LOOKUP, findOne } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { RequestOptions } from '../../transport/types.js';
import type { SdkModelContext } from '../index.js';

/** Container actions can outlast the default timeout on slow devices and networks. */
export const CONTAINER_ACTION_TIMEOUT_MS = 50_000;
/** Multicontainer (`/v2/applications/...`) endpoints need this supervisor version. */
export const MIN_SUPERVISOR_MC_API = '7.0.0';

/** A device id or a full (32 or 62 character) device uuid. */
export type DeviceUuidOrId = string | number;

/** Options of `reboot`, `shutdown` and `update`. */
export interface SupervisorForceOptions {
  /** Override update locks. */
  force?: boolean;
}

/** What the supervisor reports about itself and the device (`getSupervisorState`). */
export interface SupervisorStatus {
  api_port: string;
  ip_address: string;
  os_version: string;
  supervisor_version: string;
  update_pending: boolean;
  update_failed: boolean;
  update_downloaded: boolean;
  status?: string | null;
  commit?: string | null;
  download_progress?: number | null;
}

const DEVICE_WITH_FLEET = {
  $select: ['id', 'supervisor_version'],
  $expand: { belongs_to__application: { $select: 'id' } },
} as const;

/**
 * Builds the supervisor action methods of `sdk.models.device`.
 *
 * @param ctx - the model context.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const actions = createDeviceSupervisorActions(ctx);
 */
export function createDeviceSupervisorActions(ctx: SdkModelContext) {
  const { pine, request } = ctx;

  async function getDeviceWithFleet(uuidOrId: DeviceUuidOrId, callOptions?: PineRequestOptions) {
    const device = await findOne(pine, DEVICE_LOOKUP, uuidOrId, DEVICE_WITH_FLEET, callOptions);
    const [fleet] = device.belongs_to__application;
    return { id: device.id, appId: fleet.id, supervisorVersion: device.supervisor_version };
  }

  async function proxy<T = unknown>(
    options: RequestOptions,
    callOptions: PineRequestOptions | undefined,
  ): Promise<T> {
    const { body } = await request.send<T>({ method: 'POST', ...options }, callOptions);
    return body;
  }

  /** Runs an action whose HTTP 423 (an update lock on the device) means "locked". */
  async function lockable<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (isBalenaError(error, 'BalenaRequestError') && error.statusCode === 423) {
        throw new BalenaSupervisorLockedError();
      }
      throw error;
    }
  }

  /**
   * Pings a device's supervisor (through the API).
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @throws {BalenaRequestError} 404 `No online device(s) found` when the device is offline.
   * @example
   * await sdk.models.device.ping('7cf02a69e4d34c9da573914963cf54fd');
   */
  async function ping(uuidOrId: DeviceUuidOrId, callOptions?: PineRequestOptions): Promise<void> {
    const device = await getDeviceWithFleet(uuidOrId, callOptions);
    await proxy(
      {
        url: '/supervisor/ping',
        body: { method: 'GET', deviceId: device.id, appId: device.appId },
      },
      callOptions,
    );
  }

  /**
   * Makes a device blink its identification LED.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @throws {BalenaRequestError} 404 `No online device(s) found` when the device is offline.
   * @example
   * await sdk.models.device.identify(123);
   */
  async function identify(
    uuidOrId: DeviceUuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const { uuid } = await findOne(pine, DEVICE_LOOKUP, uuidOrId, { $select: 'uuid' }, callOptions);
    await proxy({ url: '/supervisor/v1/blink', body: { uuid } }, callOptions);
  }

  /**
   * Restarts the containers of a device's fleet release without rebooting the device.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout` (default 50 s).
   * @returns the supervisor's answer.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @throws {BalenaSupervisorLockedError} when the device holds an update lock.
   * @example
   * await sdk.models.device.restartApplication(123);
   */
  function restartApplication(
    uuidOrId: DeviceUuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<unknown> {
    return lockable(async () => {
      const { id, appId } = await getDeviceWithFleet(uuidOrId, callOptions);
      return proxy(
        {
          url: '/supervisor/v1/restart',
          body: { deviceId: id, appId, data: { appId } },
          timeout: CONTAINER_ACTION_TIMEOUT_MS,
        },
        callOptions,
      );
    });
  }

  /**
   * Reboots a device.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param options - `force` to override update locks.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the supervisor's answer.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @throws {BalenaSupervisorLockedError} when the device holds an update lock and `force` is not set.
   * @example
   * await sdk.models.device.reboot(123, { force: true });
   */
  function reboot(
    uuidOrId: DeviceUuidOrId,
    options: SupervisorForceOptions = {},
    callOptions?: PineRequestOptions,
  ): Promise<unknown> {
    return lockable(async () => {
      const { id } = await findOne(pine, DEVICE_LOOKUP, uuidOrId, { $select: 'id' }, callOptions);
      return proxy(
        {
          url: '/supervisor/v1/reboot',
          body: { deviceId: id, data: { force: Boolean(options?.force) } },
        },
        callOptions,
      );
    });
  }

  /**
   * Shuts a device down.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param options - `force` to override update locks.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @throws {BalenaSupervisorLockedError} when the device holds an update lock and `force` is not set.
   * @example
   * await sdk.models.device.shutdown('7cf02a69e4d34c9da573914963cf54fd');
   */
  function shutdown(
    uuidOrId: DeviceUuidOrId,
    options: SupervisorForceOptions = {},
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    return lockable(async () => {
      const { id, appId } = await getDeviceWithFleet(uuidOrId, callOptions);
      await proxy(
        {
          url: '/supervisor/v1/shutdown',
          body: { deviceId: id, appId, data: { force: Boolean(options?.force) } },
        },
        callOptions,
      );
    });
  }

  /**
   * Purges the data volumes of a device's fleet release.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @throws {BalenaSupervisorLockedError} when the device holds an update lock.
   * @example
   * await sdk.models.device.purge(123);
   */
  function purge(uuidOrId: DeviceUuidOrId, callOptions?: PineRequestOptions): Promise<void> {
    return lockable(async () => {
      const { id, appId } = await getDeviceWithFleet(uuidOrId, callOptions);
      await proxy(
        { url: '/supervisor/v1/purge', body: { deviceId: id, appId, data: { appId } } },
        callOptions,
      );
    });
  }

  /**
   * Makes a device's supervisor check for an update now.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param options - `force` to override update locks.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @throws {BalenaRequestError} 404 `No online device(s) found` when the device is offline.
   * @example
   * await sdk.models.device.update(123, { force: true });
   */
  async function update(
    uuidOrId: DeviceUuidOrId,
    options: SupervisorForceOptions = {},
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const { id, appId } = await getDeviceWithFleet(uuidOrId, callOptions);
    await proxy(
      {
        url: '/supervisor/v1/update',
        body: { deviceId: id, appId, data: { force: Boolean(options?.force) } },
      },
      callOptions,
    );
  }

  /**
   * Reads the state a device's supervisor reports.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the supervisor status.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @throws {BalenaRequestError} 404 `No online device(s) found` when the device is offline.
   * @example
   * const { status, commit } = await sdk.models.device.getSupervisorState(123);
   */
  async function getSupervisorState(
    uuidOrId: DeviceUuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<SupervisorStatus> {
    const { uuid } = await findOne(pine, DEVICE_LOOKUP, uuidOrId, { $select: 'uuid' }, callOptions);
    return proxy<SupervisorStatus>(
      { url: '/supervisor/v1/device', body: { uuid, method: 'GET' } },
      callOptions,
    );
  }

  async function serviceAction(
    action: 'start-service' | 'stop-service' | 'restart-service',
    uuidOrId: DeviceUuidOrId,
    imageId: number,
    callOptions: PineRequestOptions | undefined,
  ): Promise<void> {
    const device = await getDeviceWithFleet(uuidOrId, callOptions);
    ensureVersionCompatibility(device.supervisorVersion, MIN_SUPERVISOR_MC_API, 'supervisor');
    const { appId } = device;
    await proxy(
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
    return lockable(() => serviceAction('stop-service', uuidOrId, imageId, callOptions));
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
    return lockable(() => serviceAction('restart-service', uuidOrId, imageId, callOptions));
  }

  return {
    ping,
    identify,
    restartApplication,
    reboot,
    shutdown,
    purge,
    update,
    getSupervisorState,
    startService,
    stopService,
    restartService,
  };
}
