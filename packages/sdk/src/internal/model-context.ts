import type { BalenaAuth } from '../auth/auth.js';
import type { ResolvedConfig } from '../config.js';
import type { BalenaRequest } from '../transport/transport.js';
import type { Cache } from './cache.js';
import type { PubSub } from './pubsub.js';

/**
 * What every model factory (`createXModel(ctx)` in `models/<name>/index.ts`) receives.
 * `models` gives access to the other models for cross-model calls.
 */
export interface ModelContext<Pine = unknown, Models = object> {
  config: ResolvedConfig;
  pine: Pine;
  request: BalenaRequest;
  auth: BalenaAuth;
  /** Cache tied to the credential: cleared on every `auth.keyChange`. */
  cache: Cache;
  pubsub: PubSub;
  models: Models;
  /** The device URLs base domain (option, or `GET /config` once). */
  getDeviceUrlsBase: () => Promise<string>;
}
