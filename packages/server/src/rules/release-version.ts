// Computes the derived release version fields from the stored parts (api-spec §1.3 "Release versioning fields").

/** The stored parts a release's version fields derive from. */
export interface ReleaseVersionParts {
  major: number;
  minor: number;
  patch: number;
  prerelease: string;
  build: string;
  variant: string;
  revision: number | null;
  createdAtMs: number;
}

/** The derived, stored-for-reading fields. */
export interface ReleaseVersionFields {
  semver: string;
  raw_version: string;
  is_final: boolean;
  version: {
    raw: string;
    major: number;
    minor: number;
    patch: number;
    prerelease: Array<string | number>;
    build: string[];
    version: string;
  };
}

/**
 * Derives `semver`, `raw_version`, `is_final` and the `version` JSON of a release.
 * @param parts the stored parts
 * @throws never
 * @example
 * releaseVersionFields({ major: 1, minor: 1, patch: 1, prerelease: '', build: '', variant: '', revision: 1, createdAtMs: 0 }).raw_version; // '1.1.1+rev1'
 */
export function releaseVersionFields(parts: ReleaseVersionParts): ReleaseVersionFields {
  const core = `${parts.major}.${parts.minor}.${parts.patch}`;
  const isFinal = parts.revision != null;
  const semver =
    core +
    (parts.prerelease !== '' ? `-${parts.prerelease}` : '') +
    (parts.build !== '' ? `+${parts.build}` : '');
  const prerelease: Array<string | number> =
    parts.prerelease === '' ? [] : parts.prerelease.split('.');
  if (!isFinal) prerelease.push(parts.createdAtMs);
  const build: string[] = parts.build === '' ? [] : parts.build.split('.');
  const revision = parts.revision ?? 0;
  if (revision > 0 && !build.includes(`rev${revision}`)) build.push(`rev${revision}`);
  if (parts.variant !== '') build.push(parts.variant);
  const version = core + (prerelease.length > 0 ? `-${prerelease.join('.')}` : '');
  const raw = version + (build.length > 0 ? `+${build.join('.')}` : '');
  return {
    semver,
    raw_version: raw,
    is_final: isFinal,
    version: {
      raw,
      major: parts.major,
      minor: parts.minor,
      patch: parts.patch,
      prerelease,
      build,
      version,
    },
  };
}
