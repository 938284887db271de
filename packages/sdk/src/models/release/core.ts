/**
 * Reading releases: `get`, `getAllByApplication` (+ iterate/count extras),
 * `getLatestByApplication` and `getWithImageDetails`.
 */
import {
  getCollection,
  mergeDefaults,
  untypedPine,
  type FilterOrderDefaults,
  type ResourceOptions,
} from '../../internal/collection.js';
import { BalenaReleaseNotFound } from '../../errors/index.js';
import { APPLICATION_LOOKUP, isId, resolveId } from '../../internal/ids.js';
import { createParentListing } from '../../internal/parent-listing.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { Image, Release, User } from '../../types/v7.generated.js';
import type { SdkModelContext } from '../index.js';
import {
  findRelease,
  resolveReleaseId,
  type CommitOrIdOrRawVersion,
  type ReleaseOptions,
  type ReleaseRow,
} from './lookup.js';

/** A release with its images (and their service names) and its creator. */
export type ReleaseWithImageDetails = Release['Read'] & {
  /** The release's images, sorted by service name. */
  images: Array<Partial<Image['Read']> & { id: number; service_name: string }>;
  /** Who created the release, when known. */
  user: Pick<User['Read'], 'id' | 'username'> | undefined;
};

/** Pine options of image reads (for `getWithImageDetails`). */
export type ImageOptions = ResourceOptions<'image'>;

const NEWEST_FIRST = { $orderby: { created_at: 'desc' } } as const;

/**
 * The listings of the releases of a fleet, as `createParentListing` builds them, declared with the official
 * parameter name and this resource's option and row types.
 */
export interface ReleasesOfFleet {
  getAll<const O extends ReleaseOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ReleaseRow<O>>>;
  iterateAll<const O extends ReleaseOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<ReleaseRow<O>>;
  countAll(
    slugOrUuidOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;
}

/**
 * Builds the release read methods.
 *
 * @param ctx - the model context.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const core = createReleaseCore(ctx);
 */
export function createReleaseCore(ctx: SdkModelContext) {
  const { pine } = ctx;

  async function byApplication(slugOrUuidOrId: string | number, callOptions?: PineRequestOptions) {
    const id = await resolveId(pine, APPLICATION_LOOKUP, slugOrUuidOrId, callOptions);
    const defaults: FilterOrderDefaults = {
      $filter: { belongs_to__application: id },
      ...NEWEST_FIRST,
    };
    return defaults;
  }

  const fleetReleases: ReleasesOfFleet = createParentListing(pine, 'release', byApplication);

  /**
   * One release, by id, full commit or `{ application, rawVersion }`.
   *
   * @param commitOrIdOrRawVersion - the release id, its full commit, or its fleet and raw version.
   * @param options - pine options shaping the result.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the release.
   * @throws {BalenaReleaseNotFound} when no release matches (or the identifier is null).
   * @throws {BalenaAmbiguousRelease} when several releases share the commit.
   * @throws {BalenaInvalidParameterError} for an empty or malformed identifier.
   * @example
   * const release = await sdk.models.release.get(123, { $select: ['commit', 'status'] });
   */
  function get<const O extends ReleaseOptions = Record<never, never>>(
    commitOrIdOrRawVersion: CommitOrIdOrRawVersion,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<ReleaseRow<O>> {
    return findRelease(pine, commitOrIdOrRawVersion, options, callOptions);
  }

  /**
   * Every release of a fleet, newest first.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the releases.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const releases = await sdk.models.release.getAllByApplication('myorg/myfleet');
   */
  const getAllByApplication = fleetReleases.getAll;

  /**
   * Pages through every release of a fleet, newest first (the iterator sibling of `getAllByApplication`).
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - pine options merged with the defaults.
   * @param iterateOptions - `pageSize`, `signal`, `headers`, `timeout`.
   * @returns an async iterator over the releases.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * for await (const r of sdk.models.release.iterateAllByApplication(123, { $select: 'id' })) console.log(r.id);
   */
  const iterateAllByApplication = fleetReleases.iterateAll;

  /**
   * Counts the releases of a fleet (the count sibling of `getAllByApplication`).
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - an optional `$filter`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the number of releases.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const n = await sdk.models.release.countAllByApplication(123, { $filter: { status: 'success' } });
   */
  const countAllByApplication = fleetReleases.countAll;

  /**
   * The newest successful release of a fleet, or `undefined`.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the release, or `undefined` when the fleet has no successful release.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const latest = await sdk.models.release.getLatestByApplication('myorg/myfleet', { $select: 'commit' });
   */
  async function getLatestByApplication<const O extends ReleaseOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<ReleaseRow<O> | undefined> {
    const defaults = await byApplication(slugOrUuidOrId, callOptions);
    const latestFirst: FilterOrderDefaults = {
      $filter: { $and: [defaults.$filter ?? {}, { status: 'success' }] },
      $orderby: defaults.$orderby,
      $top: 1,
    };
    const [release] = await getCollection(pine, 'release', latestFirst, options, callOptions);
    return release;
  }

  /**
   * A release with its images (each with its service name) and its creator.
   *
   * @param commitOrIdOrRawVersion - the release id, its full commit, or its fleet and raw version.
   * @param options - `release` and `image` pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the release with `images` (sorted by service name) and `user`.
   * @throws {BalenaReleaseNotFound} when no release matches.
   * @example
   * const { images, user } = await sdk.models.release.getWithImageDetails(123);
   */
  async function getWithImageDetails(
    commitOrIdOrRawVersion: CommitOrIdOrRawVersion,
    options: { release?: ReleaseOptions; image?: ImageOptions } = {},
    callOptions?: PineRequestOptions,
  ): Promise<ReleaseWithImageDetails> {
    const imageOptions = mergeDefaults(
      { $select: ['id'], $expand: { is_a_build_of__service: { $select: 'service_name' } } },
      options.image,
    );
    const releaseOptions = mergeDefaults(
      {
        $expand: {
          release_image: { $expand: { image: imageOptions } },
          is_created_by__user: { $select: ['id', 'username'] },
        },
      },
      options.release,
    );
    // The result's shape is fixed by this method (not by the caller's options): read it untyped,
    // by id (other identifiers are resolved to the id first).
    const id = isId(commitOrIdOrRawVersion)
      ? commitOrIdOrRawVersion
      : await resolveReleaseId(pine, commitOrIdOrRawVersion, callOptions);
    const raw = await untypedPine(pine).get(
      { resource: 'release', id, options: releaseOptions },
      callOptions,
    );
    if (raw === undefined) throw new BalenaReleaseNotFound(id);
    return toReleaseWithImageDetails(raw);
  }

  return {
    get,
    getAllByApplication,
    iterateAllByApplication,
    countAllByApplication,
    getLatestByApplication,
    getWithImageDetails,
  };
}

interface RawImageDetails {
  release_image?: Array<{ image: Array<Record<string, unknown>> }>;
  is_created_by__user?: Array<{ id: number; username: string }> | null | { __id: number };
}

// The one place the untyped read is given its type: the expand above fixes its shape.
function toReleaseWithImageDetails(raw: object): ReleaseWithImageDetails {
  const { release_image: joins = [], ...release } = raw as RawImageDetails & Release['Read'];
  const images = joins
    .map((join) => {
      const { is_a_build_of__service: service, ...image } = join.image[0] ?? {};
      const [first] = Array.isArray(service) ? (service as Array<{ service_name: string }>) : [];
      return { ...image, id: Number(image.id), service_name: first?.service_name ?? '' };
    })
    .sort((a, b) => a.service_name.localeCompare(b.service_name));
  const creator = release.is_created_by__user;
  const user = Array.isArray(creator) ? creator[0] : undefined;
  return { ...release, images, user };
}
