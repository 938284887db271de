/**
 * What the supervisor of a device (or any device of a fleet) is told to run, and the device's
 * public URL.
 */
import { APPLICATION_LOOKUP, DEVICE_LOOKUP, findOne } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import type { UuidOrId } from './core.js';

/** A target state as the API answers it (v2: `{local, dependent}`; v3: keyed by device uuid). */
export type SupervisorTargetState = Record<string, unknown>;

/**
 * Builds the target-state and device-URL reads of `sdk.models.device`.
 *
 * @param ctx - the model context.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const state = createDeviceTargetState(ctx);
 */
export function createDeviceTargetState(ctx: SdkModelContext) {
  const { pine, request } = ctx;

  /**
   * The target state the API gives a device's supervisor.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param version - the state format, 2 (default) or 3.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the target state.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * const state = await sdk.models.device.getSupervisorTargetState(123, 3);
   */
  async function getSupervisorTargetState(
    uuidOrId: UuidOrId,
    version: 2 | 3 = 2,
    callOptions?: PineRequestOptions,
  ): Promise<SupervisorTargetState> {
    const { uuid } = await findOne(pine, DEVICE_LOOKUP, uuidOrId, { $select: 'uuid' }, callOptions);
    const { body } = await request.send<SupervisorTargetState>(
      { url: `/device/v${version}/${uuid}/state` },
      callOptions,
    );
    return body;
  }

  /**
   * The target state (v3) of a fleet for a release, as a new device of the fleet would get it.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param release - the release uuid; the fleet's target release when omitted.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the fleet's target state, keyed by fleet uuid.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const state = await sdk.models.device.getSupervisorTargetStateForApp('myorg/myfleet');
   */
  async function getSupervisorTargetStateForApp(
    slugOrUuidOrId: string | number,
    release?: string,
    callOptions?: PineRequestOptions,
  ): Promise<SupervisorTargetState> {
    const { uuid } = await findOne(
      pine,
      APPLICATION_LOOKUP,
      slugOrUuidOrId,
      { $select: 'uuid' },
      callOptions,
    );
    const { body } = await request.send<SupervisorTargetState>(
      // The query is always sent, empty for "the target release", as upstream does.
      {
        url: `/device/v3/fleet/${uuid}/state/?releaseUuid=${encodeURIComponent(release ?? '')}`,
      },
      callOptions,
    );
    return body;
  }

  /**
   * Tells whether a device's public URL is on.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the device's `is_web_accessible`.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * if (await sdk.models.device.hasDeviceUrl(123)) console.log('public');
   */
  async function hasDeviceUrl(
    uuidOrId: UuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<boolean> {
    const device = await findOne(
      pine,
      DEVICE_LOOKUP,
      uuidOrId,
      { $select: 'is_web_accessible' },
      callOptions,
    );
    return device.is_web_accessible;
  }

  /**
   * The public URL of a device: `https://<uuid>.<deviceUrlsBase>`.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the URL.
   * @throws {Error} when the device's public URL is off.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * const url = await sdk.models.device.getDeviceUrl(123);
   */
  async function getDeviceUrl(
    uuidOrId: UuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<string> {
    const device = await findOne(
      pine,
      DEVICE_LOOKUP,
      uuidOrId,
      { $select: ['is_web_accessible', 'uuid'] },
      callOptions,
    );
    if (!device.is_web_accessible) {
      throw new Error(`Device is not web accessible: ${uuidOrId}`);
    }
    const base = await ctx.getDeviceUrlsBase();
    return `https://${device.uuid}.${base}`;
  }

  return { getSupervisorTargetState, getSupervisorTargetStateForApp, hasDeviceUrl, getDeviceUrl };
}
