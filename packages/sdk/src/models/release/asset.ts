/**
 * Release assets (`sdk.models.release.asset`): files attached to a release, read, downloaded,
 * uploaded (see `asset-upload.ts`) and removed.
 */
import { BalenaInvalidParameterError } from '../../errors/index.js';
import {
  countCollection,
  getCollection,
  getSingle,
  iterateCollection,
  type FilterOrderDefaults,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import { isId } from '../../internal/ids.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { BalenaStreamResponse } from '../../transport/types.js';
import type { SdkModelContext } from '../index.js';
import { createAssetUpload } from './asset-upload.js';
import { resolveReleaseId, type CommitOrIdOrRawVersion } from './lookup.js';

/** Pine options of release asset reads. */
export type ReleaseAssetOptions = ResourceOptions<'release_asset'>;
/** A release asset as narrowed by the options. */
export type ReleaseAssetRow<O> = ResultRow<'release_asset', O>;
/** A release asset: its id, or its key within a release. */
export type ReleaseAssetId = number | { asset_key: string; release: CommitOrIdOrRawVersion };

/**
 * Builds `sdk.models.release.asset`.
 *
 * @param ctx - the model context.
 * @returns the asset methods.
 * @throws {Error} never at build time.
 * @example
 * const asset = createReleaseAssets(ctx);
 */
export function createReleaseAssets(ctx: SdkModelContext) {
  const { pine } = ctx;

  async function toKey(id: ReleaseAssetId, callOptions?: PineRequestOptions) {
    if (isId(id)) return id;
    if (typeof id === 'object' && id !== null && typeof id.asset_key === 'string' && id.asset_key) {
      const release = isId(id.release)
        ? id.release
        : await resolveReleaseId(pine, id.release, callOptions);
      return { asset_key: id.asset_key, release };
    }
    throw new BalenaInvalidParameterError('id', id);
  }

  async function ofRelease(
    commitOrIdOrRawVersion: CommitOrIdOrRawVersion,
    callOptions?: PineRequestOptions,
  ): Promise<FilterOrderDefaults> {
    const release = await resolveReleaseId(pine, commitOrIdOrRawVersion, callOptions);
    return { $filter: { release }, $orderby: 'id asc' };
  }

  /**
   * One release asset, by id or by `{ asset_key, release }`.
   *
   * @param id - the asset id, or its key and release (id, commit or `{ application, rawVersion }`).
   * @param options - pine options shaping the result.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the asset.
   * @throws {Error} "Release asset not found" when there is none.
   * @throws {BalenaInvalidParameterError} for a malformed identifier.
   * @throws {BalenaReleaseNotFound} when the named release does not exist.
   * @example
   * const asset = await sdk.models.release.asset.get({ asset_key: 'notes.txt', release: 123 });
   */
  async function get<const O extends ReleaseAssetOptions = Record<never, never>>(
    id: ReleaseAssetId,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<ReleaseAssetRow<O>> {
    const key = await toKey(id, callOptions);
    const row = await getSingle(pine, 'release_asset', key, {}, options, callOptions);
    if (row === undefined) throw new Error(`Release asset not found '${JSON.stringify(id)}'.`);
    return row;
  }

  /**
   * Every asset of a release, in creation order.
   *
   * @param commitOrIdOrRawVersion - the release id, its full commit, or its fleet and raw version.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the assets.
   * @throws {BalenaReleaseNotFound} when the release does not exist.
   * @example
   * const assets = await sdk.models.release.asset.getAllByRelease(123, { $select: ['asset_key', 'asset'] });
   */
  async function getAllByRelease<const O extends ReleaseAssetOptions = Record<never, never>>(
    commitOrIdOrRawVersion: CommitOrIdOrRawVersion,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ReleaseAssetRow<O>>> {
    const defaults = await ofRelease(commitOrIdOrRawVersion, callOptions);
    return await getCollection(pine, 'release_asset', defaults, options, callOptions);
  }

  /**
   * Pages through the assets of a release (the iterator sibling of `getAllByRelease`).
   *
   * @param commitOrIdOrRawVersion - the release id, its full commit, or its fleet and raw version.
   * @param options - pine options merged with the defaults.
   * @param iterateOptions - `pageSize`, `signal`, `headers`, `timeout`.
   * @returns an async iterator over the assets.
   * @throws {BalenaReleaseNotFound} when the release does not exist.
   * @example
   * for await (const a of sdk.models.release.asset.iterateAllByRelease(123)) console.log(a.asset_key);
   */
  async function* iterateAllByRelease<const O extends ReleaseAssetOptions = Record<never, never>>(
    commitOrIdOrRawVersion: CommitOrIdOrRawVersion,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<ReleaseAssetRow<O>> {
    const defaults = await ofRelease(commitOrIdOrRawVersion, iterateOptions);
    yield* iterateCollection(pine, 'release_asset', defaults, options, iterateOptions);
  }

  /**
   * Counts the assets of a release.
   *
   * @param commitOrIdOrRawVersion - the release id, its full commit, or its fleet and raw version.
   * @param options - an optional `$filter`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the number of assets.
   * @throws {BalenaReleaseNotFound} when the release does not exist.
   * @example
   * const n = await sdk.models.release.asset.countAllByRelease(123);
   */
  async function countAllByRelease(
    commitOrIdOrRawVersion: CommitOrIdOrRawVersion,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number> {
    const defaults = await ofRelease(commitOrIdOrRawVersion, callOptions);
    return await countCollection(pine, 'release_asset', defaults, options, callOptions);
  }

  /**
   * Downloads the file of a release asset (its `href`, fetched without credentials).
   *
   * @param id - the asset id, or its key and release.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the streaming response: `body` is a `ReadableStream`, `mime` its content type.
   * @throws {Error} when the asset does not exist or holds no file.
   * @throws {BalenaRequestError} when the file server answers an error.
   * @example
   * const { body } = await sdk.models.release.asset.download(5);
   * const text = await new Response(body).text();
   */
  async function download(
    id: ReleaseAssetId,
    callOptions?: PineRequestOptions,
  ): Promise<BalenaStreamResponse> {
    const { asset } = await get(id, { $select: 'asset' }, callOptions);
    if (asset?.href == null) throw new Error('Release asset does not contain any uploaded file');
    // The href is a pre-signed storage URL: used verbatim, and never given the API credentials.
    return await ctx.request.stream(
      { url: asset.href, sendToken: false, refreshToken: false },
      callOptions,
    );
  }

  /**
   * Deletes a release asset and its file.
   *
   * @param id - the asset id, or its key and release.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} for a malformed identifier.
   * @throws {BalenaReleaseNotFound} when the named release does not exist.
   * @example
   * await sdk.models.release.asset.remove({ asset_key: 'notes.txt', release: 123 });
   */
  async function remove(id: ReleaseAssetId, callOptions?: PineRequestOptions): Promise<void> {
    await pine.delete({ resource: 'release_asset', id: await toKey(id, callOptions) }, callOptions);
  }

  const { upload } = createAssetUpload(ctx, (id, callOptions) => get(id, {}, callOptions));

  return {
    getAllByRelease,
    iterateAllByRelease,
    countAllByRelease,
    get,
    download,
    upload,
    remove,
  };
}
