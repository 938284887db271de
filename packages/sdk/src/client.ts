/**
 * The modular entry (`balena-sdk/client`): a client with `auth`, `request`, `pine` and only the
 * models the application names, so bundlers drop every other model. `getSdk()` is the same wiring
 * with every model registered.
 */
import { createAuth, type BalenaAuth } from './auth/auth.js';
import { createTokenManager } from './auth/token-manager.js';
import { resolveConfig, type ResolvedConfig, type SdkOptions } from './config.js';
import { createCache } from './internal/cache.js';
import { createDeviceUrlsBaseResolver } from './internal/device-urls-base.js';
import { defineLazyProperties } from './internal/lazy.js';
import { createPineTransport } from './internal/pine-transport.js';
import { createPubSub, type PubSub } from './internal/pubsub.js';
import type { BalenaModels, SdkModelContext } from './models/index.js';
import { createPineClient, type PineClient } from './pine/index.js';
import { createTokenStorage } from './platform/index.js';
import { createTransport, type BalenaRequest } from './transport/transport.js';
import type BalenaModel from './types/v7.generated.js';

export type { SdkOptions } from './config.js';

/**
 * Model factories a client is built with, by `sdk.models` name (`{ device: createDeviceModel }`,
 * or a part of a model such as `{ device: createDeviceCore }`).
 */
export type ModelFactories = Record<string, (ctx: SdkModelContext) => unknown>;

/** A client: the parts of `getSdk()` every call needs, plus the chosen models. */
export interface BalenaClient<Models extends ModelFactories = ModelFactories> {
  auth: BalenaAuth;
  models: { readonly [Name in keyof Models]: ReturnType<Models[Name]> };
  request: BalenaRequest;
  pine: PineClient<BalenaModel>;
  /** The resolved options (read-only). */
  config: ResolvedConfig;
}

function missingModel(name: string): Error {
  return new Error(
    `models.${name} is not part of this client: add its factory (balena-sdk/models/...) to createClient's models`,
  );
}

// Models call each other (`ctx.models.application` from the device model); a model that was not
// registered fails with a message naming the fix instead of "cannot read properties of undefined".
function withMissingModelErrors<T extends object>(models: T): T {
  if (typeof Proxy !== 'function') return models;
  return new Proxy(models, {
    get(target, name, receiver) {
      if (typeof name === 'string' && !(name in target) && name !== 'then') {
        throw missingModel(name);
      }
      return Reflect.get(target, name, receiver);
    },
  });
}

/**
 * Creates a client with only the given models; each is built on first access, like `getSdk()`'s.
 *
 * @param options - the options of `getSdk()` (API URL, data directory, ...).
 * @param models - model factories by name, imported from `balena-sdk/models/<name>`.
 * @returns the client: `auth`, `models`, `request`, `pine`, `config`.
 * @throws {Error} never itself; reading `models.<name>` for a model that was not given throws an
 *   `Error` naming the factory to add.
 * @example
 * import { createClient } from 'balena-sdk/client';
 * import { createDeviceModel } from 'balena-sdk/models/device';
 * const client = createClient({ apiUrl: 'https://api.balena-cloud.com/' }, { device: createDeviceModel });
 * await client.auth.loginWithToken(apiKey);
 * const device = await client.models.device.get(uuid);
 */
export function createClient<Models extends ModelFactories = Record<never, never>>(
  options?: SdkOptions,
  models?: Models,
): BalenaClient<Models> {
  return buildClient<Models>(resolveConfig(options), models ?? ({} as Models), {
    guardMissingModels: true,
  }).client;
}

/** What `getSdk()` builds on top of a client. */
export interface ClientInternals<Models extends ModelFactories> {
  client: BalenaClient<Models>;
  pubsub: PubSub;
}

/**
 * The wiring shared by `createClient()` and `getSdk()`: transport, token store, pine, lazy `auth`
 * and lazily built models. Not part of the public API.
 */
export function buildClient<Models extends ModelFactories>(
  config: ResolvedConfig,
  factories: Models,
  {
    guardMissingModels,
    createPine = createPineClient,
  }: { guardMissingModels: boolean; createPine?: typeof createPineClient },
): ClientInternals<Models> {
  const tokens = createTokenManager(createTokenStorage(config.dataDirectory));
  const request = createTransport(config, tokens);
  const pubsub = createPubSub();
  const pine = createPine<BalenaModel>({
    apiUrl: config.apiUrl,
    apiVersion: config.apiVersion,
    transport: createPineTransport(request, tokens),
  });
  const client = { config, request, pine } as BalenaClient<Models>;
  const registry = {} as BalenaModels;
  const ctx: SdkModelContext = {
    config,
    pine,
    request,
    get auth() {
      return client.auth;
    },
    cache: createCache({ pubsub }),
    pubsub,
    models: guardMissingModels ? withMissingModelErrors(registry) : registry,
    getDeviceUrlsBase: createDeviceUrlsBaseResolver(request, config.deviceUrlsBase),
  };
  const entries: Array<[string, (context: SdkModelContext) => unknown]> = Object.entries(factories);
  defineLazyProperties(
    registry,
    Object.fromEntries(entries.map(([name, create]) => [name, () => create(ctx)])),
  );
  defineLazyProperties(client, { auth: () => createAuth({ config, request, tokens, pubsub }) });
  Object.defineProperty(client, 'models', { enumerable: true, value: ctx.models });
  return { client, pubsub };
}
