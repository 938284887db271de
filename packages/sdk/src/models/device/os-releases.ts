/**
 * The OS and supervisor release lookups the device OS-update methods need. They come from
 * `sdk.models.os` when it provides them; until then (or in a build without it) the same reads are
 * made here with the queries `os.getAvailableOsVersions` and
 * `os.getSupervisorReleasesForCpuArchitecture` document.
 */
import type { BatchRow } from '../../internal/batch.js';
import type { Filter, PineRequestOptions } from '../../pine/index.js';
import { parse } from '../../internal/semver.js';
import type { SdkModelContext } from '../index.js';

/** An OS release as the OS-update checks read it. */
export interface OsReleaseTarget {
  id: number;
  raw_version: string;
  /** The meta-balena version an ESR release is based on. */
  basedOnVersion?: string | null;
}

/** The two lookups of `sdk.models.os` the device methods use. */
export interface OsReleaseSource {
  getAvailableOsVersions(
    deviceType: string,
    options: undefined,
    extraOptions: { includeDraft?: boolean },
  ): Promise<OsReleaseTarget[]>;
  getSupervisorReleasesForCpuArchitecture(
    cpuArchitectureSlugOrId: string | number,
    options: { $top: number; $select: 'id'; $filter: { id: number } | { raw_version: string } },
  ): Promise<Array<{ id: number }>>;
}

function isOsReleaseSource(value: unknown): value is OsReleaseSource {
  return (
    typeof value === 'object' &&
    value !== null &&
    'getAvailableOsVersions' in value &&
    typeof value.getAvailableOsVersions === 'function' &&
    'getSupervisorReleasesForCpuArchitecture' in value &&
    typeof value.getSupervisorReleasesForCpuArchitecture === 'function'
  );
}

/** The OS version without its variant build part (`2.88.4+rev1.prod` → `2.88.4+rev1`). */
function withoutVariant(rawVersion: string): string {
  return rawVersion.replace(/[.+](dev|prod)$/, '');
}

/**
 * Returns `sdk.models.os` when it has the lookups, else local equivalents.
 *
 * @param ctx - the model context.
 * @param callOptions - `signal`, `headers`, `timeout` for the local lookups.
 * @returns the lookups.
 * @throws {Error} never.
 * @example
 * const releases = await getOsReleaseSource(ctx).getAvailableOsVersions('raspberrypi3', undefined, {});
 */
export function getOsReleaseSource(
  ctx: SdkModelContext,
  callOptions?: PineRequestOptions,
): OsReleaseSource {
  const osModel: unknown = Reflect.get(ctx.models, 'os');
  if (isOsReleaseSource(osModel)) {
    return osModel;
  }
  return {
    async getAvailableOsVersions(deviceType, _options, { includeDraft }) {
      const releases = await ctx.pine.get(
        {
          resource: 'release',
          options: {
            $select: ['id', 'raw_version'],
            $expand: {
              release_tag: { $select: 'value', $filter: { tag_key: 'meta-balena-base' } },
            },
            $filter: {
              status: 'success',
              is_invalidated: false,
              ...(includeDraft === true ? {} : { is_final: true }),
              belongs_to__application: {
                $any: {
                  $alias: 'a',
                  $expr: {
                    a: {
                      is_host: true,
                      is_for__device_type: {
                        $any: { $alias: 'dt', $expr: { dt: { slug: deviceType } } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        callOptions,
      );
      return releases.flatMap(({ id, raw_version, release_tag }) =>
        raw_version !== null && parse(raw_version) !== null
          ? [
              {
                id,
                raw_version,
                basedOnVersion: release_tag[0]?.value ?? withoutVariant(raw_version),
              },
            ]
          : [],
      );
    },
    async getSupervisorReleasesForCpuArchitecture(cpuArchitecture, options) {
      const architectureFilter: Filter =
        typeof cpuArchitecture === 'number'
          ? { is_of__cpu_architecture: cpuArchitecture }
          : {
              is_of__cpu_architecture: {
                $any: { $alias: 'c', $expr: { c: { slug: cpuArchitecture } } },
              },
            };
      return ctx.pine.get(
        {
          resource: 'release',
          options: {
            $top: options.$top,
            $select: 'id',
            $filter: {
              ...options.$filter,
              status: 'success',
              is_final: true,
              is_invalidated: false,
              semver_major: { $gt: 0 },
              belongs_to__application: {
                $any: {
                  $alias: 'a',
                  $expr: {
                    $and: [
                      { $startswith: [{ $: ['a', 'slug'] }, 'balena_os/'] },
                      { $endswith: [{ $: ['a', 'slug'] }, '-supervisor'] },
                      { a: { is_public: true, is_host: false } },
                      {
                        a: {
                          is_for__device_type: {
                            $any: { $alias: 'dt', $expr: { dt: architectureFilter } },
                          },
                        },
                      },
                    ],
                  },
                },
              },
            },
            $orderby: [
              { semver_major: 'desc' },
              { semver_minor: 'desc' },
              { semver_patch: 'desc' },
              { revision: 'desc' },
            ],
          },
        },
        callOptions,
      );
    },
  };
}

/**
 * Caches an async lookup per key for the duration of one bulk call.
 *
 * @param load - the lookup.
 * @returns the cached lookup (a failed lookup stays failed for that call).
 * @throws {Error} never itself.
 * @example
 * const slugOf = memoizeAsync((id: number) => readSlug(id));
 */
export function memoizeAsync<K, V>(load: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const cache = new Map<K, Promise<V>>();
  return (key) => {
    let pending = cache.get(key);
    if (pending === undefined) {
      pending = load(key);
      cache.set(key, pending);
    }
    return pending;
  };
}

/**
 * A per-call cached device type id → slug lookup.
 *
 * @param ctx - the model context.
 * @param callOptions - `signal`, `headers`, `timeout`.
 * @returns the lookup.
 * @throws {BalenaInvalidDeviceType} from the lookup when the device type does not exist.
 * @example
 * const slug = await deviceTypeSlugLookup(ctx)(30);
 */
export function deviceTypeSlugLookup(ctx: SdkModelContext, callOptions?: PineRequestOptions) {
  return memoizeAsync(async (deviceTypeId: number) => {
    const deviceType = await ctx.models.deviceType.get(
      deviceTypeId,
      { $select: 'slug' },
      callOptions,
    );
    return deviceType.slug;
  });
}

/**
 * Reads a text field of a looked-up batch row.
 *
 * @param row - the row.
 * @param field - the field name.
 * @returns the text, or null when absent or not text.
 * @example
 * textField(row, 'uuid');
 */
export function textField(row: BatchRow, field: string): string | null {
  const value = row.data[field];
  return typeof value === 'string' ? value : null;
}

/**
 * The facts `_checkOsUpdateTarget` reads, from a looked-up batch row and its device type slug.
 *
 * @param row - the row (looked up with `uuid`, `os_version`, `os_variant`).
 * @param slug - the device type slug.
 * @returns the device facts; `os_variant` is undefined when the row lacks the field.
 * @example
 * checkOsUpdateTarget(checkFactsOf(row, 'raspberrypi3'), release, 'pin');
 */
export function checkFactsOf(row: BatchRow, slug: string) {
  return {
    uuid: textField(row, 'uuid'),
    is_of__device_type: [{ slug }],
    os_version: textField(row, 'os_version'),
    os_variant: 'os_variant' in row.data ? textField(row, 'os_variant') : undefined,
  };
}
