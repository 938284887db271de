/**
 * Fleet-wide switches: balena support access and the public device URLs of every device.
 */
import { BalenaInvalidParameterError } from '../../errors/index.js';
import { APPLICATION_LOOKUP, resolveId } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import type { SlugOrUuidOrId } from './core.js';

/**
 * Builds the support-access and device-URL methods of `sdk.models.application`.
 *
 * @param ctx - the model context.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const access = createApplicationAccess(ctx);
 */
export function createApplicationAccess(ctx: SdkModelContext) {
  const { pine } = ctx;
  const appId = (x: SlugOrUuidOrId, callOptions?: PineRequestOptions) =>
    resolveId(pine, APPLICATION_LOOKUP, x, callOptions);

  /**
   * Grants balena support access to a fleet until a time.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param expiryTimestamp - when the access ends, in ms since the epoch; must be in the future.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when the timestamp is missing or not in the future.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * await sdk.models.application.grantSupportAccess('myorg/myfleet', Date.now() + 3600_000);
   */
  async function grantSupportAccess(
    slugOrUuidOrId: SlugOrUuidOrId,
    expiryTimestamp: number,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    if (typeof expiryTimestamp !== 'number' || !(expiryTimestamp > Date.now())) {
      throw new BalenaInvalidParameterError('expiryTimestamp', expiryTimestamp);
    }
    await setSupportAccess(slugOrUuidOrId, expiryTimestamp, callOptions);
  }

  /**
   * Ends balena support access to a fleet.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * await sdk.models.application.revokeSupportAccess('myorg/myfleet');
   */
  function revokeSupportAccess(
    slugOrUuidOrId: SlugOrUuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    return setSupportAccess(slugOrUuidOrId, null, callOptions);
  }

  async function setSupportAccess(
    slugOrUuidOrId: SlugOrUuidOrId,
    until: number | null,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const id = await appId(slugOrUuidOrId, callOptions);
    await pine.patch(
      { resource: 'application', id, body: { is_accessible_by_support_until__date: until } },
      callOptions,
    );
  }

  /**
   * Turns the public device URL on for every device of a fleet.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * await sdk.models.application.enableDeviceUrls('myorg/myfleet');
   */
  function enableDeviceUrls(slugOrUuidOrId: SlugOrUuidOrId, callOptions?: PineRequestOptions) {
    return setDeviceUrls(slugOrUuidOrId, true, callOptions);
  }

  /**
   * Turns the public device URL off for every device of a fleet.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * await sdk.models.application.disableDeviceUrls('myorg/myfleet');
   */
  function disableDeviceUrls(slugOrUuidOrId: SlugOrUuidOrId, callOptions?: PineRequestOptions) {
    return setDeviceUrls(slugOrUuidOrId, false, callOptions);
  }

  async function setDeviceUrls(
    slugOrUuidOrId: SlugOrUuidOrId,
    isWebAccessible: boolean,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const id = await appId(slugOrUuidOrId, callOptions);
    await pine.patch(
      {
        resource: 'device',
        options: { $filter: { belongs_to__application: id } },
        body: { is_web_accessible: isWebAccessible },
      },
      callOptions,
    );
  }

  return { grantSupportAccess, revokeSupportAccess, enableDeviceUrls, disableDeviceUrls };
}
