/**
 * Fleet-wide device actions: restart (through the API) and the supervisor proxy calls purge,
 * shutdown and reboot. HTTP 423 (an update lock held on a device) becomes
 * `BalenaSupervisorLockedError`; `force: true` overrides locks.
 */
import { BalenaSupervisorLockedError, isBalenaError } from '../../errors/index.js';
import { APPLICATION_LOOKUP, checkId, resolveId } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { RequestOptions } from '../../transport/types.js';
import type { SdkModelContext } from '../index.js';
import type { SlugOrUuidOrId } from './core.js';

/** Options of `shutdown` and `reboot`. */
export interface ForceOptions {
  /** Override update locks. */
  force?: boolean;
}

/**
 * Builds the action methods of `sdk.models.application`.
 *
 * @param ctx - the model context.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const actions = createApplicationActions(ctx);
 */
export function createApplicationActions(ctx: SdkModelContext) {
  const { pine, request } = ctx;

  async function sendLockable(options: RequestOptions, callOptions?: PineRequestOptions) {
    try {
      await request.send(options, callOptions);
    } catch (error) {
      if (isBalenaError(error, 'BalenaRequestError') && error.statusCode === 423) {
        throw new BalenaSupervisorLockedError();
      }
      throw error;
    }
  }

  /**
   * Restarts the services of every device of a fleet.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @throws {BalenaSupervisorLockedError} when a device holds an update lock.
   * @example
   * await sdk.models.application.restart('myorg/myfleet');
   */
  async function restart(
    slugOrUuidOrId: SlugOrUuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const id = await resolveId(pine, APPLICATION_LOOKUP, slugOrUuidOrId, callOptions);
    await sendLockable({ method: 'POST', url: `/application/${id}/restart` }, callOptions);
  }

  /**
   * Purges the data volumes of every device of a fleet (supervisor proxy).
   *
   * @param appId - the fleet id (no lookup is made).
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when `appId` is not an id.
   * @throws {BalenaSupervisorLockedError} when a device holds an update lock.
   * @example
   * await sdk.models.application.purge(123);
   */
  async function purge(appId: number, callOptions?: PineRequestOptions): Promise<void> {
    checkId(appId, 'appId');
    await sendLockable(
      {
        method: 'POST',
        url: '/supervisor/v1/purge',
        body: { appId, data: { appId: String(appId) } },
      },
      callOptions,
    );
  }

  // Shutdown and reboot differ only in their supervisor route.
  const powerAction =
    (action: 'shutdown' | 'reboot') =>
    async (
      appId: number,
      options: ForceOptions = {},
      callOptions?: PineRequestOptions,
    ): Promise<void> => {
      checkId(appId, 'appId');
      await sendLockable(
        {
          method: 'POST',
          url: `/supervisor/v1/${action}`,
          body: { appId, data: { force: Boolean(options.force) } },
        },
        callOptions,
      );
    };

  /**
   * Shuts every device of a fleet down (supervisor proxy).
   *
   * @param appId - the fleet id (no lookup is made).
   * @param options - `force` to override update locks.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when `appId` is not an id.
   * @throws {BalenaSupervisorLockedError} when a device holds an update lock.
   * @example
   * await sdk.models.application.shutdown(123, { force: true });
   */
  const shutdown = powerAction('shutdown');

  /**
   * Reboots every device of a fleet (supervisor proxy).
   *
   * @param appId - the fleet id (no lookup is made).
   * @param options - `force` to override update locks.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when `appId` is not an id.
   * @throws {BalenaSupervisorLockedError} when a device holds an update lock.
   * @example
   * await sdk.models.application.reboot(123);
   */
  const reboot = powerAction('reboot');

  return { restart, purge, shutdown, reboot };
}
