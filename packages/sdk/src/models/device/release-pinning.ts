/**
 * Which release a device runs: following its fleet's target release, or pinned to one release.
 */
import { runBatched } from '../../internal/batch.js';
import { DEVICE_LOOKUP, findOne } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import { deviceBatchSpec, patchDevices, type UuidOrIdOrArray } from './batch-updates.js';
import type { UuidOrId } from './core.js';

/**
 * Builds the release-pinning methods of `sdk.models.device`.
 *
 * @param ctx - the model context.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const pinning = createDeviceReleasePinning(ctx);
 */
export function createDeviceReleasePinning(ctx: SdkModelContext) {
  const { pine } = ctx;

  /**
   * Tells whether a device follows its fleet's target release (is not pinned).
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns true when the device is not pinned to a release.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * const tracking = await sdk.models.device.isTrackingApplicationRelease(123);
   */
  async function isTrackingApplicationRelease(
    uuidOrId: UuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<boolean> {
    const device = await findOne(
      pine,
      DEVICE_LOOKUP,
      uuidOrId,
      { $select: 'is_pinned_on__release' },
      callOptions,
    );
    return device.is_pinned_on__release == null;
  }

  /**
   * The commit of the release a device should run (its pin, else its fleet's target).
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the commit, or `undefined` when there is no target release.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * const commit = await sdk.models.device.getTargetReleaseHash(123);
   */
  async function getTargetReleaseHash(
    uuidOrId: UuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<string | undefined> {
    const device = await findOne(
      pine,
      DEVICE_LOOKUP,
      uuidOrId,
      { $select: 'id', $expand: { should_be_running__release: { $select: 'commit' } } },
      callOptions,
    );
    return device.should_be_running__release[0]?.commit;
  }

  /**
   * Pins one or many devices to a successful release of their fleet.
   *
   * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of full uuids.
   * @param fullReleaseHashOrId - the release's full commit or id.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaReleaseNotFound} when a device's fleet has no successful release with that commit or id.
   * @throws {BalenaDeviceNotFound} when a device does not exist.
   * @example
   * await sdk.models.device.pinToRelease(123, 'f7caf4ff80114deeaefb7ab4447ad9c661c50847');
   */
  async function pinToRelease(
    uuidOrIdOrArray: UuidOrIdOrArray,
    fullReleaseHashOrId: string | number,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const releaseByFleet = new Map<number | undefined, Promise<number>>();
    const releaseOf = (fleetId: number | undefined) => {
      let pending = releaseByFleet.get(fleetId);
      if (pending === undefined) {
        const byField = typeof fullReleaseHashOrId === 'number' ? 'id' : 'commit';
        pending = ctx.models.release
          .get(
            fullReleaseHashOrId,
            {
              $top: 1,
              $select: 'id',
              $filter: {
                [byField]: fullReleaseHashOrId,
                status: 'success',
                belongs_to__application: fleetId ?? null,
              },
              $orderby: { created_at: 'desc' },
            },
            callOptions,
          )
          .then((release) => release.id);
        releaseByFleet.set(fleetId, pending);
      }
      return pending;
    };
    await runBatched(
      deviceBatchSpec(ctx, { groupByField: 'belongs_to__application' }),
      uuidOrIdOrArray,
      async (ids, fleetId) => {
        const releaseId = await releaseOf(fleetId);
        await pine.patch(
          {
            resource: 'device',
            options: { $filter: { id: { $in: ids } } },
            body: { is_pinned_on__release: releaseId },
          },
          callOptions,
        );
      },
      callOptions,
    );
  }

  /**
   * Makes one or many devices follow their fleet's target release again.
   *
   * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of full uuids.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaDeviceNotFound} when a device does not exist.
   * @example
   * await sdk.models.device.trackApplicationRelease(123);
   */
  function trackApplicationRelease(
    uuidOrIdOrArray: UuidOrIdOrArray,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    return patchDevices(ctx, uuidOrIdOrArray, { is_pinned_on__release: null }, callOptions);
  }

  return {
    isTrackingApplicationRelease,
    getTargetReleaseHash,
    pinToRelease,
    trackApplicationRelease,
  };
}
