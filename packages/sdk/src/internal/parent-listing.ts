/**
 * The listing trio of a resource under one parent (a fleet, an organization, a team...): read
 * (`getAllByX`), page through (`iterateAllByX`) and count (`countAllByX`) the rows that the
 * parent's defaults select, with the caller's options merged in (see `collection.ts`).
 *
 * The parent is resolved by `defaultsOf` once per call (for an iterator, when the first page is
 * requested), which also fixes the wire order of `$filter` and `$orderby`.
 */
import type { Filter, IterateOptions, PineRequestOptions } from '../pine/index.js';
import {
  countCollection,
  getCollection,
  iterateCollection,
  type BalenaPine,
  type FilterOrderDefaults,
  type ResourceName,
  type ResourceOptions,
  type ResultRow,
} from './collection.js';

/** Resolves a parent identifier to the `$filter` (and `$orderby`) of its rows. */
export type ParentDefaults = (
  parent: string | number,
  callOptions?: PineRequestOptions,
) => Promise<FilterOrderDefaults>;

/** Reads the rows of one parent (`getAllByX`). */
export type ParentGetAll<T extends ResourceName> = <
  const O extends ResourceOptions<T> = Record<never, never>,
>(
  parent: string | number,
  options?: O,
  callOptions?: PineRequestOptions,
) => Promise<Array<ResultRow<T, O>>>;

/** Pages through the rows of one parent (`iterateAllByX`). */
export type ParentIterateAll<T extends ResourceName> = <
  const O extends ResourceOptions<T> = Record<never, never>,
>(
  parent: string | number,
  options?: O,
  iterateOptions?: IterateOptions,
) => AsyncIterableIterator<ResultRow<T, O>>;

/** Counts the rows of one parent (`countAllByX`). */
export type ParentCountAll = (
  parent: string | number,
  options?: { $filter?: Filter },
  callOptions?: PineRequestOptions,
) => Promise<number>;

/**
 * The three listing methods of the rows under one parent; models expose them as `...ByX`. A model
 * types its listing with an interface of its own (same shape, the official parameter name and the
 * resource's option and row aliases), which is what its reference page and editors show.
 */
export interface ParentListing<T extends ResourceName> {
  getAll: ParentGetAll<T>;
  iterateAll: ParentIterateAll<T>;
  countAll: ParentCountAll;
}

/**
 * Builds the listing trio of a resource under one parent.
 *
 * @param pine - the SDK's pine client.
 * @param resource - the resource listed.
 * @param defaultsOf - resolves the parent (throwing its NotFound error) to the rows' defaults.
 * @returns `getAll`, `iterateAll` and `countAll` of one parent.
 * @throws {Error} never at build time; each method throws what `defaultsOf` and the API throw.
 * @example
 * const byFleet = createParentListing(pine, 'user_application_membership', async (fleet, callOptions) => ({
 *   $filter: { is_member_of__application: await resolveId(pine, APPLICATION_LOOKUP, fleet, callOptions) },
 * }));
 * const n = await byFleet.countAll('myorg/myfleet');
 */
export function createParentListing<T extends ResourceName>(
  pine: BalenaPine,
  resource: T,
  defaultsOf: ParentDefaults,
): ParentListing<T> {
  return {
    getAll: async (parent, options, callOptions) =>
      getCollection(pine, resource, await defaultsOf(parent, callOptions), options, callOptions),

    async *iterateAll(parent, options, iterateOptions) {
      const defaults = await defaultsOf(parent, iterateOptions);
      yield* iterateCollection(pine, resource, defaults, options, iterateOptions);
    },

    countAll: async (parent, options, callOptions) =>
      countCollection(pine, resource, await defaultsOf(parent, callOptions), options, callOptions),
  };
}
