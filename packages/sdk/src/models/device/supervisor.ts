/**
 * Supervisor actions on one device, sent through the API's supervisor proxy
 * (`POST /supervisor/...`): ping, identify, restart, reboot, shutdown, purge, update, the
 * supervisor state and service start/stop/restart. The API relays each call to the device; an
 * offline device answers 404 `No online device(s) found` (a `BalenaRequestError`), and an update
 * lock held on the device answers 423, which becomes `BalenaSupervisorLockedError` for the
 * lock-respecting actions.
 */
import { BalenaSupervisorLockedError, isBalenaError } from '../../errors/index.js';
import { DEVICE_LOOKUP, findOne } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { RequestOptions } from '../../transport/types.js';
import type { SdkModelContext } from '../index.js';
import { CONTAINER_ACTION_TIMEOUT_MS, createDeviceServiceActions } from './supervisor-services.js';

export { CONTAINER_ACTION_TIMEOUT_MS, MIN_SUPERVISOR_MC_API } from './supervisor-services.js';

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

const FLEET_EXPAND = { belongs_to__application: { $select: 'id' } } as const;
/** The device reads of the official SDK, kept so both send the same requests. */
const DEVICE_WITH_FLEET = { $select: 'id', $expand: FLEET_EXPAND } as const;
const DEVICE_WITH_SUPERVISOR = {
  $select: ['id', 'supervisor_version'],
  $expand: FLEET_EXPAND,
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
    return { id: device.id, appId: device.belongs_to__application[0].id };
  }

  async function getDeviceWithSupervisor(
    uuidOrId: DeviceUuidOrId,
    callOptions?: PineRequestOptions,
  ) {
    const device = await findOne(
      pine,
      DEVICE_LOOKUP,
      uuidOrId,
      DEVICE_WITH_SUPERVISOR,
      callOptions,
    );
    const appId = device.belongs_to__application[0].id;
    return { id: device.id, appId, supervisorVersion: device.supervisor_version };
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
      const { id, appId } = await getDeviceWithSupervisor(uuidOrId, callOptions);
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

  return {
    ping,
    identify,
    restartApplication,
    reboot,
    shutdown,
    purge,
    update,
    getSupervisorState,
    ...createDeviceServiceActions(ctx, { getDeviceWithSupervisor, proxy, lockable }),
  };
}
