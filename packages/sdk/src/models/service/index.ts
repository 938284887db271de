/**
 * `sdk.models.service`: the services of a fleet and their environment variables.
 */
import { getCollection, type ResourceOptions, type ResultRow } from '../../internal/collection.js';
import { APPLICATION_LOOKUP, resolveId } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import { createServiceVars } from './var.js';

export type { ServiceIdOrNaturalKey, ServiceNaturalKey } from './lookup.js';

/** Pine options of service reads. */
export type ServiceOptions = ResourceOptions<'service'>;
/** A service as narrowed by the options. */
export type ServiceRow<O> = ResultRow<'service', O>;

/**
 * Builds `sdk.models.service`.
 *
 * @param ctx - the model context.
 * @returns the service model.
 * @throws {Error} never at build time.
 * @example
 * const service = createServiceModel(ctx);
 */
export function createServiceModel(ctx: SdkModelContext) {
  const { pine } = ctx;

  /**
   * Every service of a fleet.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the services.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const services = await sdk.models.service.getAllByApplication('myorg/fleet', { $select: 'service_name' });
   */
  async function getAllByApplication<const O extends ServiceOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ServiceRow<O>>> {
    const id = await resolveId(pine, APPLICATION_LOOKUP, slugOrUuidOrId, callOptions);
    return await getCollection(
      pine,
      'service',
      { $filter: { application: id } },
      options,
      callOptions,
    );
  }

  return { getAllByApplication, var: createServiceVars(ctx) };
}
