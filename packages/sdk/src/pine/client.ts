/**
 * `createPineClient`: the SDK's `pine` object. Queries are compiled to OData URLs under
 * `<apiUrl>/<apiVersion>/` and sent through the injected transport.
 */
import type { PineClient } from './client-interface.js';
import type {
  PineClientConfig,
  PineRequestOptions,
  PineSubscription,
  PineTransport,
  PreparedRequest,
} from './client-types.js';
import { compileUrl } from './compile.js';
import { getOrCreateByNaturalKey, upsertByNaturalKey } from './natural-key.js';
import { countRows, iterateRows } from './paging.js';
import type { AnyModel, ModelShape, PinePassthrough } from './query-types.js';
import {
  assertNoUrl,
  sendPineRequest,
  transformGetResult,
  type PineSend,
  type RawParams,
  type RequestContext,
} from './request.js';
import { createPollingSubscription } from './subscription.js';
import { escapeLiteral, isObjectLike, isPrimitive, ownEntries, type Primitive } from './values.js';

/**
 * Adds members to a new client (and to each of its clones) and returns how the client's requests
 * reach the transport. Kept apart so that clients without it carry none of its code.
 */
export type PineClientExtension = (
  client: PineClient<AnyModel>,
  transport: PineTransport,
) => PineSend;

/**
 * Creates a pine client bound to an API and a transport.
 *
 * @param config - `apiUrl`, `apiVersion`, the `transport` that sends requests and resolves parsed
 *   JSON bodies, and optional `passthrough` settings for every request.
 * @param extension - optional members and request wrapping, e.g. pinejs-client-core's retries
 *   (see `createPinejsCompatibleClient`).
 * @returns the client; pass a model type argument to type resources and results.
 * @throws {TypeError} when `apiUrl` is not a valid URL.
 * @example
 * const pine = createPineClient<BalenaModel>({ apiUrl: 'https://api.balena-cloud.com', apiVersion: 'v7', transport });
 * const devices = await pine.get({ resource: 'device', options: { $select: ['id', 'uuid'] } });
 */
export function createPineClient<Model extends ModelShape<Model> = AnyModel>(
  config: PineClientConfig,
  extension?: PineClientExtension,
): PineClient<Model> {
  const { apiUrl, apiVersion, transport } = config;
  const passthrough: PinePassthrough = { ...config.passthrough };
  const context: RequestContext = {
    apiPrefix: new URL(`/${apiVersion}/`, apiUrl).href,
    passthrough,
    send: transport,
  };

  function request(params: RawParams, requestOptions?: PineRequestOptions): Promise<unknown> {
    return sendPineRequest(context, params, requestOptions);
  }

  async function get(params: RawParams, requestOptions?: PineRequestOptions): Promise<unknown> {
    assertNoUrl('get', params);
    const data = await request({ ...params, method: 'GET' }, requestOptions);
    return transformGetResult(params, data);
  }

  function write(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE') {
    return (params: RawParams, requestOptions?: PineRequestOptions): Promise<unknown> => {
      assertNoUrl(method.toLowerCase(), params);
      return request({ ...params, method }, requestOptions);
    };
  }
  const post = write('POST');
  const patch = write('PATCH');
  const operations = { get, post, patch };

  function prepare(params: RawParams): PreparedRequest<unknown> {
    if (!isObjectLike(params)) {
      throw new Error('Params must be an object.');
    }
    // Compiled once: a prepared request only varies in its parameter aliases, body and passthrough.
    const compiledUrl = params.url ?? compileUrl(params);
    const aliasSeparator = compiledUrl.includes('?') ? '&' : '?';
    const method = (params.method ?? 'GET').toUpperCase();
    return async (parameterAliases, body, extraPassthrough, requestOptions) => {
      const prepared: RawParams = { ...params, method, url: compiledUrl };
      if (body != null || params.body != null) {
        prepared.body = { ...(params.body as object), ...body };
      }
      if (extraPassthrough != null) {
        prepared.passthrough = { ...params.passthrough, ...extraPassthrough };
      }
      if (parameterAliases != null) {
        prepared.url = compiledUrl + aliasSeparator + compileAliases(parameterAliases);
      }
      const result = await request(prepared, requestOptions);
      return method === 'GET' ? transformGetResult(prepared, result) : result;
    };
  }

  function subscribe(
    params: RawParams,
    requestOptions: PineRequestOptions = {},
  ): PineSubscription<unknown> {
    if (!isObjectLike(params)) {
      throw new Error('Params must be an object.');
    }
    const run = prepare(params);
    return createPollingSubscription(
      () => run(undefined, undefined, undefined, requestOptions),
      params.pollInterval,
      requestOptions.signal,
    );
  }

  function clone(
    params?: string | { passthrough?: PinePassthrough },
    backendParams?: { apiUrl?: string; apiVersion?: string },
  ): PineClient<Model> {
    const extra = typeof params === 'string' ? undefined : params?.passthrough;
    return createPineClient<Model>(
      {
        apiUrl: backendParams?.apiUrl ?? apiUrl,
        apiVersion: backendParams?.apiVersion ?? apiVersion,
        transport,
        passthrough: { ...passthrough, ...extra },
      },
      extension,
    );
  }

  const client = {
    API_URL: apiUrl,
    API_VERSION: apiVersion,
    apiPrefix: context.apiPrefix,
    backendParams: { apiUrl, apiVersion },
    passthrough,
    get,
    post,
    patch,
    put: write('PUT'),
    delete: write('DELETE'),
    upsert: (params: RawParams, requestOptions?: PineRequestOptions) =>
      upsertByNaturalKey(operations, params, requestOptions),
    getOrCreate: (params: RawParams, requestOptions?: PineRequestOptions) =>
      getOrCreateByNaturalKey(operations, params, requestOptions),
    prepare,
    compile: (params: RawParams) => compileUrl(params),
    request,
    clone,
    subscribe,
    count: (params: RawParams, requestOptions?: PineRequestOptions) =>
      countRows(get, params, requestOptions),
    iterate: (params: RawParams, iterateOptions?: Parameters<typeof iterateRows>[2]) =>
      iterateRows(get, params, iterateOptions),
  };
  // The one place the untyped implementation meets the typed interface: result types are
  // computed from the query, which the runtime code cannot express.
  const typed = client as unknown as PineClient<Model>;
  if (extension) {
    context.send = extension(typed as PineClient<AnyModel>, transport);
  }
  return typed;
}

/** Compiles `@name=value` query parameters for a prepared request. */
function compileAliases(parameterAliases: Record<string, Primitive>): string {
  return ownEntries(parameterAliases)
    .map(([name, value]) => {
      if (!isPrimitive(value)) {
        throw new Error(`Unknown type for parameter alias option '${name}': ${typeof value}`);
      }
      return `@${name}=${escapeLiteral(value)}`;
    })
    .join('&');
}
