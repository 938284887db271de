/**
 * Host OS and supervisor updates of devices: `startOsUpdate` (through the device actions
 * service), `pinToOsRelease`, `pinToSupervisorRelease` and the check they share,
 * `_checkOsUpdateTarget`. All take one device or many (batched like the other bulk methods).
 */
import { BalenaInvalidParameterError, BalenaReleaseNotFound } from '../../errors/index.js';
import { runBatched, type BatchRow } from '../../internal/batch.js';
import { ensureVersionCompatibility } from '../../internal/device-os-version.js';
import { isId } from '../../internal/ids.js';
import { compare, parse } from '../../internal/semver.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import { deviceBatchSpec, type UuidOrIdOrArray } from './batch-updates.js';
import { checkOsUpdateTarget } from './os-update-check.js';
import { getOsReleaseSource, type OsReleaseTarget } from './os-releases.js';
import { MIN_SUPERVISOR_MC_API } from './supervisor.js';

/** Supervisor releases can only be pinned on devices running at least this host OS. */
export const MIN_OS_MC = '2.12.0';
/** At most this many OS update requests run at once. */
export const OS_UPDATE_CONCURRENCY = 50;

/** The answer of the device actions service to an OS update. */
export interface OsUpdateActionResult {
  status: 'idle' | 'in_progress' | 'done' | 'error' | 'configuring' | 'triggered';
  parameters?: { target_version: string };
  error?: string;
  fatal?: boolean;
}

/** Options of `startOsUpdate`. */
export interface StartOsUpdateOptions {
  /** Run the update detached from the request (actions API v2); default true. */
  runDetached?: boolean;
}

function text(row: BatchRow, field: string): string | null {
  const value = row.data[field];
  return typeof value === 'string' ? value : null;
}

async function mapLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  const queue = [...items];
  const workers = Array.from({ length: Math.min(limit, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      await fn(item);
    }
  });
  await Promise.all(workers);
}

/**
 * Builds the OS and supervisor update methods of `sdk.models.device`.
 *
 * @param ctx - the model context.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const updates = createDeviceOsUpdate(ctx);
 */
export function createDeviceOsUpdate(ctx: SdkModelContext) {
  const { pine, request } = ctx;

  function memoize<K, V>(load: (key: K) => Promise<V>): (key: K) => Promise<V> {
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

  function deviceTypeSlugs(callOptions?: PineRequestOptions) {
    return memoize(async (deviceTypeId: number) => {
      const deviceType = await ctx.models.deviceType.get(
        deviceTypeId,
        { $select: 'slug' },
        callOptions,
      );
      return deviceType.slug;
    });
  }

  async function actionsBaseUrl(): Promise<string> {
    const base = ctx.config.deviceActionsUrl ?? `https://actions.${await ctx.getDeviceUrlsBase()}`;
    return base.endsWith('/') ? base : `${base}/`;
  }

  /**
   * Starts a host OS update on one or many online devices.
   *
   * @param uuidOrUuids - a full device uuid, or an array of them.
   * @param targetOsVersion - the exact OS release version (e.g. `2.88.4+rev3.prod`).
   * @param options - `runDetached` (default true): v2 of the actions API; false waits (v1).
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the action result, or for an array a result per uuid.
   * @throws {BalenaInvalidParameterError} for an empty or unavailable `targetOsVersion`.
   * @throws {HUPActionError} when the update rules refuse the update.
   * @throws {Error} `The device is offline: <uuid>` for an offline device.
   * @example
   * const result = await sdk.models.device.startOsUpdate(uuid, '2.88.4+rev3.prod');
   */
  async function startOsUpdate(
    uuidOrUuids: string,
    targetOsVersion: string,
    options?: StartOsUpdateOptions,
    callOptions?: PineRequestOptions,
  ): Promise<OsUpdateActionResult>;
  async function startOsUpdate(
    uuidOrUuids: string[],
    targetOsVersion: string,
    options?: StartOsUpdateOptions,
    callOptions?: PineRequestOptions,
  ): Promise<Record<string, OsUpdateActionResult>>;
  async function startOsUpdate(
    uuidOrUuids: string | string[],
    targetOsVersion: string,
    options: StartOsUpdateOptions = { runDetached: true },
    callOptions?: PineRequestOptions,
  ): Promise<OsUpdateActionResult | Record<string, OsUpdateActionResult>> {
    if (!targetOsVersion) {
      throw new BalenaInvalidParameterError('targetOsVersion', targetOsVersion);
    }
    const includeDraft = (parse(targetOsVersion)?.prerelease.length ?? 0) > 0;
    const slugOf = deviceTypeSlugs(callOptions);
    const releasesOf = memoize((slug: string) =>
      getOsReleaseSource(ctx, callOptions).getAvailableOsVersions(slug, undefined, {
        includeDraft,
      }),
    );
    const apiVersion = options?.runDetached === true ? 'v2' : 'v1';
    const rowsById = new Map<number, BatchRow>();
    const results: Record<string, OsUpdateActionResult> = {};
    const spec = deviceBatchSpec(ctx, {
      groupByField: 'is_of__device_type',
      lookupOptions: {
        $select: ['uuid', 'is_connected_to_vpn', 'os_version', 'supervisor_version', 'os_variant'],
      },
      beforeMutate(rows) {
        for (const row of rows) rowsById.set(row.id, row);
      },
    });
    await runBatched(
      spec,
      uuidOrUuids,
      async (ids, deviceTypeId) => {
        const slug = await slugOf(Number(deviceTypeId));
        const devices = ids.flatMap((id) => rowsById.get(id) ?? []);
        for (const device of devices) {
          const releases = await releasesOf(slug);
          const target = releases.find(
            (release) => compare(release.raw_version, targetOsVersion) === 0,
          );
          if (target === undefined) {
            throw new BalenaInvalidParameterError('targetOsVersion', targetOsVersion);
          }
          checkOsUpdateTarget(deviceFacts(device, slug), target, 'start');
          if (device.data.is_connected_to_vpn !== true) {
            throw new Error(`The device is offline: ${text(device, 'uuid')}`);
          }
        }
        const baseUrl = await actionsBaseUrl();
        await mapLimited(devices, OS_UPDATE_CONCURRENCY, async (device) => {
          const uuid = text(device, 'uuid') ?? '';
          const { body } = await request.send<OsUpdateActionResult>(
            {
              method: 'POST',
              baseUrl,
              url: `${apiVersion}/${uuid}/resinhup`,
              body: { parameters: { target_version: targetOsVersion } },
            },
            callOptions,
          );
          results[uuid] = body;
        });
      },
      callOptions,
    );
    return Array.isArray(uuidOrUuids) ? results : results[uuidOrUuids];
  }

  function deviceFacts(row: BatchRow, slug: string) {
    return {
      uuid: text(row, 'uuid'),
      is_of__device_type: [{ slug }],
      os_version: text(row, 'os_version'),
      os_variant: 'os_variant' in row.data ? text(row, 'os_variant') : undefined,
    };
  }

  /**
   * Sets the OS release one or many devices should run (works for offline devices too).
   *
   * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of full uuids.
   * @param osVersionOrId - the OS release's `raw_version` or id.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} for an empty `osVersionOrId`.
   * @throws {BalenaReleaseNotFound} when no available OS release of a device's type matches.
   * @throws {HUPActionError} when the update rules refuse the release.
   * @example
   * await sdk.models.device.pinToOsRelease(uuid, '2.88.4+rev3.prod');
   */
  async function pinToOsRelease(
    uuidOrIdOrArray: UuidOrIdOrArray,
    osVersionOrId: string | number,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    if (!osVersionOrId) {
      throw new BalenaInvalidParameterError('osVersionOrId', osVersionOrId);
    }
    const includeDraft =
      isId(osVersionOrId) ||
      (typeof osVersionOrId === 'string' && (parse(osVersionOrId)?.prerelease.length ?? 0) > 0);
    const slugOf = deviceTypeSlugs(callOptions);
    const releaseFor = memoize(async (slug: string): Promise<OsReleaseTarget> => {
      const releases = await getOsReleaseSource(ctx, callOptions).getAvailableOsVersions(
        slug,
        undefined,
        { includeDraft },
      );
      const release = releases.find(
        (candidate) => candidate.id === osVersionOrId || candidate.raw_version === osVersionOrId,
      );
      if (release === undefined) {
        throw new BalenaReleaseNotFound(osVersionOrId);
      }
      return release;
    });
    const rowsById = new Map<number, BatchRow>();
    const spec = deviceBatchSpec(ctx, {
      groupByField: 'is_of__device_type',
      lookupOptions: { $select: ['uuid', 'os_version', 'os_variant'] },
      beforeMutate(rows) {
        for (const row of rows) rowsById.set(row.id, row);
      },
    });
    await runBatched(
      spec,
      uuidOrIdOrArray,
      async (ids, deviceTypeId) => {
        const slug = await slugOf(Number(deviceTypeId));
        const release = await releaseFor(slug);
        for (const id of ids) {
          const row = rowsById.get(id);
          if (row !== undefined) checkOsUpdateTarget(deviceFacts(row, slug), release, 'pin');
        }
        await pine.patch(
          {
            resource: 'device',
            options: { $filter: { id: { $in: ids } } },
            body: { should_be_operated_by__release: release.id },
          },
          callOptions,
        );
      },
      callOptions,
    );
  }

  /**
   * Sets the supervisor release one or many devices should run.
   *
   * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of full uuids.
   * @param supervisorVersionOrId - the supervisor release's `raw_version` or id.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {Error} `Incompatible supervisor version…` below 7.0.0, `Incompatible host OS version…` below 2.12.0.
   * @throws {BalenaReleaseNotFound} when no supervisor release of a device's architecture matches.
   * @example
   * await sdk.models.device.pinToSupervisorRelease(123, '14.11.1');
   */
  async function pinToSupervisorRelease(
    uuidOrIdOrArray: UuidOrIdOrArray,
    supervisorVersionOrId: string | number,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const releaseFilter = isId(supervisorVersionOrId)
      ? { id: supervisorVersionOrId }
      : { raw_version: String(supervisorVersionOrId) };
    const releaseFor = memoize(async (cpuArchitectureId: number) => {
      const [release] = await getOsReleaseSource(
        ctx,
        callOptions,
      ).getSupervisorReleasesForCpuArchitecture(cpuArchitectureId, {
        $top: 1,
        $select: 'id',
        $filter: releaseFilter,
      });
      if (release === undefined) {
        throw new BalenaReleaseNotFound(supervisorVersionOrId);
      }
      return release;
    });
    const rowsById = new Map<number, BatchRow>();
    const spec = deviceBatchSpec(ctx, {
      lookupOptions: {
        $select: ['id', 'supervisor_version', 'os_version'],
        $expand: { is_of__device_type: { $select: 'is_of__cpu_architecture' } },
      },
      beforeMutate(rows) {
        for (const row of rows) rowsById.set(row.id, row);
      },
    });
    await runBatched(
      spec,
      uuidOrIdOrArray,
      async (ids) => {
        const byArchitecture = new Map<number, number[]>();
        for (const id of ids) {
          const row = rowsById.get(id);
          if (row === undefined) continue;
          ensureVersionCompatibility(
            text(row, 'supervisor_version'),
            MIN_SUPERVISOR_MC_API,
            'supervisor',
          );
          ensureVersionCompatibility(text(row, 'os_version'), MIN_OS_MC, 'host OS');
          const architectureId = cpuArchitectureIdOf(row);
          byArchitecture.set(architectureId, [...(byArchitecture.get(architectureId) ?? []), id]);
        }
        for (const [architectureId, deviceIds] of byArchitecture) {
          const release = await releaseFor(architectureId);
          await pine.patch(
            {
              resource: 'device',
              options: { $filter: { id: { $in: deviceIds } } },
              body: { should_be_managed_by__release: release.id },
            },
            callOptions,
          );
        }
      },
      callOptions,
    );
  }

  return {
    startOsUpdate,
    pinToOsRelease,
    pinToSupervisorRelease,
    _checkOsUpdateTarget: checkOsUpdateTarget,
  };
}

function cpuArchitectureIdOf(row: BatchRow): number {
  const deviceTypes: unknown = row.data.is_of__device_type;
  const deviceType: unknown = Array.isArray(deviceTypes) ? deviceTypes[0] : undefined;
  if (
    typeof deviceType === 'object' &&
    deviceType !== null &&
    'is_of__cpu_architecture' in deviceType
  ) {
    const architecture: unknown = deviceType.is_of__cpu_architecture;
    if (typeof architecture === 'object' && architecture !== null && '__id' in architecture) {
      return Number(architecture.__id);
    }
  }
  throw new Error(`The CPU architecture of device ${row.id} is not available`);
}
