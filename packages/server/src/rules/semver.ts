/** The stored parts of a release version (`semver_*` fields of a release). */
export interface SemverParts {
  semver_major: number;
  semver_minor: number;
  semver_patch: number;
  semver_prerelease: string;
  semver_build: string;
}

const NUMERIC = '0|[1-9]\\d*';
const IDENTIFIERS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
const SEMVER_PATTERN = new RegExp(
  `^(${NUMERIC})\\.(${NUMERIC})\\.(${NUMERIC})(?:-(${IDENTIFIERS}))?(?:\\+(${IDENTIFIERS}))?$`,
);

/**
 * Parses a release `semver` input ("M.m.p[-pre][+build]") into its stored parts, or undefined when invalid.
 * @param text the semver text sent by the client
 * @throws never
 * @example
 * parseSemver('1.2.3-beta+rev2'); // { semver_major: 1, ..., semver_prerelease: 'beta', semver_build: 'rev2' }
 */
export function parseSemver(text: unknown): SemverParts | undefined {
  if (typeof text !== 'string') return undefined;
  const match = SEMVER_PATTERN.exec(text.trim());
  if (match == null) return undefined;
  const [major, minor, patch] = [match[1], match[2], match[3]].map(Number);
  if (![major, minor, patch].every((part) => Number.isSafeInteger(part) && part <= 2_147_483_647))
    return undefined;
  return {
    semver_major: major,
    semver_minor: minor,
    semver_patch: patch,
    semver_prerelease: match[4] ?? '',
    semver_build: match[5] ?? '',
  };
}

/**
 * Finds the `rev<N>` segment of a semver build string, if any.
 * @param build the build part (e.g. "rev3.foo")
 * @throws never
 * @example
 * revisionInBuild('rev3.foo'); // 3
 */
export function revisionInBuild(build: string): number | undefined {
  for (const segment of build.split('.')) {
    const match = /^rev(\d+)$/.exec(segment);
    if (match != null) return Number(match[1]);
  }
  return undefined;
}
