import { resolveConfig, type ResolvedConfig, type SdkOptions } from './config.js';
import * as errors from './errors/index.js';
import { defineLazyProperties } from './internal/lazy.js';
import { createLogs, type BalenaLogs } from './logs/index.js';
import { createPinejsCompatibleClient, type PinejsCompatibleClient } from './pine/index.js';
import type { BalenaAuth } from './auth/auth.js';
import type { BalenaRequest } from './transport/transport.js';
import { buildClient } from './client.js';
import { createSettings, type BalenaSettings } from './settings/index.js';
import type BalenaModel from './types/v7.generated.js';
import type { BalenaModels } from './models/index.js';
import { SDK_MODEL_FACTORIES } from './models/factories.js';
import { mergePineOptions } from './utils/merge-pine-options.js';
import type { Interceptor } from './transport/types.js';
import { SDK_VERSION } from './version.js';

export type { BalenaModels, SdkModelContext } from './models/index.js';
export type { BalenaLogs } from './logs/index.js';

/** `sdk.utils`: helpers for building pine options. */
export interface BalenaUtils {
  mergePineOptions: typeof mergePineOptions;
}

/** The object `getSdk()` returns. */
export interface BalenaSDK {
  auth: BalenaAuth;
  models: BalenaModels;
  logs: BalenaLogs;
  settings: BalenaSettings;
  utils: BalenaUtils;
  /**
   * The balena-request compatible interceptors of every request, in order; assign a new array
   * to replace them all.
   *
   * @example
   * sdk.interceptors.push({ request: (request) => ({ ...request, headers: { ...request.headers, 'X-Trace': '1' } }) });
   */
  interceptors: Interceptor[];
  request: BalenaRequest;
  pine: PinejsCompatibleClient<BalenaModel>;
  errors: typeof errors;
  /** The version of this SDK package, e.g. `23.2.15`. */
  version: string;
}

/**
 * Creates an SDK instance. Construction does no I/O: the token store, settings files and
 * `GET /config` are only touched when a call needs them; `auth`, `models`, `logs` and
 * `settings` are built on first access.
 *
 * @param options - API URL, data directory and the other options of {@link SdkOptions}.
 * @returns the SDK.
 * @throws {Error} never; options are used as given, and requests only start with a call.
 * @example
 * const sdk = getSdk({ apiUrl: 'https://api.balena-cloud.com/', dataDirectory: false });
 * await sdk.auth.loginWithToken(apiKey);
 */
export function getSdk(options?: SdkOptions): BalenaSDK {
  const config: ResolvedConfig = resolveConfig(options);
  const { client } = buildClient(config, SDK_MODEL_FACTORIES, {
    guardMissingModels: false,
    createPine: createPinejsCompatibleClient,
  });
  const { request, pine } = client;
  const sdk = { request, pine, errors, version: SDK_VERSION } as BalenaSDK;

  Object.defineProperty(sdk, 'interceptors', {
    enumerable: true,
    get: () => request.interceptors,
    set: (interceptors: Interceptor[]) => {
      request.interceptors = interceptors;
    },
  });
  defineLazyProperties(sdk, {
    auth: () => client.auth,
    models: () => client.models as BalenaModels,
    logs: () => createLogs({ config, pine, request }),
    settings: createSettings,
  });
  Object.defineProperty(sdk, 'utils', {
    enumerable: true,
    get: (): BalenaUtils => ({ mergePineOptions }),
  });
  return sdk;
}
