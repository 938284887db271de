import { getSdk } from './sdk.js';
import { fromSharedOptions, setSharedOptions } from './shared-options.js';

export { getSdk, fromSharedOptions, setSharedOptions };
export type { BalenaSDK, BalenaLogs, BalenaModels, BalenaUtils, SdkModelContext } from './sdk.js';
export type { SdkOptions, ResolvedConfig, RequestBatchingChunkSize } from './config.js';
export * from './errors/index.js';
export type { BalenaAuth } from './auth/auth.js';
export type { TwoFactorAuth } from './auth/two-factor.js';
export type {
  ApplicationWhoamiResult,
  DeviceWhoamiResult,
  LoginCredentials,
  RegisterCredentials,
  UserInfo,
  UserWhoamiResult,
  VerifyEmailPayload,
  WhoamiResult,
} from './auth/types.js';
export type { BalenaSettings } from './settings/index.js';
export type {
  BaseLog,
  LogMessage,
  LogsDisconnectReason,
  LogsOptions,
  LogsReconnectOptions,
  LogsSubscribeOptions,
  LogsSubscription,
  LogsSubscriptionEvent,
  LogsSubscriptionEvents,
  ServiceLog,
  SystemLog,
} from './logs/index.js';
export type { BalenaRequest } from './transport/transport.js';
export type { RetryRateLimitedRequests } from './transport/middleware/retry-rate-limited.js';
export type {
  BalenaResponse,
  BalenaStreamResponse,
  CallOptions,
  Interceptor,
  PreparedRequest,
  RequestOptions,
  ResponseFormat,
  TransientRetryOptions,
  TransportResponse,
} from './transport/types.js';
export { SDK_VERSION } from './version.js';
export type * from './types/v7.generated.js';
export type { default as BalenaModel } from './types/v7.generated.js';
export type * as Pine from './pine/index.js';
export type {
  ODataOptions,
  ODataOptionsWithoutCount,
  PineClient,
  PineRequestOptions,
} from './pine/index.js';
export type { MergePineOptions } from './utils/merge-pine-options.js';
// The official root's type names, mapped onto this SDK's types.
export type * from './official-type-names.js';
// Modular entry (`balena-sdk/client`, `balena-sdk/models/<name>`): declared here once, so the
// subpath declarations stay thin.
export type { createClient, BalenaClient, ModelFactories } from './client.js';
export type { DeviceCoreModel } from './modular/device.js';

/**
 * The default export: the three factory functions, as `import balena from 'balena-sdk'` gives them with the
 * official package (whose CommonJS `module.exports` holds exactly these).
 *
 * @example
 * import balena from 'balena-sdk';
 * const sdk = balena.getSdk({ apiUrl: 'https://api.balena-cloud.com/' });
 */
const balena = { getSdk, setSharedOptions, fromSharedOptions };
export default balena;
