/**
 * `release.asset.upload`: files up to 5 MiB go in one multipart form request; larger files use
 * the chunked protocol (`beginUpload`, a PUT per part to the URLs the API hands out, `commitUpload`).
 */
import { BalenaInvalidParameterError, ReleaseAssetAlreadyExists } from '../../errors/index.js';
import { getSingle, untypedPine, type ResultRow } from '../../internal/collection.js';
import { isId } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import { openLocalFile } from '../../platform/index.js';
import type { SdkModelContext } from '../index.js';

/** Files up to this size are sent in one request. */
export const MINIMUM_MULTIPART_SIZE = 5 * 1024 * 1024;
/** Default size of one part of a chunked upload. */
export const DEFAULT_MULTIPART_CHUNK_SIZE = 5 * 1024 * 1024;
/** Default number of parts sent at the same time. */
export const DEFAULT_MULTIPART_PARALLEL_UPLOAD = 5;

/** What to upload: the file (a `File`, or a path in Node), its key, and the release id. */
export interface ReleaseAssetUploadParams {
  asset: File | string;
  asset_key: string;
  release: number;
}

/** Progress of an upload in bytes. */
export interface UploadProgress {
  total: number;
  uploaded: number;
}

/** How to upload. */
export interface ReleaseAssetUploadOptions {
  /** Part size of chunked uploads (default 5 MiB). */
  chunkSize?: number;
  /** Parts sent at the same time (default 5). */
  parallelUploads?: number;
  /** Replace the file of an existing asset with the same key instead of failing. */
  overwrite?: boolean;
  /** Called with the bytes sent so far (before and after a small upload, after each part). */
  onUploadProgress?: (progress: UploadProgress) => void | Promise<void>;
}

interface UploadPart {
  url: string;
  chunkSize: number;
  partNumber: number;
}

type AssetRow = ResultRow<'release_asset', Record<never, never>>;

function isUploadPart(value: unknown): value is UploadPart {
  if (typeof value !== 'object' || value === null) return false;
  const { url, chunkSize, partNumber } = value as Record<string, unknown>;
  return typeof url === 'string' && typeof chunkSize === 'number' && typeof partNumber === 'number';
}

/** Checks the `beginUpload` answer: `{ asset: { uuid, uploadParts: [{ url, chunkSize, partNumber }] } }`. */
function readBeginUpload(body: unknown): { uuid: string; uploadParts: UploadPart[] } {
  const asset: unknown =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>).asset : undefined;
  if (typeof asset === 'object' && asset !== null) {
    const { uuid, uploadParts } = asset as Record<string, unknown>;
    if (typeof uuid === 'string' && Array.isArray(uploadParts) && uploadParts.every(isUploadPart)) {
      return { uuid, uploadParts };
    }
  }
  throw new Error('The API answered beginUpload without an upload uuid and parts');
}

function validate(params: ReleaseAssetUploadParams): void {
  const { asset, asset_key, release } = params;
  if (typeof asset_key !== 'string' || asset_key === '') {
    throw new BalenaInvalidParameterError('asset_key', asset_key);
  }
  if (!isId(release)) throw new BalenaInvalidParameterError('release', release);
  if (!(asset instanceof Blob) && (typeof asset !== 'string' || asset === '')) {
    throw new BalenaInvalidParameterError('asset', asset);
  }
}

/**
 * Runs `work` over `items` with at most `concurrency` calls in flight, keeping result order.
 */
async function mapWithConcurrency<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker),
  );
  return results;
}

/**
 * Builds the upload method of `sdk.models.release.asset`.
 *
 * @param ctx - the model context.
 * @param getAsset - reads an asset row by id (the model's `get`).
 * @returns `{ upload }`.
 * @throws {Error} never at build time.
 * @example
 * const { upload } = createAssetUpload(ctx, (id) => get(id));
 */
export function createAssetUpload(
  ctx: SdkModelContext,
  getAsset: (id: number, callOptions?: PineRequestOptions) => Promise<AssetRow>,
) {
  const { pine } = ctx;

  async function sendPart(
    file: File,
    part: UploadPart,
    partSize: number,
    callOptions?: PineRequestOptions,
  ) {
    const offset = (part.partNumber - 1) * partSize;
    // Part URLs are pre-signed: sent verbatim, with no API credentials.
    const response = await ctx.request.send(
      {
        method: 'PUT',
        url: part.url,
        body: file.slice(offset, offset + part.chunkSize),
        sendToken: false,
        refreshToken: false,
        responseFormat: 'none',
      },
      callOptions,
    );
    const etag = response.headers.get('ETag')?.replace(/^"+|"+$/g, '');
    if (!etag) throw new Error(`Error on the received ETag ${String(etag)}`);
    return { PartNumber: part.partNumber, ETag: etag };
  }

  async function uploadInParts(
    assetId: number,
    file: File,
    options: Required<Pick<ReleaseAssetUploadOptions, 'chunkSize' | 'parallelUploads'>> &
      ReleaseAssetUploadOptions,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const begun = await untypedPine(pine).post(
      {
        resource: 'release_asset',
        id: assetId,
        action: 'beginUpload',
        body: {
          asset: {
            filename: file.name,
            content_type: file.type || 'application/octet-stream',
            size: file.size,
            chunk_size: options.chunkSize,
          },
        },
      },
      callOptions,
    );
    const { uuid, uploadParts } = readBeginUpload(begun);
    let uploaded = 0;
    const parts = await mapWithConcurrency(uploadParts, options.parallelUploads, async (part) => {
      const sent = await sendPart(file, part, options.chunkSize, callOptions);
      uploaded += part.chunkSize;
      await options.onUploadProgress?.({
        total: file.size,
        uploaded: Math.min(uploaded, file.size),
      });
      return sent;
    });
    await untypedPine(pine).post(
      {
        resource: 'release_asset',
        id: assetId,
        action: 'commitUpload',
        body: { uuid, providerCommitData: { Parts: parts } },
      },
      callOptions,
    );
  }

  /**
   * Uploads a file as a release asset (creating the asset, or replacing its file with `overwrite`).
   *
   * @param uploadParams - `asset` (a `File`, or a file path in Node), `asset_key` and the `release` id.
   * @param options - `chunkSize`, `parallelUploads`, `overwrite` and `onUploadProgress`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the asset row.
   * @throws {ReleaseAssetAlreadyExists} when the key exists and `overwrite` is not set.
   * @throws {BalenaInvalidParameterError} for a missing key, file or non-numeric release (before any request).
   * @throws {BalenaRequestError} when the API rejects the upload (e.g. 401 for an unknown release).
   * @example
   * const asset = await sdk.models.release.asset.upload({ asset: new File(['hi'], 'hi.txt'), asset_key: 'hi.txt', release: 123 });
   */
  async function upload(
    uploadParams: ReleaseAssetUploadParams,
    options: ReleaseAssetUploadOptions = {},
    callOptions?: PineRequestOptions,
  ): Promise<AssetRow> {
    validate(uploadParams);
    const {
      chunkSize = DEFAULT_MULTIPART_CHUNK_SIZE,
      parallelUploads = DEFAULT_MULTIPART_PARALLEL_UPLOAD,
      overwrite = false,
      onUploadProgress,
    } = options;
    const { asset_key, release } = uploadParams;
    const file =
      typeof uploadParams.asset === 'string'
        ? await openLocalFile(uploadParams.asset)
        : uploadParams.asset;
    // Checked first so that a file known to be refused is never sent.
    const existing = await getSingle(
      pine,
      'release_asset',
      { asset_key, release },
      {},
      { $select: 'id' },
      callOptions,
    );
    if (existing !== undefined && !overwrite)
      throw new ReleaseAssetAlreadyExists(release, asset_key);

    if (file.size <= MINIMUM_MULTIPART_SIZE) {
      await onUploadProgress?.({ total: file.size, uploaded: 0 });
      let assetId: number;
      if (existing !== undefined) {
        await untypedPine(pine).patch(
          { resource: 'release_asset', id: existing.id, body: { asset: file } },
          callOptions,
        );
        assetId = existing.id;
      } else {
        const created = await untypedPine(pine).post(
          { resource: 'release_asset', body: { asset_key, release, asset: file } },
          callOptions,
        );
        assetId = Number(created.id);
      }
      await onUploadProgress?.({ total: file.size, uploaded: file.size });
      return await getAsset(assetId, callOptions);
    }

    let assetId = existing?.id;
    if (assetId === undefined) {
      const created = await pine.post(
        { resource: 'release_asset', body: { asset_key, release, asset: null } },
        callOptions,
      );
      assetId = created.id;
    }
    await uploadInParts(
      assetId,
      file,
      { chunkSize, parallelUploads, onUploadProgress },
      callOptions,
    );
    return await getAsset(assetId, callOptions);
  }

  return { upload };
}
