/**
 * `sdk.models.image`: the container images of releases.
 */
import { BalenaImageNotFound, BalenaInvalidParameterError } from '../../errors/index.js';
import { getSingle, type ResourceOptions, type ResultRow } from '../../internal/collection.js';
import { isId } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';

/** Pine options of image reads. */
export type ImageOptions = ResourceOptions<'image'>;
/** An image as narrowed by the options. */
export type ImageRow<O> = ResultRow<'image', O>;

/**
 * Builds `sdk.models.image`.
 *
 * @param ctx - the model context.
 * @returns the image model.
 * @throws {Error} never at build time.
 * @example
 * const image = createImageModel(ctx);
 */
export function createImageModel(ctx: SdkModelContext) {
  const { pine } = ctx;

  /**
   * One image by id.
   *
   * @param id - the image id.
   * @param options - pine options shaping the result.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the image.
   * @throws {BalenaImageNotFound} when there is no such image.
   * @throws {BalenaInvalidParameterError} when `id` is not a positive integer (before any request).
   * @example
   * const image = await sdk.models.image.get(123, { $select: ['status', 'image_size'] });
   */
  async function get<const O extends ImageOptions = Record<never, never>>(
    id: number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<ImageRow<O>> {
    if (!isId(id)) throw new BalenaInvalidParameterError('id', id);
    const image = await getSingle(pine, 'image', id, {}, options, callOptions);
    if (image === undefined) throw new BalenaImageNotFound(id);
    return image;
  }

  /**
   * The build log of an image, or null when it has none.
   *
   * @param id - the image id.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the log text, or null.
   * @throws {BalenaImageNotFound} when there is no such image.
   * @example
   * const log = await sdk.models.image.getLogs(123);
   */
  async function getLogs(id: number, callOptions?: PineRequestOptions): Promise<string | null> {
    const { build_log } = await get(id, { $select: 'build_log' }, callOptions);
    return build_log;
  }

  return { get, getLogs };
}
