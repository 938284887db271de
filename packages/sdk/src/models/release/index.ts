/**
 * `sdk.models.release`: releases, their tags and their assets.
 */
import type { SdkModelContext } from '../index.js';
import { createReleaseAssets } from './asset.js';
import { createReleaseBuilder } from './builder.js';
import { createReleaseCore } from './core.js';
import { createReleaseTags } from './tags.js';
import { createReleaseUpdates } from './updates.js';

export type { ReleaseRawVersionApplicationPair, CommitOrIdOrRawVersion } from './lookup.js';
export type { ReleaseWithImageDetails } from './core.js';
export type { BuilderUrlDeployOptions } from './builder.js';
export type { ReleaseAssetUploadOptions, ReleaseAssetUploadParams } from './asset-upload.js';

/**
 * Builds `sdk.models.release`.
 *
 * @param ctx - the model context.
 * @returns the release model.
 * @throws {Error} never at build time.
 * @example
 * const release = createReleaseModel(ctx);
 * await release.finalize(123);
 */
export function createReleaseModel(ctx: SdkModelContext) {
  return {
    ...createReleaseCore(ctx),
    ...createReleaseUpdates(ctx),
    ...createReleaseBuilder(ctx),
    tags: createReleaseTags(ctx),
    asset: createReleaseAssets(ctx),
  };
}
