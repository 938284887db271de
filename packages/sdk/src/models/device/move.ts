/**
 * Moving devices between fleets: every device's CPU architecture must be able to run the target
 * fleet's (an aarch64 device may join an armv7hf fleet, not the reverse).
 */
import { BalenaInvalidDeviceType } from '../../errors/index.js';
import { runBatched, type BatchRow } from '../../internal/batch.js';
import { isArchitectureCompatibleWith } from '../../internal/cpu-architecture.js';
import { APPLICATION_LOOKUP, findOne } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import { deviceBatchSpec, type UuidOrIdOrArray } from './batch-updates.js';

const ARCHITECTURE_EXPAND = {
  is_of__device_type: {
    $select: 'is_of__cpu_architecture',
    $expand: { is_of__cpu_architecture: { $select: 'slug' } },
  },
};

/**
 * Reads `is_of__device_type[0].is_of__cpu_architecture[0].slug` of a looked-up device row.
 *
 * @param row - a batch row looked up with the architecture expand.
 * @returns the slug, or undefined when the row lacks it.
 * @example
 * const arch = architectureOf(row);
 */
export function architectureOf(row: BatchRow): string | undefined {
  const deviceType = firstOf(row.data.is_of__device_type);
  const architecture = firstOf(deviceType?.is_of__cpu_architecture);
  return typeof architecture?.slug === 'string' ? architecture.slug : undefined;
}

function firstOf(value: unknown): Record<string, unknown> | undefined {
  if (!Array.isArray(value)) return undefined;
  const first: unknown = value[0];
  return typeof first === 'object' && first !== null ? { ...first } : undefined;
}

/**
 * Builds `move` of `sdk.models.device`.
 *
 * @param ctx - the model context.
 * @returns the method.
 * @throws {Error} never at build time.
 * @example
 * const { move } = createDeviceMove(ctx);
 */
export function createDeviceMove(ctx: SdkModelContext) {
  /**
   * Moves one or many devices to another fleet.
   *
   * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of full uuids.
   * @param applicationSlugOrUuidOrId - the target fleet's id, slug or uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidDeviceType} when a device's architecture cannot run the fleet's (no device moves).
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @throws {BalenaDeviceNotFound} when a device does not exist.
   * @example
   * await sdk.models.device.move([123, 124], 'myorg/otherfleet');
   */
  async function move(
    uuidOrIdOrArray: UuidOrIdOrArray,
    applicationSlugOrUuidOrId: string | number,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const fleet = await findOne(
      ctx.pine,
      APPLICATION_LOOKUP,
      applicationSlugOrUuidOrId,
      {
        $select: 'id',
        $expand: {
          is_for__device_type: {
            $select: 'id',
            $expand: { is_of__cpu_architecture: { $select: 'slug' } },
          },
        },
      },
      callOptions,
    );
    const fleetArchitecture = fleet.is_for__device_type[0]?.is_of__cpu_architecture[0]?.slug;
    const spec = deviceBatchSpec(ctx, {
      groupByField: 'belongs_to__application',
      lookupOptions: { $select: ['is_of__device_type'], $expand: ARCHITECTURE_EXPAND },
      beforeMutate(rows) {
        for (const row of rows) {
          const deviceArchitecture = architectureOf(row);
          if (
            fleetArchitecture === undefined ||
            deviceArchitecture === undefined ||
            !isArchitectureCompatibleWith(deviceArchitecture, fleetArchitecture)
          ) {
            throw new BalenaInvalidDeviceType(
              `Incompatible application: ${applicationSlugOrUuidOrId}`,
            );
          }
        }
      },
    });
    await runBatched(
      spec,
      uuidOrIdOrArray,
      (ids) =>
        ctx.pine.patch(
          {
            resource: 'device',
            options: { $filter: { id: { $in: ids } } },
            body: { belongs_to__application: fleet.id },
          },
          callOptions,
        ),
      callOptions,
    );
  }

  return { move };
}
