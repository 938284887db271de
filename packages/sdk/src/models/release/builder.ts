/**
 * `release.createFromUrl`: asks the balena builder (`builderUrl`) to build a project tarball
 * into a new release of a fleet.
 */
import { BalenaError, isBalenaError } from '../../errors/index.js';
import { APPLICATION_LOOKUP, findOne } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';

/** What to build. */
export interface BuilderUrlDeployOptions {
  /** URL of a tarball (`.tar` or `.tar.gz`) of the project. */
  url: string;
  /** Strip a single top-level folder of the tarball (default true). */
  shouldFlatten?: boolean;
}

interface BuilderResponse {
  started?: boolean;
  releaseId?: number;
  message?: string;
  error?: string;
}

function isBuilderResponse(value: unknown): value is BuilderResponse {
  return typeof value === 'object' && value !== null;
}

/**
 * Builds `createFromUrl`.
 *
 * @param ctx - the model context.
 * @returns `{ createFromUrl }`.
 * @throws {Error} never at build time.
 * @example
 * const { createFromUrl } = createReleaseBuilder(ctx);
 */
export function createReleaseBuilder(ctx: SdkModelContext) {
  /**
   * Starts a build of a project tarball as a new release of a fleet.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param urlDeployOptions - the tarball `url` and `shouldFlatten` (default true).
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the id of the new release.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @throws {BalenaInvalidParameterError} when `url` is missing.
   * @throws {BalenaError} when the builder does not start the build (its message).
   * @throws {BalenaRequestError} when the builder answers an error (message = the builder's).
   * @example
   * const releaseId = await sdk.models.release.createFromUrl('myorg/myfleet', { url: 'https://example.com/app.tar.gz' });
   */
  async function createFromUrl(
    slugOrUuidOrId: string | number,
    urlDeployOptions: BuilderUrlDeployOptions,
    callOptions?: PineRequestOptions,
  ): Promise<number> {
    const { app_name, organization } = await findOne(
      ctx.pine,
      APPLICATION_LOOKUP,
      slugOrUuidOrId,
      { $select: 'app_name', $expand: { organization: { $select: 'handle' } } },
      callOptions,
    );
    const owner = organization[0]?.handle ?? '';
    // A builderUrl may carry a path (e.g. the local API's `/builder/`): keep it.
    const base = ctx.config.builderUrl.endsWith('/')
      ? ctx.config.builderUrl
      : `${ctx.config.builderUrl}/`;
    try {
      const response = await ctx.request.send(
        {
          method: 'POST',
          url: new URL('v3/buildFromUrl', base).href,
          qs: { headless: true, owner, app: app_name },
          body: { ...urlDeployOptions, shouldFlatten: urlDeployOptions.shouldFlatten ?? true },
        },
        callOptions,
      );
      const body = isBuilderResponse(response.body) ? response.body : {};
      if (body.started !== true || typeof body.releaseId !== 'number') {
        throw new BalenaError(body.message ?? 'The builder did not start the build');
      }
      return body.releaseId;
    } catch (error) {
      if (isBalenaError(error, 'BalenaRequestError') && isBuilderResponse(error.responseBody)) {
        const { message, error: text } = error.responseBody;
        if (message || text) error.message = message || text || error.message;
      }
      throw error;
    }
  }

  return { createFromUrl };
}
