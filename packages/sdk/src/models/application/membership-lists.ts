/**
 * The memberships of one fleet: `membership.getAllByApplication` and its iterate/count extras.
 */
import type { ResourceOptions, ResultRow } from '../../internal/collection.js';
import { APPLICATION_LOOKUP, resolveId } from '../../internal/ids.js';
import { createParentListing } from '../../internal/parent-listing.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';

/** Pine options of membership reads. */
export type ApplicationMembershipOptions = ResourceOptions<'user_application_membership'>;
/** A membership row as narrowed by the options. */
export type ApplicationMembershipRow<O> = ResultRow<'user_application_membership', O>;

/**
 * The listings of the memberships of a fleet, as `createParentListing` builds them, declared with the official
 * parameter name and this resource's option and row types.
 */
export interface MembershipsOfFleet {
  getAll<const O extends ApplicationMembershipOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ApplicationMembershipRow<O>>>;
  iterateAll<const O extends ApplicationMembershipOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<ApplicationMembershipRow<O>>;
  countAll(
    slugOrUuidOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;
}

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
  const byApplication: MembershipsOfFleet = createParentListing(
    pine,
    'user_application_membership',
    async (fleet, callOptions) => ({
      $filter: {
        is_member_of__application: await resolveId(pine, APPLICATION_LOOKUP, fleet, callOptions),
      },
    }),
  );

  return {
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
    getAllByApplication: byApplication.getAll,
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
    iterateAllByApplication: byApplication.iterateAll,
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
    countAllByApplication: byApplication.countAll,
  };
}
