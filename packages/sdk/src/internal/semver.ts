/**
 * balenaOS-aware semantic versions. Version strings found on devices and OS releases are not
 * always plain semver (`balenaOS 2.48.0+rev1`, `Resin OS v2.0.2 (prod)`, `2.3.0.rev1`,
 * `2.48.0_dev`), so every input is first rewritten into semver form, then parsed strictly.
 *
 * Ordering: missing versions sort first, then unparsable strings (alphabetically), then valid
 * versions by semver precedence, then by `revN` build revision, then production before
 * development builds, and last by the rewritten text. The behaviour equals `balena-semver`
 * (proved by a differential test); ranges live in `semver-range.ts`.
 */

/** A version input: missing values are allowed and sort first. */
export type VersionInput = string | null | undefined;

/** A parsed version. */
export interface ParsedVersion {
  /** The caller's text. */
  raw: string;
  major: number;
  minor: number;
  patch: number;
  /** Dot-separated prerelease identifiers; all-digit ones are numbers. */
  prerelease: Array<string | number>;
  /** Dot-separated build identifiers (`rev1`, `prod`, ...). */
  build: string[];
  /** `major.minor.patch[-prerelease]`. */
  version: string;
}

const MAX_VERSION_LENGTH = 256;

const NUMBER = '0|[1-9]\\d*';
const PRERELEASE_ID = `(?:${NUMBER}|\\d*[a-zA-Z-][a-zA-Z0-9-]*)`;
const STRICT_VERSION = new RegExp(
  `^v?(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})` +
    `(?:-(${PRERELEASE_ID}(?:\\.${PRERELEASE_ID})*))?` +
    '(?:\\+([a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*))?$',
);

/**
 * Rewrites applied in order, each to its first match only (except the OS-name removal): they
 * turn the spellings balenaOS has used over the years into semver build metadata.
 */
const SEMVER_REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  // `2.0.0_rev1`: an underscore stands for `+`.
  [/(\d+\.\d+\.\d+)_(\w+)/, '$1+$2'],
  // `2.0.0.rev1`: the revision is build metadata.
  [/(\.\d+)\.rev/, '$1+rev'],
  // `2.0.0.prod` / `2.0.0.dev`: the variant is build metadata.
  [/(\d+\.\d+\.\d+)\.(dev|prod)\b/i, '$1+$2'],
  // `2.0.0 (prod)` without build metadata: the parenthesised word becomes the build.
  [/(\d+\.\d+\.\d+(?:[-.][0-9a-z]+)*) \(([0-9a-z]+)\)/i, '$1+$2'],
  // `2.0.0+rev1 (prod)`: the parenthesised word joins the build.
  [/(\d+\.\d+\.\d+(?:[-+.][0-9a-z]+)*) \(([0-9a-z]+)\)/i, '$1.$2'],
  // The first run of leading zeros after a non-digit goes.
  [/([^0-9])0+([1-9]+)/i, '$1$2'],
];

const OS_NAME_REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(resin|balena)\s*os\s*/gi, ''],
  [/\s+\(\w+\)$/, ''],
  [/^v/, ''],
];

/**
 * Rewrites a balenaOS version text into semver form (not validated).
 *
 * @param text - the version text.
 * @returns the rewritten text.
 * @example
 * normalizeVersionText('Resin OS v2.0.2 (prod)'); // '2.0.2+prod'
 */
export function normalizeVersionText(text: string): string {
  let result = text.trim();
  for (const [pattern, replacement] of [...SEMVER_REWRITES, ...OS_NAME_REWRITES]) {
    result = result.replace(pattern, replacement);
  }
  return result;
}

/**
 * Parses a strict semver string (after trimming), as node-semver does without options.
 *
 * @param text - the semver text.
 * @returns the parts, or null.
 * @example
 * parseStrictSemver('1.2.3-rc.1+rev2')?.prerelease; // ['rc', 1]
 */
export function parseStrictSemver(text: string): ParsedVersion | null {
  if (text.length > MAX_VERSION_LENGTH) {
    return null;
  }
  const match = STRICT_VERSION.exec(text.trim());
  if (match === null) {
    return null;
  }
  const [major, minor, patch] = [match[1], match[2], match[3]].map(Number);
  if (![major, minor, patch].every(Number.isSafeInteger)) {
    return null;
  }
  const prerelease = match[4] === undefined ? [] : match[4].split('.').map(toPrereleaseId);
  const build = match[5] === undefined ? [] : match[5].split('.');
  const version =
    `${major}.${minor}.${patch}` + (prerelease.length > 0 ? `-${prerelease.join('.')}` : '');
  return { raw: text, major, minor, patch, prerelease, build, version };
}

function toPrereleaseId(id: string): string | number {
  if (/^\d+$/.test(id)) {
    const value = Number(id);
    if (value < Number.MAX_SAFE_INTEGER) {
      return value;
    }
  }
  return id;
}

/**
 * Parses a balenaOS version string.
 *
 * @param version - e.g. `balenaOS 2.48.0+rev1`, `2.88.4+rev3.prod`, `2023.1.0`.
 * @returns the parsed version with `raw` set to the input, or null when no version is found.
 * @example
 * parse('balenaOS 2.48.0+rev1')?.build; // ['rev1']
 */
export function parse(version: VersionInput): ParsedVersion | null {
  if (version == null) {
    return null;
  }
  const parsed = parseStrictSemver(normalizeVersionText(version));
  return parsed === null ? null : { ...parsed, raw: version };
}

/**
 * Returns the `major.minor.patch[-prerelease]` part of a version string.
 *
 * @param version - the version text.
 * @returns the semver text, or null when invalid.
 * @example
 * valid('Resin OS 2.3.0+rev1.prod'); // '2.3.0'
 */
export function valid(version: VersionInput): string | null {
  return parse(version)?.version ?? null;
}

/**
 * Returns the major number of a version string.
 *
 * @param version - the version text.
 * @returns the major number, or null when missing or invalid.
 * @example
 * major('2023.1.0'); // 2023
 */
export function major(version: VersionInput): number | null {
  if (!version) {
    return null;
  }
  return parse(version)?.major ?? null;
}

/**
 * Returns the prerelease identifiers of a version string.
 *
 * @param version - the version text.
 * @returns the identifiers, or null when there are none or the version is invalid.
 * @example
 * prerelease('2.0.0-rc5.rev1'); // ['rc5', 'rev1']
 */
export function prerelease(version: VersionInput): Array<string | number> | null {
  if (!version) {
    return null;
  }
  const parts = parse(version)?.prerelease ?? [];
  return parts.length > 0 ? parts : null;
}

/**
 * Returns the revision of a parsed version: the number of its first `revN` build part.
 *
 * @param parsed - a parsed version.
 * @returns the revision, or null when there is none.
 * @example
 * getRevision(parse('2.3.0+rev1.prod')!); // 1
 */
export function getRevision(parsed: Pick<ParsedVersion, 'build'>): number | null {
  for (const part of parsed.build) {
    const match = /^rev(\d+)$/.exec(part);
    if (match !== null) {
      return Number.parseInt(match[1], 10);
    }
  }
  return null;
}

function sign(a: number | string | boolean, b: number | string | boolean): number {
  if (a > b) return 1;
  if (a < b) return -1;
  return 0;
}

function compareIdentifiers(a: string | number, b: string | number): number {
  const aNumeric = typeof a === 'number';
  const bNumeric = typeof b === 'number';
  if (aNumeric !== bNumeric) {
    return aNumeric ? -1 : 1;
  }
  return sign(a, b);
}

/**
 * Compares two parsed versions by semver precedence (build metadata ignored).
 *
 * @param a - a parsed version.
 * @param b - another parsed version.
 * @returns -1, 0 or 1.
 * @example
 * comparePrecedence(parse('1.0.0-rc.1')!, parse('1.0.0')!); // -1
 */
export function comparePrecedence(
  a: Omit<ParsedVersion, 'raw'>,
  b: Omit<ParsedVersion, 'raw'>,
): number {
  const main = sign(a.major, b.major) || sign(a.minor, b.minor) || sign(a.patch, b.patch);
  if (main !== 0) {
    return main;
  }
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return sign(a.prerelease.length === 0, b.prerelease.length === 0);
  }
  for (let index = 0; ; index += 1) {
    const left = a.prerelease[index];
    const right = b.prerelease[index];
    if (left === undefined || right === undefined) {
      return left === right ? 0 : left === undefined ? -1 : 1;
    }
    const order = compareIdentifiers(left, right);
    if (order !== 0) {
      return order;
    }
  }
}

/**
 * Compares two balenaOS versions (ascending sort order).
 *
 * @param versionA - the first version; missing values sort first, then invalid strings.
 * @param versionB - the second version.
 * @returns -1, 0 or 1.
 * @example
 * ['2.1.0', '2.0.0+rev2', '2.0.0+rev1'].sort(compare); // ['2.0.0+rev1', '2.0.0+rev2', '2.1.0']
 */
export function compare(versionA: VersionInput, versionB: VersionInput): number {
  if (versionA == null) {
    return versionB == null ? 0 : -1;
  }
  if (versionB == null) {
    return 1;
  }
  const textA = normalizeVersionText(versionA);
  const textB = normalizeVersionText(versionB);
  const a = parseStrictSemver(textA);
  const b = parseStrictSemver(textB);
  if (a === null || b === null) {
    if (a !== null) return 1;
    if (b !== null) return -1;
    return sign(textA, textB);
  }
  return (
    comparePrecedence(a, b) ||
    sign(getRevision(a) ?? 0, getRevision(b) ?? 0) ||
    // A development build sorts before the production build of the same version.
    sign(b.build.includes('dev'), a.build.includes('dev')) ||
    textA.localeCompare(textB)
  );
}

/**
 * Compares two balenaOS versions in descending order.
 *
 * @param versionA - the first version.
 * @param versionB - the second version.
 * @returns -1, 0 or 1 (the reverse of {@link compare}).
 * @example
 * ['2.0.0', '2.1.0'].sort(rcompare); // ['2.1.0', '2.0.0']
 */
export function rcompare(versionA: VersionInput, versionB: VersionInput): number {
  return 0 - compare(versionA, versionB);
}

/**
 * Tells whether a version is greater than another ({@link compare} order).
 *
 * @param versionA - the version tested.
 * @param versionB - the version compared with.
 * @returns true when `versionA` sorts after `versionB`.
 * @example
 * gt('2.0.0+rev2', '2.0.0+rev1'); // true
 */
export function gt(versionA: VersionInput, versionB: VersionInput): boolean {
  return compare(versionA, versionB) > 0;
}

/**
 * Tells whether a version is greater than or equal to another ({@link compare} order).
 *
 * @param versionA - the version tested.
 * @param versionB - the version compared with.
 * @returns true when `versionA` does not sort before `versionB`.
 * @example
 * gte('2.14.0+rev1', '2.14.0+rev1'); // true
 */
export function gte(versionA: VersionInput, versionB: VersionInput): boolean {
  return compare(versionA, versionB) >= 0;
}

/**
 * Tells whether a version is less than another ({@link compare} order).
 *
 * @param versionA - the version tested.
 * @param versionB - the version compared with.
 * @returns true when `versionA` sorts before `versionB`.
 * @example
 * lt('2.0.0', '2.1.0'); // true
 */
export function lt(versionA: VersionInput, versionB: VersionInput): boolean {
  return compare(versionA, versionB) < 0;
}

/**
 * Tells whether a version is less than or equal to another ({@link compare} order).
 *
 * @param versionA - the version tested.
 * @param versionB - the version compared with.
 * @returns true when `versionA` does not sort after `versionB`.
 * @example
 * lte('2.0.0', '2.0.0'); // true
 */
export function lte(versionA: VersionInput, versionB: VersionInput): boolean {
  return compare(versionA, versionB) <= 0;
}
