import { createAuth, type BalenaAuth } from './auth/auth.js';
import { createTokenManager } from './auth/token-manager.js';
import { resolveConfig, type ResolvedConfig, type SdkOptions } from './config.js';
import * as errors from './errors/index.js';
import { createCache } from './internal/cache.js';
import { createDeviceUrlsBaseResolver } from './internal/device-urls-base.js';
import { defineLazyProperties } from './internal/lazy.js';
import { createLogs, type BalenaLogs } from './logs/index.js';
import { createPineTransport } from './internal/pine-transport.js';
import { createPubSub } from './internal/pubsub.js';
import { createPineClient, type PineClient } from './pine/index.js';
import { createTokenStorage } from './platform/index.js';
import { createSettings, type BalenaSettings } from './settings/index.js';
import { createTransport, type BalenaRequest } from './transport/transport.js';
import type BalenaModel from './types/v7.js';
import { MODEL_FACTORIES, type BalenaModels, type SdkModelContext } from './models/index.js';
import { mergePineOptions } from './utils/merge-pine-options.js';
import type { Interceptor } from './transport/types.js';
import { SDK_VERSION } from './version.js';

export type { BalenaModels, SdkModelContext } from './models/index.js';
export type { BalenaLogs } from './logs/index.js';

/** `sdk.utils`. */
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
  interceptors: Interceptor[];
  request: BalenaRequest;
  pine: PineClient<BalenaModel>;
  errors: typeof errors;
  version: string;
}

/**
 * Creates an SDK instance. Construction does no I/O: the token store, settings files and
 * `GET /config` are only touched when a call needs them; `auth`, `models`, `logs` and
 * `settings` are built on first access.
 *
 * @param options - API URL, data directory and the other options of {@link SdkOptions}.
 * @returns the SDK.
 * @example
 * const sdk = getSdk({ apiUrl: 'https://api.balena-cloud.com/', dataDirectory: false });
 * await sdk.auth.loginWithToken(apiKey);
 */
export function getSdk(options?: SdkOptions): BalenaSDK {
  const config: ResolvedConfig = resolveConfig(options);
  const tokens = createTokenManager(createTokenStorage(config.dataDirectory));
  const request = createTransport(config, tokens);
  const pubsub = createPubSub();
  const pine = createPineClient<BalenaModel>({
    apiUrl: config.apiUrl,
    apiVersion: config.apiVersion,
    transport: createPineTransport(request, tokens),
  });

  const sdk = {
    request,
    pine,
    errors,
    version: SDK_VERSION,
  } as BalenaSDK;

  Object.defineProperty(sdk, 'interceptors', {
    enumerable: true,
    get: () => request.interceptors,
    set: (interceptors: Interceptor[]) => {
      request.interceptors = interceptors;
    },
  });

  function createModels(): BalenaModels {
    const models = {} as BalenaModels;
    const ctx: SdkModelContext = {
      config,
      pine,
      request,
      get auth() {
        return sdk.auth;
      },
      cache: createCache({ pubsub }),
      pubsub,
      models,
      getDeviceUrlsBase: createDeviceUrlsBaseResolver(request, config.deviceUrlsBase),
    };
    const factories: Record<string, (context: SdkModelContext) => unknown> = MODEL_FACTORIES;
    return defineLazyProperties(
      models,
      Object.fromEntries(
        Object.entries(factories).map(([name, create]) => [name, () => create(ctx)]),
      ),
    );
  }

  defineLazyProperties(sdk, {
    auth: () => createAuth({ config, request, tokens, pubsub }),
    models: createModels,
    logs: () => createLogs({ config, pine, request }),
    settings: createSettings,
  });
  Object.defineProperty(sdk, 'utils', {
    enumerable: true,
    get: (): BalenaUtils => ({ mergePineOptions }),
  });
  return sdk;
}
