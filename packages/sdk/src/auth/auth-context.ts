import type { ResolvedConfig } from '../config.js';
import type { PubSub } from '../internal/pubsub.js';
import type { BalenaRequest } from '../transport/transport.js';
import type { TokenManager } from './token-manager.js';

/** What the auth module needs from the SDK. */
export interface AuthContext {
  config: ResolvedConfig;
  request: BalenaRequest;
  tokens: TokenManager;
  pubsub: PubSub;
}
