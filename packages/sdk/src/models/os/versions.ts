/**
 * Host OS versions: the "host apps" query, its transformation into {@link OsVersion}s (variants, ESR
 * lines, legacy tag-versioned releases) and the memoised readers built on it.
 */
import { untypedPine, mergeDefaults } from '../../internal/collection.js';
import { createCache, type Cache } from '../../internal/cache.js';
import { satisfies } from '../../internal/semver-range.js';
import { pickMaxSatisfyingVersion } from './max-satisfying-version.js';

export { pickMaxSatisfyingVersion };
import { parse, rcompare } from '../../internal/semver.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import { OsTypes, OsVariant, type OsLines, type OsVersion } from './types.js';

type Tag = { tag_key: string; value: string };

interface HostAppRow {
  application_tag?: Tag[];
  is_for__device_type: Array<{ slug: string }>;
  owns__release?: Array<Omit<OsVersion, 'osType' | 'line' | 'strippedVersion' | 'basedOnVersion'>>;
}

interface HostAppTags {
  osType: string;
  next: string | undefined;
  current: string | undefined;
  sunset: string | undefined;
}

/** Which releases a host-apps read keeps. */
export type OsVersionFilter = 'all' | 'supported' | 'include_draft';

const RELEASE_DEFAULTS = {
  $select: ['id', 'known_issue_list', 'raw_version', 'variant', 'phase'],
  $expand: { release_tag: { $select: ['tag_key', 'value'] } },
};

function tagMap(tags: readonly Tag[]): Record<string, string> {
  const map: Record<string, string> = Object.create(null);
  for (const { tag_key, value } of tags) map[tag_key] = value;
  return map;
}

function hostAppTags(tags: readonly Tag[]): HostAppTags {
  const map = tagMap(tags);
  return {
    osType: map['release-policy'] ?? OsTypes.DEFAULT,
    next: map['esr-next'],
    current: map['esr-current'],
    sunset: map['esr-sunset'],
  };
}

// A release without a phase belongs to the ESR line whose `major.minor` caret range it satisfies.
function releaseLine(phase: string | null, version: string, tags: HostAppTags): OsLines {
  if (phase == null) {
    if (tags.next && satisfies(version, `^${tags.next}`)) return 'next';
    if (tags.current && satisfies(version, `^${tags.current}`)) return 'current';
    if (tags.sunset && satisfies(version, `^${tags.sunset}`)) return 'sunset';
    if (tags.osType.toLowerCase() === OsTypes.ESR) return 'outdated';
    return undefined;
  }
  if (phase === 'end-of-life') return 'outdated';
  return phase as OsLines;
}

function toOsVersions(releases: NonNullable<HostAppRow['owns__release']>, tags: HostAppTags) {
  const versions: OsVersion[] = [];
  for (const release of releases) {
    const releaseTags = tagMap(release.release_tag ?? []);
    const parsed = release.raw_version.startsWith('0.0.0') ? null : parse(release.raw_version);
    let variant = release.variant;
    let rawVersion = release.raw_version;
    let strippedVersion: string;
    if (parsed == null) {
      // Releases of the non-semver era (e.g. 2020.04.0) carry their version and variant as tags.
      const fullVariant = releaseTags.variant;
      if (typeof fullVariant === 'string') {
        variant = Object.hasOwn(OsVariant, fullVariant)
          ? OsVariant[fullVariant as keyof typeof OsVariant]
          : fullVariant;
      }
      const tagged = releaseTags.version;
      if (tagged == null) continue;
      strippedVersion = tagged;
      rawVersion = [tagged, variant].filter((part) => !!part).join('.');
    } else {
      const build = parsed.build.filter((part) => part !== release.variant).join('.');
      strippedVersion = [parsed.version, build].filter((part) => !!part).join('+');
    }
    versions.push({
      ...release,
      raw_version: rawVersion,
      variant,
      osType: tags.osType,
      line: releaseLine(release.phase, strippedVersion, tags) ?? undefined,
      strippedVersion,
      basedOnVersion: releaseTags['meta-balena-base'] ?? strippedVersion,
    });
  }
  return versions;
}

/**
 * Builds the host OS version readers with their caches (cleared on every login change).
 *
 * @param ctx - the model context.
 * @returns the readers and their caches.
 * @throws {Error} never at build time.
 * @example
 * const { readOsVersions } = createOsVersionReader(ctx);
 */
export function createOsVersionReader(ctx: SdkModelContext) {
  const versionCache: Cache = createCache({ pubsub: ctx.pubsub });

  async function queryHostApps(
    deviceTypes: string[],
    releaseOptions: object,
    callOptions?: PineRequestOptions,
  ): Promise<Record<string, OsVersion[]>> {
    const apps = (await untypedPine(ctx.pine).get(
      {
        resource: 'application',
        options: {
          $select: 'is_for__device_type',
          $expand: {
            application_tag: { $select: ['tag_key', 'value'] },
            is_for__device_type: { $select: 'slug' },
            owns__release: mergeDefaults(RELEASE_DEFAULTS, releaseOptions),
          },
          $filter: {
            is_host: true,
            is_for__device_type: {
              $any: { $alias: 'dt', $expr: { dt: { slug: { $in: deviceTypes } } } },
            },
          },
        },
      },
      callOptions,
    )) as unknown as HostAppRow[];
    const byDeviceType: Record<string, OsVersion[]> = {};
    for (const app of apps) {
      const slug = app.is_for__device_type[0]?.slug;
      if (!slug) continue;
      byDeviceType[slug] ??= [];
      byDeviceType[slug].push(
        ...toOsVersions(app.owns__release ?? [], hostAppTags(app.application_tag ?? [])),
      );
    }
    for (const versions of Object.values(byDeviceType)) {
      versions.sort((a, b) => rcompare(a.raw_version, b.raw_version));
    }
    return byDeviceType;
  }

  /**
   * Reads the OS versions of device types, with the filter of a convenience mode and caller options.
   *
   * @param deviceTypes - device type slugs.
   * @param options - caller pine options for the releases; undefined to use (and fill) the cache.
   * @param filter - which releases to keep.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the versions per device type slug, newest first.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * await readOsVersions(['raspberrypi3'], undefined, 'supported');
   */
  async function readOsVersions(
    deviceTypes: string[],
    options: object | undefined,
    filter: OsVersionFilter,
    callOptions?: PineRequestOptions,
  ): Promise<Record<string, OsVersion[]>> {
    const filterOptions =
      filter === 'all'
        ? {}
        : {
            $filter: {
              ...(filter === 'supported' ? { is_final: true } : {}),
              is_invalidated: false,
              status: 'success',
            },
          };
    if (options != null) {
      return queryHostApps(deviceTypes, mergeDefaults(options, filterOptions), callOptions);
    }
    const sorted = [...deviceTypes].sort();
    return versionCache.get(JSON.stringify([sorted, filter]), () =>
      queryHostApps(sorted, filterOptions, callOptions),
    );
  }

  return { readOsVersions, versionCache };
}
