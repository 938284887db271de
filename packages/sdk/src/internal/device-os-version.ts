/**
 * The OS version string of a device (`2.48.0+rev1.prod`: semver with the OS variant as a build
 * part) and minimum-version checks on device-reported versions.
 */
import { lt, parse } from './semver.js';

/** The device fields the OS version string is made of. */
export interface DeviceOsVersionFields {
  os_version: string | null;
  os_variant: string | null;
}

/**
 * Builds a device's OS version with its variant as build metadata.
 *
 * @param device - `os_version` (e.g. `balenaOS 2.48.0+rev1`) and `os_variant` (`prod`, `dev`).
 * @returns e.g. `2.48.0+rev1.prod`, or null when the version is missing or unreadable.
 * @example
 * getDeviceOsSemverWithVariant({ os_version: 'balenaOS 2.48.0+rev1', os_variant: 'prod' });
 * // '2.48.0+rev1.prod'
 */
export function getDeviceOsSemverWithVariant(device: DeviceOsVersionFields): string | null {
  if (!device.os_version) {
    return null;
  }
  const parsed = parse(device.os_version);
  if (parsed === null) {
    return null;
  }
  const build = [...parsed.build];
  const variant = device.os_variant;
  if (variant && !build.includes(variant) && !parsed.prerelease.includes(variant)) {
    build.push(variant);
  }
  return build.length > 0 ? `${parsed.version}+${build.join('.')}` : parsed.version;
}

/**
 * Throws when a reported version is older than a minimum (a missing version passes).
 *
 * @param version - the reported version, e.g. the device's `supervisor_version`.
 * @param minVersion - the oldest accepted version.
 * @param versionType - what the version is, for the message (`supervisor`, `host OS`).
 * @returns nothing.
 * @throws {Error} `Incompatible <type> version: <v> - must be >= <min>`.
 * @example
 * ensureVersionCompatibility('6.5.0', '7.0.0', 'supervisor'); // throws
 */
export function ensureVersionCompatibility(
  version: string | null | undefined,
  minVersion: string,
  versionType: string,
): void {
  if (version && lt(version, minVersion)) {
    throw new Error(`Incompatible ${versionType} version: ${version} - must be >= ${minVersion}`);
  }
}
