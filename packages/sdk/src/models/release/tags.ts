/**
 * Release tags (`sdk.models.release.tags`), built from the shared dependent-resource builder.
 */
import type { ResourceOptions, ResultRow } from '../../internal/collection.js';
import { createDependentResource } from '../../internal/dependent-resource.js';
import { APPLICATION_LOOKUP, resolveId } from '../../internal/ids.js';
import { createParentListing } from '../../internal/parent-listing.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import { resolveReleaseId, type CommitOrIdOrRawVersion } from './lookup.js';

/** Pine options of release tag reads. */
export type ReleaseTagOptions = ResourceOptions<'release_tag'>;
/** A release tag as narrowed by the options. */
export type ReleaseTagRow<O> = ResultRow<'release_tag', O>;

/**
 * The listings of the release tags of a fleet, as `createParentListing` builds them, declared with the official
 * parameter name and this resource's option and row types.
 */
export interface ReleaseTagsOfFleet {
  getAll<const O extends ReleaseTagOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ReleaseTagRow<O>>>;
  iterateAll<const O extends ReleaseTagOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<ReleaseTagRow<O>>;
  countAll(
    slugOrUuidOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;
}

/**
 * Builds `sdk.models.release.tags`.
 *
 * @param ctx - the model context.
 * @returns the tag methods.
 * @throws {Error} never at build time.
 * @example
 * const tags = createReleaseTags(ctx);
 */
export function createReleaseTags(ctx: SdkModelContext) {
  const { pine } = ctx;
  const tags = createDependentResource({
    pine,
    resource: 'release_tag',
    keyField: 'tag_key',
    parentField: 'release',
    getParentId: (release, callOptions) => resolveReleaseId(pine, release, callOptions),
  });
  // Numeric ids go to the builder as is (it skips the lookup for them); other identifiers,
  // pairs included, are resolved here once.
  const parentOf = async (release: CommitOrIdOrRawVersion, callOptions?: PineRequestOptions) =>
    typeof release === 'number' ? release : await resolveReleaseId(pine, release, callOptions);

  const byApplication: ReleaseTagsOfFleet = createParentListing(
    pine,
    'release_tag',
    async (fleet, callOptions) => {
      const id = await resolveId(pine, APPLICATION_LOOKUP, fleet, callOptions);
      return {
        $filter: {
          release: { $any: { $alias: 'r', $expr: { r: { belongs_to__application: id } } } },
        },
        $orderby: 'tag_key asc',
      };
    },
  );

  return {
    /**
     * Every release tag of a fleet, ordered by key.
     *
     * @param slugOrUuidOrId - the fleet id, slug or uuid.
     * @param options - pine options merged with the defaults.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the tags.
     * @throws {BalenaApplicationNotFound} when the fleet does not exist.
     * @example
     * const tags = await sdk.models.release.tags.getAllByApplication('myorg/myfleet');
     */
    getAllByApplication: byApplication.getAll,

    /**
     * Pages through the release tags of a fleet (the iterator sibling of `getAllByApplication`).
     *
     * @param slugOrUuidOrId - the fleet id, slug or uuid.
     * @param options - pine options merged with the defaults.
     * @param iterateOptions - `pageSize`, `signal`, `headers`, `timeout`.
     * @returns an async iterator over the tags.
     * @throws {BalenaApplicationNotFound} when the fleet does not exist.
     * @example
     * for await (const tag of sdk.models.release.tags.iterateAllByApplication(123)) console.log(tag.tag_key);
     */
    iterateAllByApplication: byApplication.iterateAll,

    /**
     * Counts the release tags of a fleet.
     *
     * @param slugOrUuidOrId - the fleet id, slug or uuid.
     * @param options - an optional `$filter`.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the number of tags.
     * @throws {BalenaApplicationNotFound} when the fleet does not exist.
     * @example
     * const n = await sdk.models.release.tags.countAllByApplication(123);
     */
    countAllByApplication: byApplication.countAll,

    /**
     * Every tag of one release, ordered by key.
     *
     * @param commitOrIdOrRawVersion - the release id, its full commit, or its fleet and raw version.
     * @param options - pine options merged with the defaults.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the tags.
     * @throws {BalenaReleaseNotFound} when the release does not exist.
     * @example
     * const tags = await sdk.models.release.tags.getAllByRelease(123);
     */
    async getAllByRelease<const O extends ReleaseTagOptions = Record<never, never>>(
      commitOrIdOrRawVersion: CommitOrIdOrRawVersion,
      options?: O,
      callOptions?: PineRequestOptions,
    ): Promise<Array<ReleaseTagRow<O>>> {
      const id = await resolveReleaseId(pine, commitOrIdOrRawVersion, callOptions);
      return await tags.getAllByParent(id, options, callOptions);
    },

    /**
     * Pages through the tags of one release.
     *
     * @param commitOrIdOrRawVersion - the release id, its full commit, or its fleet and raw version.
     * @param options - pine options merged with the defaults.
     * @param iterateOptions - `pageSize`, `signal`, `headers`, `timeout`.
     * @returns an async iterator over the tags.
     * @throws {BalenaReleaseNotFound} when the release does not exist.
     * @example
     * for await (const tag of sdk.models.release.tags.iterateAllByRelease(123)) console.log(tag.value);
     */
    async *iterateAllByRelease<const O extends ReleaseTagOptions = Record<never, never>>(
      commitOrIdOrRawVersion: CommitOrIdOrRawVersion,
      options?: O,
      iterateOptions?: IterateOptions,
    ): AsyncIterableIterator<ReleaseTagRow<O>> {
      const id = await resolveReleaseId(pine, commitOrIdOrRawVersion, iterateOptions);
      yield* tags.iterateAllByParent(id, options, iterateOptions);
    },

    /**
     * Counts the tags of one release.
     *
     * @param commitOrIdOrRawVersion - the release id, its full commit, or its fleet and raw version.
     * @param options - an optional `$filter`.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the number of tags.
     * @throws {BalenaReleaseNotFound} when the release does not exist.
     * @example
     * const n = await sdk.models.release.tags.countAllByRelease(123);
     */
    async countAllByRelease(
      commitOrIdOrRawVersion: CommitOrIdOrRawVersion,
      options?: { $filter?: Filter },
      callOptions?: PineRequestOptions,
    ): Promise<number> {
      const id = await resolveReleaseId(pine, commitOrIdOrRawVersion, callOptions);
      return await tags.countAllByParent(id, options, callOptions);
    },

    /**
     * Creates or updates one tag of a release.
     *
     * @param commitOrIdOrRawVersion - the release id, its full commit, or its fleet and raw version.
     * @param tagKey - the tag key (no whitespace, not in the `io.balena.`/`io.resin.` namespaces).
     * @param value - the value.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns nothing.
     * @throws {BalenaReleaseNotFound} when the release does not exist.
     * @throws {BalenaRequestError} when the API rejects the key or value.
     * @example
     * await sdk.models.release.tags.set(123, 'approved', 'yes');
     */
    async set(
      commitOrIdOrRawVersion: CommitOrIdOrRawVersion,
      tagKey: string,
      value: string,
      callOptions?: PineRequestOptions,
    ): Promise<void> {
      const parent = await parentOf(commitOrIdOrRawVersion, callOptions);
      await tags.set(parent, tagKey, value, callOptions);
    },

    /**
     * Deletes one tag of a release (no error when it does not exist).
     *
     * @param commitOrIdOrRawVersion - the release id, its full commit, or its fleet and raw version.
     * @param tagKey - the tag key.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns nothing.
     * @throws {BalenaReleaseNotFound} when the release does not exist.
     * @example
     * await sdk.models.release.tags.remove(123, 'approved');
     */
    async remove(
      commitOrIdOrRawVersion: CommitOrIdOrRawVersion,
      tagKey: string,
      callOptions?: PineRequestOptions,
    ): Promise<void> {
      const parent = await parentOf(commitOrIdOrRawVersion, callOptions);
      await tags.remove(parent, tagKey, callOptions);
    },
  };
}
