/**
 * `sdk.models.os`: host OS versions (with ESR lines and variants), OS update rules, supervisor
 * releases, OS image downloads and config.json.
 */
import { createCache } from '../../internal/cache.js';
import { getHUPActionType, isSupportedOsUpdate as hupAllows } from '../../internal/hup-rules.js';
import { BalenaInvalidParameterError } from '../../errors/index.js';
import { compare, parse, prerelease } from '../../internal/semver.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import { createOsDownload } from './download.js';
import { createSupervisorReleaseReader } from './supervisor-releases.js';
import { pickMaxSatisfyingVersion } from './max-satisfying-version.js';
import { createOsSyncMethods } from './sync-methods.js';
import { createOsVersionReader } from './versions.js';
import {
  type AvailableOsVersionsOptions,
  type OsVersion,
  type SupportedOsUpdateVersions,
  type SupportedOsUpdateVersionsOptions,
} from './types.js';

export { OsTypes, OsVariant } from './types.js';
export type * from './types.js';
export { OsImageChecksumError } from './checksum-error.js';
export type { OsImageDownloadStream } from './download-stream.js';

export type { SupervisorRelease } from './supervisor-releases.js';

type VersionsResult<T extends string | string[]> = T extends string
  ? OsVersion[]
  : Record<string, OsVersion[]>;

/**
 * Builds `sdk.models.os`.
 *
 * @param ctx - the model context.
 * @returns the OS model: plain functions, safe to destructure.
 * @throws {Error} never at build time.
 * @example
 * const { getAvailableOsVersions } = sdk.models.os;
 */
export function createOsModel(ctx: SdkModelContext) {
  const { readOsVersions, versionCache } = createOsVersionReader(ctx);
  const slugCache = createCache({ pubsub: ctx.pubsub });
  const sizeCache = createCache({ pubsub: ctx.pubsub });

  function pick<T extends string | string[]>(
    deviceTypes: T,
    byDeviceType: Record<string, OsVersion[]>,
  ): VersionsResult<T> {
    const result =
      typeof deviceTypes === 'string' ? (byDeviceType[deviceTypes] ?? []) : byDeviceType;
    return result as VersionsResult<T>;
  }

  /**
   * The canonical slug of a device type given by slug or alias (cached until the login changes).
   *
   * @param deviceTypeSlug - a slug or alias.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the slug.
   * @throws {BalenaInvalidDeviceType} for an unknown device type.
   * @example
   * await sdk.models.os._getNormalizedDeviceTypeSlug('raspberrypi'); // 'raspberry-pi'
   */
  function _getNormalizedDeviceTypeSlug(
    deviceTypeSlug: string,
    callOptions?: PineRequestOptions,
  ): Promise<string> {
    return slugCache.get(deviceTypeSlug, async () => {
      const deviceType = await ctx.models.deviceType.get(
        deviceTypeSlug,
        { $select: 'slug' },
        callOptions,
      );
      return deviceType.slug;
    });
  }

  /**
   * Forgets the cached device type slugs, download sizes and OS versions.
   *
   * @returns nothing.
   * @throws {Error} never.
   * @example
   * sdk.models.os._clearDeviceTypesAndOsVersionCaches();
   */
  function _clearDeviceTypesAndOsVersionCaches(): void {
    slugCache.clear();
    sizeCache.clear();
    versionCache.clear();
  }

  /**
   * The final, valid, successful OS versions of one or more device types, newest first.
   *
   * @param deviceTypes - a slug (resolves with an array) or an array of slugs (resolves with a map).
   * @param pineOptions - extra pine options for the releases (results are cached only without them).
   * @param extraOptions - `includeDraft` to include releases that are not final yet.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the versions, or the versions per device type slug.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const versions = await sdk.models.os.getAvailableOsVersions('raspberrypi3');
   */
  async function getAvailableOsVersions<T extends string | string[]>(
    deviceTypes: T,
    pineOptions?: object,
    extraOptions?: AvailableOsVersionsOptions,
    callOptions?: PineRequestOptions,
  ): Promise<VersionsResult<T>> {
    const list: string[] = typeof deviceTypes === 'string' ? [deviceTypes] : deviceTypes;
    const filter = extraOptions?.includeDraft === true ? 'include_draft' : 'supported';
    const options =
      pineOptions == null || Object.keys(pineOptions).length === 0 ? undefined : pineOptions;
    return pick(deviceTypes, await readOsVersions(list, options, filter, callOptions));
  }

  /**
   * Every OS version of one or more device types, drafts and invalidated ones included.
   *
   * @param deviceTypes - a slug (resolves with an array) or an array of slugs (resolves with a map).
   * @param options - extra pine options for the releases (results are cached only without them).
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the versions, or the versions per device type slug.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const all = await sdk.models.os.getAllOsVersions(['fincm3', 'raspberrypi3']);
   */
  async function getAllOsVersions<T extends string | string[]>(
    deviceTypes: T,
    options?: object,
    callOptions?: PineRequestOptions,
  ): Promise<VersionsResult<T>> {
    const list: string[] = typeof deviceTypes === 'string' ? [deviceTypes] : deviceTypes;
    return pick(deviceTypes, await readOsVersions(list, options, 'all', callOptions));
  }

  /**
   * The newest available OS version matching an exact version, a semver range or `'latest'`.
   *
   * @param deviceType - the device type slug (or an alias).
   * @param versionOrRange - `'latest'` (default), an exact version, or a range such as `^2.48.0`.
   * @param osType - only versions of this policy (`'default'` or `'esr'`); all when absent.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the raw version, or null when none matches.
   * @throws {BalenaInvalidDeviceType} for an unknown device type.
   * @example
   * const version = await sdk.models.os.getMaxSatisfyingVersion('raspberrypi3', '^2.48.0');
   */
  async function getMaxSatisfyingVersion(
    deviceType: string,
    versionOrRange = 'latest',
    osType?: string,
    callOptions?: PineRequestOptions,
  ): Promise<string | null> {
    const slug = await _getNormalizedDeviceTypeSlug(deviceType, callOptions);
    let versions = await getAvailableOsVersions(slug, undefined, undefined, callOptions);
    if (osType != null) versions = versions.filter((version) => version.osType === osType);
    return pickMaxSatisfyingVersion(versionOrRange, versions) ?? null;
  }

  /**
   * Tells whether a device type may update its OS from one version to another.
   *
   * @param deviceType - the device type slug (or an alias).
   * @param currentVersion - the running version (`2.48.0+rev1.prod`).
   * @param targetVersion - the version to update to.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns whether the update is supported.
   * @throws {BalenaInvalidDeviceType} for an unknown device type.
   * @example
   * await sdk.models.os.isSupportedOsUpdate('raspberrypi3', '2.48.0+rev1.prod', '2.88.4+rev3.prod');
   */
  async function isSupportedOsUpdate(
    deviceType: string,
    currentVersion: string,
    targetVersion: string,
    callOptions?: PineRequestOptions,
  ): Promise<boolean> {
    const slug = await _getNormalizedDeviceTypeSlug(deviceType, callOptions);
    return hupAllows(slug, currentVersion, targetVersion);
  }

  /**
   * The kind of OS update between two versions: `'balenahup'` or `'takeover'`.
   *
   * @param deviceType - the device type slug (or an alias).
   * @param currentVersion - the running version.
   * @param targetVersion - the version to update to.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the update type.
   * @throws {HUPActionError} for invalid versions, variant switches, downgrades or too old versions.
   * @example
   * await sdk.models.os.getOsUpdateType('raspberrypi3', '2.48.0+rev1.prod', '2.88.4+rev3.prod');
   */
  async function getOsUpdateType(
    deviceType: string,
    currentVersion: string,
    targetVersion: string,
    callOptions?: PineRequestOptions,
  ): Promise<'balenahup' | 'takeover'> {
    const slug = await _getNormalizedDeviceTypeSlug(deviceType, callOptions);
    return getHUPActionType(slug, currentVersion, targetVersion);
  }

  /**
   * The versions a device type can update to from a current version, with the recommended one.
   *
   * @param deviceType - the device type slug (or an alias).
   * @param currentVersion - the running version.
   * @param options - `osType` to keep one policy, `includeDraft` to consider drafts.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns `{versions, recommended, current}`.
   * @throws {BalenaInvalidParameterError} when the current version cannot be parsed.
   * @example
   * const { recommended } = await sdk.models.os.getSupportedOsUpdateVersions('raspberrypi3', '2.48.0+rev1.prod');
   */
  async function getSupportedOsUpdateVersions(
    deviceType: string,
    currentVersion: string,
    { osType, ...options }: SupportedOsUpdateVersionsOptions = {},
    callOptions?: PineRequestOptions,
  ): Promise<SupportedOsUpdateVersions> {
    const current = parse(currentVersion);
    if (current == null) throw new BalenaInvalidParameterError('currentVersion', currentVersion);
    const isEsr = current.major > 2000;
    const slug = await _getNormalizedDeviceTypeSlug(deviceType, callOptions);
    const releases = await getAvailableOsVersions(slug, undefined, options, callOptions);
    const currentRelease = releases.find((r) => compare(r.raw_version, currentVersion) === 0);
    const candidates = osType != null ? releases.filter((r) => r.osType === osType) : releases;
    const versions = candidates
      .filter(
        (r) =>
          hupAllows(slug, currentVersion, r.raw_version) &&
          (r.basedOnVersion == null || isEsr || hupAllows(slug, currentVersion, r.basedOnVersion)),
      )
      .map((r) => r.raw_version);
    return {
      versions,
      recommended: versions.find((v) => !prerelease(v)),
      current: currentRelease?.raw_version,
    };
  }

  const downloads = createOsDownload(ctx, {
    normalizeSlug: _getNormalizedDeviceTypeSlug,
    availableVersions: (slug, callOptions) =>
      getAvailableOsVersions(slug, undefined, undefined, callOptions),
    sizeCache,
  });

  return {
    ...createOsSyncMethods(),
    _getNormalizedDeviceTypeSlug,
    _getDownloadSize: downloads._getDownloadSize,
    _clearDeviceTypesAndOsVersionCaches,
    getAllOsVersions,
    getAvailableOsVersions,
    getMaxSatisfyingVersion,
    getDownloadSize: downloads.getDownloadSize,
    download: downloads.download,
    getConfig: downloads.getConfig,
    isSupportedOsUpdate,
    getOsUpdateType,
    getSupportedOsUpdateVersions,
    getSupervisorReleasesForCpuArchitecture: createSupervisorReleaseReader(ctx),
  };
}

/** The type of `sdk.models.os`. */
export type OsModel = ReturnType<typeof createOsModel>;
