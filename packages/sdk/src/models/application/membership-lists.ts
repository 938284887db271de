/**
 * The memberships of one fleet: `membership.getAllByApplication` and its iterate/count extras.
 */
import {
  countCollection,
  getCollection,
  iterateCollection,
  type FilterOrderDefaults,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import { APPLICATION_LOOKUP, resolveId } from '../../internal/ids.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import type { SlugOrUuidOrId } from './core.js';

/** Pine options of membership reads. */
export type ApplicationMembershipOptions = ResourceOptions<'user_application_membership'>;
/** A membership row as narrowed by the options. */
export type ApplicationMembershipRow<O> = ResultRow<'user_application_membership', O>;

/**
 * Builds the per-fleet membership listings of `sdk.models.application.membership`.
 *
 * @param ctx - the model context.
 * @returns the listing methods.
 * @throws {Error} never at build time.
 * @example
 * const lists = createApplicationMembershipLists(ctx);
 */
export function createApplicationMembershipLists(ctx: SdkModelContext) {
  const { pine } = ctx;
  const resource = 'user_application_membership';

  const ofApplication = async (
    x: SlugOrUuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<FilterOrderDefaults> => ({
    $filter: {
      is_member_of__application: await resolveId(pine, APPLICATION_LOOKUP, x, callOptions),
    },
  });

  /**
   * The memberships of one fleet.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the memberships.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const memberships = await sdk.models.application.membership.getAllByApplication('myorg/myfleet');
   */
  async function getAllByApplication<
    const O extends ApplicationMembershipOptions = Record<never, never>,
  >(
    slugOrUuidOrId: SlugOrUuidOrId,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ApplicationMembershipRow<O>>> {
    const defaults = await ofApplication(slugOrUuidOrId, callOptions);
    return getCollection(pine, resource, defaults, options, callOptions);
  }

  /**
   * Pages through the memberships of one fleet.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - pine options merged with the defaults.
   * @param iterateOptions - `pageSize`, `signal`, `headers`, `timeout`.
   * @returns an async iterator over the memberships.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * for await (const m of sdk.models.application.membership.iterateAllByApplication(123)) console.log(m.id);
   */
  async function* iterateAllByApplication<
    const O extends ApplicationMembershipOptions = Record<never, never>,
  >(
    slugOrUuidOrId: SlugOrUuidOrId,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<ApplicationMembershipRow<O>> {
    const defaults = await ofApplication(slugOrUuidOrId, iterateOptions);
    yield* iterateCollection(pine, resource, defaults, options, iterateOptions);
  }

  /**
   * Counts the memberships of one fleet.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - an optional `$filter`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the number of memberships.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const n = await sdk.models.application.membership.countAllByApplication(123);
   */
  async function countAllByApplication(
    slugOrUuidOrId: SlugOrUuidOrId,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number> {
    const defaults = await ofApplication(slugOrUuidOrId, callOptions);
    return countCollection(pine, resource, defaults, options, callOptions);
  }

  return { getAllByApplication, iterateAllByApplication, countAllByApplication };
}
