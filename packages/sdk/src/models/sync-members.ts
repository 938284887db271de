/**
 * The synchronous members of each model, by model name: on Node they are built at once, next to
 * the stand-ins of the asynchronous ones (see `lazy-model.ts`). A model without an entry has none.
 */
import type { SdkModelContext } from './index.js';
import type { createOsModel } from './os/index.js';
import { createApplicationSyncMethods } from './application/sync-methods.js';
import { createDeviceSyncMethods } from './device/sync-methods.js';
import { createOsSyncMethods } from './os/sync-methods.js';

/** The loaded model, once its code has loaded (see `createLazyModel`). */
type Current<M> = () => M | undefined;

/** Builders of the synchronous members of the models that have some. */
export const MODEL_SYNC_MEMBERS = {
  application: createApplicationSyncMethods,
  device: createDeviceSyncMethods,
  os: (_ctx: SdkModelContext, current: Current<ReturnType<typeof createOsModel>>) => ({
    ...createOsSyncMethods(),
    // The OS caches live in the loaded model; before it loads there is nothing to clear.
    _clearDeviceTypesAndOsVersionCaches: () => current()?._clearDeviceTypesAndOsVersionCaches(),
  }),
} satisfies Partial<Record<string, (ctx: SdkModelContext, current: Current<never>) => object>>;
