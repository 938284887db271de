/**
 * Target OS and supervisor releases of devices: `pinToOsRelease` (checked with the host OS update
 * rules, allowed for offline devices) and `pinToSupervisorRelease` (supervisor 7.0.0 and host OS
 * 2.12.0 or later), both batched like the other bulk device methods.
 */
import { BalenaInvalidParameterError, BalenaReleaseNotFound } from '../../errors/index.js';
import { runBatched, type BatchRow } from '../../internal/batch.js';
import { ensureVersionCompatibility } from '../../internal/device-os-version.js';
import { isId } from '../../internal/ids.js';
import { parse } from '../../internal/semver.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import { deviceBatchSpec, type UuidOrIdOrArray } from './batch-updates.js';
import { checkOsUpdateTarget } from './os-update-check.js';
import {
  checkFactsOf,
  deviceTypeSlugLookup,
  getOsReleaseSource,
  memoizeAsync,
  textField,
  type OsReleaseTarget,
} from './os-releases.js';
import { MIN_SUPERVISOR_MC_API } from './supervisor-services.js';

/** Supervisor releases can only be pinned on devices running at least this host OS. */
export const MIN_OS_MC = '2.12.0';

/**
 * Builds `pinToOsRelease` and `pinToSupervisorRelease` of `sdk.models.device`.
 *
 * @param ctx - the model context.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const { pinToOsRelease } = createDeviceOsPinning(ctx);
 */
export function createDeviceOsPinning(ctx: SdkModelContext) {
  const { pine } = ctx;

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
    const slugOf = deviceTypeSlugLookup(ctx, callOptions);
    const releaseFor = memoizeAsync(async (slug: string): Promise<OsReleaseTarget> => {
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
          if (row !== undefined) checkOsUpdateTarget(checkFactsOf(row, slug), release, 'pin');
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
    const releaseFor = memoizeAsync(async (cpuArchitectureId: number) => {
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
            textField(row, 'supervisor_version'),
            MIN_SUPERVISOR_MC_API,
            'supervisor',
          );
          ensureVersionCompatibility(textField(row, 'os_version'), MIN_OS_MC, 'host OS');
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

  return { pinToOsRelease, pinToSupervisorRelease };
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
