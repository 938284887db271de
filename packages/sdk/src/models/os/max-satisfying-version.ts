/**
 * Choosing among OS versions by version, range or `'latest'` (synchronous: `os._getMaxSatisfyingVersion`).
 */
import { maxSatisfying } from '../../internal/semver-range.js';
import type { OsVersion } from './types.js';

/**
 * Picks the version an exact version, a semver range or `'latest'` names among OS versions.
 *
 * @param versionOrRange - `'latest'` (the first, i.e. newest, entry), an exact raw version, or a range.
 * @param osVersions - the candidates, newest first.
 * @returns the raw version, or undefined/null when none matches.
 * @throws {Error} never.
 * @example
 * pickMaxSatisfyingVersion('^2.48.0', versions);
 */
export function pickMaxSatisfyingVersion(
  versionOrRange: string,
  osVersions: ReadonlyArray<Pick<OsVersion, 'raw_version'>>,
): string | null | undefined {
  if (versionOrRange === 'latest') return osVersions[0]?.raw_version;
  const versions = osVersions.map((version) => version.raw_version);
  // An exact version is returned as asked, not as some equivalent version.
  if (versions.includes(versionOrRange)) return versionOrRange;
  return maxSatisfying(versions, versionOrRange);
}
