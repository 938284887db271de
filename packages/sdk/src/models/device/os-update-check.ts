/**
 * Whether a device may move to a target OS release (`device._checkOsUpdateTarget`): the device
 * facts must be known, then the host OS update rules decide; a device not on ESR that targets an
 * ESR release must also be allowed to reach the release's base version.
 */
import { getDeviceOsSemverWithVariant } from '../../internal/device-os-version.js';
import { getHUPActionType, HUPActionError } from '../../internal/hup-rules.js';
import { compare, parse } from '../../internal/semver.js';

/** The device facts the check reads. */
export interface OsUpdateCheckDevice {
  uuid?: string | null;
  is_of__device_type?: ReadonlyArray<{ slug?: string | null }> | null;
  os_version?: string | null;
  /** Must be present (null or '' is fine): a missing property means the row was not read with it. */
  os_variant?: string | null;
}

/** The target release the check reads. */
export interface OsUpdateCheckTarget {
  raw_version: string;
  basedOnVersion?: string | null;
}

/** Versions above this major are ESR (`2023.1.0`). */
const ESR_MIN_MAJOR = 2000;

/**
 * Throws unless the device may update (mode `start`) or be pinned (mode `pin`) to the release.
 *
 * @param device - `uuid`, `is_of__device_type[0].slug`, `os_version` and `os_variant`.
 * @param targetOsRelease - the release's `raw_version` and, for ESR, its `basedOnVersion`.
 * @param mode - `start` for an update now, `pin` for a target; `pin` also accepts the current version.
 * @returns nothing.
 * @throws {Error} when the uuid, OS version, device type or OS variant is not available.
 * @throws {HUPActionError} when the host OS update rules refuse the update.
 * @example
 * checkOsUpdateTarget(device, { raw_version: '2.88.4+rev3.prod' }, 'start');
 */
export function checkOsUpdateTarget(
  device: OsUpdateCheckDevice,
  targetOsRelease: OsUpdateCheckTarget,
  mode: 'start' | 'pin',
): void {
  const { uuid, os_version, os_variant } = device;
  if (!uuid) {
    throw new Error('The uuid of the device is not available');
  }
  if (!os_version) {
    throw new Error(`The current os version of the device is not available: ${uuid}`);
  }
  const current = parse(os_version);
  if (current === null) {
    throw new HUPActionError('Invalid current balenaOS version');
  }
  const deviceType = device.is_of__device_type?.[0]?.slug;
  if (!deviceType) {
    throw new Error(`The device type of the device is not available: ${uuid}`);
  }
  if (os_variant === undefined) {
    throw new Error(`The os variant of the device is not available: ${uuid}`);
  }
  if (mode === 'pin' && isCurrentRelease(os_version, os_variant, targetOsRelease.raw_version)) {
    return;
  }
  const currentWithVariant = getDeviceOsSemverWithVariant({ os_version, os_variant }) ?? os_version;
  getHUPActionType(deviceType, currentWithVariant, targetOsRelease.raw_version);
  const basedOn = targetOsRelease.basedOnVersion;
  if (current.major <= ESR_MIN_MAJOR && basedOn != null) {
    const target = parse(targetOsRelease.raw_version);
    if (target !== null && target.major > ESR_MIN_MAJOR) {
      // Moving from a rolling release to ESR must not be a downgrade of the ESR's base.
      getHUPActionType(deviceType, currentWithVariant, basedOn);
    }
  }
}

/** Pinning a device back to the release it runs is allowed (same version, same or no variant). */
function isCurrentRelease(
  osVersion: string,
  osVariant: string | null,
  rawVersion: string,
): boolean {
  const match = /^(.+?)(\.(dev|prod))?$/.exec(rawVersion);
  if (match === null) {
    return false;
  }
  const [, versionWithoutVariant, , releaseVariant] = match;
  return (
    (releaseVariant === undefined || releaseVariant === osVariant) &&
    compare(osVersion, versionWithoutVariant) === 0
  );
}
