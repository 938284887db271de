/**
 * Which release a fleet runs: tracking the latest release or pinning one.
 */
import { BalenaReleaseNotFound } from '../../errors/index.js';
import { getCollection } from '../../internal/collection.js';
import { APPLICATION_LOOKUP, findOne, isId, resolveId } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import type { SlugOrUuidOrId } from './core.js';

/** The newest release a fleet may track: final, passing tests, not invalidated, successful. */
const LATEST_RELEASE_EXPAND = {
  $select: 'id',
  $top: 1,
  $filter: { is_final: true, is_passing_tests: true, is_invalidated: false, status: 'success' },
  $orderby: 'created_at desc',
} as const;

/**
 * Builds the release-tracking methods of `sdk.models.application`.
 *
 * @param ctx - the model context.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const tracking = createReleaseTracking(ctx);
 */
export function createReleaseTracking(ctx: SdkModelContext) {
  const { pine } = ctx;

  /**
   * Tells whether a fleet follows new releases automatically.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the fleet's `should_track_latest_release`.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const tracking = await sdk.models.application.willTrackNewReleases('myorg/myfleet');
   */
  async function willTrackNewReleases(
    slugOrUuidOrId: SlugOrUuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<boolean> {
    const fleet = await findOne(
      pine,
      APPLICATION_LOOKUP,
      slugOrUuidOrId,
      { $select: 'should_track_latest_release' },
      callOptions,
    );
    return fleet.should_track_latest_release;
  }

  /**
   * Tells whether a fleet tracks new releases and runs the latest one.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns true when tracking and the target is the newest final release (or there is none).
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const latest = await sdk.models.application.isTrackingLatestRelease('myorg/myfleet');
   */
  async function isTrackingLatestRelease(
    slugOrUuidOrId: SlugOrUuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<boolean> {
    const fleet = await findOne(
      pine,
      APPLICATION_LOOKUP,
      slugOrUuidOrId,
      {
        $select: 'should_track_latest_release',
        $expand: {
          should_be_running__release: { $select: 'id' },
          owns__release: LATEST_RELEASE_EXPAND,
        },
      },
      callOptions,
    );
    const latest = fleet.owns__release[0];
    const target = fleet.should_be_running__release[0];
    return fleet.should_track_latest_release && (latest === undefined || target?.id === latest.id);
  }

  /**
   * Pins a fleet to one release (and stops tracking the latest).
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param fullReleaseHash - the release's commit.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @throws {BalenaReleaseNotFound} when no successful release of the fleet has that commit.
   * @example
   * await sdk.models.application.pinToRelease('myorg/myfleet', 'f7caf4ff80114deeaefb7ab4447ad9c661c50847');
   */
  async function pinToRelease(
    slugOrUuidOrId: SlugOrUuidOrId,
    fullReleaseHash: string,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const id = isId(slugOrUuidOrId)
      ? slugOrUuidOrId
      : await resolveId(pine, APPLICATION_LOOKUP, slugOrUuidOrId, callOptions);
    const [release] = await getCollection(
      pine,
      'release',
      {
        $filter: { commit: fullReleaseHash, belongs_to__application: id, status: 'success' },
      },
      { $select: 'id', $top: 1 },
      callOptions,
    );
    if (release === undefined) throw new BalenaReleaseNotFound(fullReleaseHash);
    await pine.patch(
      {
        resource: 'application',
        id,
        body: { should_be_running__release: release.id, should_track_latest_release: false },
      },
      callOptions,
    );
  }

  /**
   * The commit of the release a fleet should run.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the commit, or `undefined` when the fleet has no target release.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const commit = await sdk.models.application.getTargetReleaseHash('myorg/myfleet');
   */
  async function getTargetReleaseHash(
    slugOrUuidOrId: SlugOrUuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<string | undefined> {
    const fleet = await findOne(
      pine,
      APPLICATION_LOOKUP,
      slugOrUuidOrId,
      { $select: 'id', $expand: { should_be_running__release: { $select: 'commit' } } },
      callOptions,
    );
    return fleet.should_be_running__release[0]?.commit;
  }

  /**
   * Makes a fleet follow its newest release again (and targets it now).
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * await sdk.models.application.trackLatestRelease('myorg/myfleet');
   */
  async function trackLatestRelease(
    slugOrUuidOrId: SlugOrUuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const fleet = await findOne(
      pine,
      APPLICATION_LOOKUP,
      slugOrUuidOrId,
      { $select: 'id', $expand: { owns__release: LATEST_RELEASE_EXPAND } },
      callOptions,
    );
    const latest = fleet.owns__release[0];
    await pine.patch(
      {
        resource: 'application',
        id: fleet.id,
        body: {
          should_track_latest_release: true,
          ...(latest === undefined ? {} : { should_be_running__release: latest.id }),
        },
      },
      callOptions,
    );
  }

  return {
    willTrackNewReleases,
    isTrackingLatestRelease,
    pinToRelease,
    getTargetReleaseHash,
    trackLatestRelease,
  };
}
