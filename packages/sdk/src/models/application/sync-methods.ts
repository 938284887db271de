/**
 * The synchronous members of `sdk.models.application`: built at once on Node, while the rest of
 * the model loads on its first call (see `models/lazy-model.ts`).
 */
import type { ModelContext } from '../../internal/model-context.js';

/**
 * Builds the synchronous members of `sdk.models.application`.
 *
 * @param ctx - the model context (only its configuration is read).
 * @returns the members.
 * @throws {Error} never at build time.
 * @example
 * const { getDashboardUrl } = createApplicationSyncMethods(ctx);
 */
export function createApplicationSyncMethods(ctx: Pick<ModelContext, 'config'>) {
  /**
   * The dashboard URL of a fleet.
   *
   * @param id - the fleet id.
   * @returns `<dashboardUrl>/apps/<id>`.
   * @throws {Error} when `id` is not a finite number.
   * @example
   * sdk.models.application.getDashboardUrl(123); // 'https://dashboard.balena-cloud.com/apps/123'
   */
  function getDashboardUrl(id: number): string {
    if (typeof id !== 'number' || !Number.isFinite(id)) {
      throw new Error('The id option should be a finite number');
    }
    return new URL(`/apps/${id}`, ctx.config.dashboardUrl).href;
  }

  return { getDashboardUrl };
}
