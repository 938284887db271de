/**
 * Host OS and supervisor updates of devices: `startOsUpdate` (through the device actions
 * service), `pinToOsRelease`, `pinToSupervisorRelease` and the check they share,
 * `_checkOsUpdateTarget`. All take one device or many (batched like the other bulk methods).
 */
import { BalenaInvalidParameterError } from '../../errors/index.js';
import { runBatched, type BatchRow } from '../../internal/batch.js';
import { compare, parse } from '../../internal/semver.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import { deviceBatchSpec } from './batch-updates.js';
import { createDeviceOsPinning } from './os-pinning.js';
import { checkOsUpdateTarget } from './os-update-check.js';
import {
  checkFactsOf,
  deviceTypeSlugLookup,
  getOsReleaseSource,
  memoizeAsync,
  textField,
} from './os-releases.js';

export { MIN_OS_MC } from './os-pinning.js';

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
  const { request } = ctx;

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
    const slugOf = deviceTypeSlugLookup(ctx, callOptions);
    const releasesOf = memoizeAsync((slug: string) =>
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
          checkOsUpdateTarget(checkFactsOf(device, slug), target, 'start');
          if (device.data.is_connected_to_vpn !== true) {
            throw new Error(`The device is offline: ${textField(device, 'uuid')}`);
          }
        }
        const baseUrl = await actionsBaseUrl();
        await mapLimited(devices, OS_UPDATE_CONCURRENCY, async (device) => {
          const uuid = textField(device, 'uuid') ?? '';
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

  return {
    startOsUpdate,
    ...createDeviceOsPinning(ctx),
  };
}
