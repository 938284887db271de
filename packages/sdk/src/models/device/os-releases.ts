/**
 * What the device OS-update methods read besides devices: OS and supervisor releases (through
 * `sdk.models.os`, as the official SDK does), device type slugs, and fields of looked-up rows.
 */
import type { BatchRow } from '../../internal/batch.js';
import type { PineRequestOptions } from '../../pine/index.js';
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

/**
 * The two `sdk.models.os` lookups, bound to the call's options.
 *
 * @param ctx - the model context.
 * @param callOptions - `signal`, `headers`, `timeout` for the lookups.
 * @returns the lookups.
 * @throws {Error} never.
 * @example
 * const releases = await getOsReleaseSource(ctx).getAvailableOsVersions('raspberrypi3', undefined, {});
 */
export function getOsReleaseSource(
  ctx: SdkModelContext,
  callOptions?: PineRequestOptions,
): OsReleaseSource {
  const { os } = ctx.models;
  return {
    getAvailableOsVersions: (deviceType, options, extraOptions) =>
      os.getAvailableOsVersions(deviceType, options, extraOptions, callOptions),
    getSupervisorReleasesForCpuArchitecture: (cpuArchitecture, options) =>
      os.getSupervisorReleasesForCpuArchitecture(cpuArchitecture, options, callOptions),
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
