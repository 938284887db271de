/**
 * Host OS update ("HUP") rules: which balenaOS updates a device may run, and whether the update
 * is a plain `balenahup` or a `takeover` (a reinstall some Jetson Xavier boards need when they
 * cross a given version). The same results and messages as balena-hup-action-utils 7.
 */
import { compare, gte, lt, parse, type ParsedVersion } from './semver.js';

/** The kinds of host OS update. */
export type HUPActionName = 'balenahup' | 'takeover';

/** Why a host OS update is not allowed. */
export class HUPActionError extends Error {
  /**
   * Creates the error.
   *
   * @param message - why the update is refused.
   * @throws {Error} never.
   * @example
   * throw new HUPActionError('OS downgrades are not allowed');
   */
  constructor(message: string) {
    super(message);
    this.name = 'HUPActionError';
  }
}

/** The oldest version a device may update from. */
export const MIN_HUP_SOURCE_VERSION = '2.14.0+rev1';
/** The oldest version a device may update to. */
export const MIN_HUP_TARGET_VERSION = '2.16.0+rev1';

/** Device types whose update becomes a takeover when it reaches this version. */
export const TAKEOVER_FROM_VERSION: Readonly<Record<string, string>> = Object.freeze({
  'jetson-xavier': '6.0.50',
  'jetson-xavier-nx-devkit': '6.0.50+rev1',
  'jetson-xavier-nx-devkit-emmc': '6.0.39',
});

/** The variant a version names in its build or prerelease parts, if any. */
function variantOf(version: ParsedVersion): 'dev' | 'prod' | undefined {
  const parts: Array<string | number> = [...version.build, ...version.prerelease];
  if (parts.includes('dev')) return 'dev';
  return parts.includes('prod') ? 'prod' : undefined;
}

/**
 * Decides the kind of host OS update from one version to another on a device type.
 *
 * @param deviceType - the device type slug.
 * @param currentVersion - the version running on the device, variant included (`2.88.4+rev3.prod`).
 * @param targetVersion - the version to update to.
 * @returns `balenahup`, or `takeover` when a takeover board crosses its takeover version.
 * @throws {HUPActionError} for unreadable versions, a dev↔prod switch, a downgrade or the same
 * version, a source older than 2.14.0+rev1 or a target older than 2.16.0+rev1.
 * @example
 * getHUPActionType('raspberrypi3', '2.14.0+rev1.prod', '2.16.0+rev1.prod'); // 'balenahup'
 */
export function getHUPActionType(
  deviceType: string,
  currentVersion: string,
  targetVersion: string,
): HUPActionName {
  const current = parse(currentVersion);
  if (current === null) {
    throw new HUPActionError('Invalid current balenaOS version');
  }
  const target = parse(targetVersion);
  if (target === null) {
    throw new HUPActionError('Invalid target balenaOS version');
  }
  // A target without a variant keeps the device's variant; only an explicit one can clash.
  const targetVariant = variantOf(target);
  if (targetVariant !== undefined && (variantOf(current) === 'dev') !== (targetVariant === 'dev')) {
    throw new HUPActionError(
      'Updates cannot be performed between development and production balenaOS variants',
    );
  }
  if (lt(targetVersion, currentVersion)) {
    throw new HUPActionError('OS downgrades are not allowed');
  }
  if (compare(currentVersion, targetVersion) === 0) {
    throw new HUPActionError('Current OS version matches Target OS version');
  }
  if (lt(currentVersion, MIN_HUP_SOURCE_VERSION)) {
    throw new HUPActionError(`Current OS version must be >= ${MIN_HUP_SOURCE_VERSION}`);
  }
  if (lt(targetVersion, MIN_HUP_TARGET_VERSION)) {
    throw new HUPActionError(`Target OS version must be >= ${MIN_HUP_TARGET_VERSION}`);
  }
  const takeoverFrom = Object.hasOwn(TAKEOVER_FROM_VERSION, deviceType)
    ? TAKEOVER_FROM_VERSION[deviceType]
    : undefined;
  // A variant suffix sorts a version below the plain one; it must not make a device that already
  // crossed the takeover version look as if it had not.
  const currentWithoutVariant = currentVersion.replace(/\.dev$|\.prod$/, '');
  if (
    takeoverFrom !== undefined &&
    lt(currentWithoutVariant, takeoverFrom) &&
    gte(targetVersion, takeoverFrom)
  ) {
    return 'takeover';
  }
  return 'balenahup';
}

/**
 * Tells whether a device type may update its host OS from one version to another.
 *
 * @param deviceType - the device type slug.
 * @param currentVersion - the version running on the device, variant included.
 * @param targetVersion - the version to update to.
 * @returns true when {@link getHUPActionType} allows the update.
 * @throws {Error} never; refusals give false.
 * @example
 * isSupportedOsUpdate('raspberrypi3', '2.16.0+rev1', '2.14.0+rev1'); // false
 */
export function isSupportedOsUpdate(
  deviceType: string,
  currentVersion: string,
  targetVersion: string,
): boolean {
  try {
    getHUPActionType(deviceType, currentVersion, targetVersion);
    return true;
  } catch (error) {
    if (error instanceof HUPActionError) {
      return false;
    }
    throw error;
  }
}
