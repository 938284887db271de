/**
 * The pine client's public interface: the official `sdk.pine` members, typed against a model,
 * plus `count` and `iterate`.
 */
import type {
  BaseParams,
  GetParams,
  IterateOptions,
  NaturalKeyParams,
  PineRequestOptions,
  PineSubscription,
  PreparedRequest,
  ReadOf,
  RequestParams,
  WriteOf,
  WriteParams,
} from './client-types.js';
import type {
  AnyModel,
  CountOptions,
  ModelShape,
  ODataOptionsWithoutCount,
  PinePassthrough,
  StringKeyOf,
} from './query-types.js';
import type { CreatedRow, GetResult, HasId, OptionsOf, RowResult } from './result-types.js';

/** The names `prepare` accepts for the expected type of each parameter alias. */
type AliasTypeName = 'null' | 'string' | 'number' | 'boolean' | 'Date';

/** The pine client: OData queries against the API, typed by `Model`. */
export interface PineClient<Model extends ModelShape<Model> = AnyModel> {
  /** The API root URL the client was created with. */
  readonly API_URL: string;
  /** The API version path segment, e.g. `v7`. */
  readonly API_VERSION: string;
  /** The absolute URL prefix of every resource, e.g. `https://api.example.com/v7/`. */
  readonly apiPrefix: string;
  /** The settings the client was created from. */
  readonly backendParams: { apiUrl: string; apiVersion: string };
  /** Settings passed through on every request. */
  readonly passthrough: PinePassthrough;

  /**
   * Reads rows; the result type follows `$select`, `$expand`, `$count` and `id`.
   *
   * @param params - `resource`, optional `id` (primary or natural key) and `options`.
   * @param requestOptions - `signal`, `headers`, `timeout` for this call.
   * @returns the rows, the row for an `id` (or `undefined`), or the number for `$count`.
   * @throws {Error} for an invalid query (before any request) or a malformed response.
   * @example
   * const [device] = await pine.get({ resource: 'device', options: { $select: ['id', 'uuid'], $top: 1 } });
   */
  get<T extends StringKeyOf<Model>, const P extends GetParams<ReadOf<Model, T>>>(
    params: { resource: T } & P,
    requestOptions?: PineRequestOptions,
  ): Promise<GetResult<ReadOf<Model, T>, OptionsOf<P>, HasId<P>>>;

  /**
   * Creates a row (or calls a bound `action`).
   *
   * @param params - `resource`, `body`, optional `options`, `id` and `action`.
   * @param requestOptions - `signal`, `headers`, `timeout` for this call.
   * @returns the created row as the API returns it.
   * @throws {Error} for an invalid query; API errors from the transport unchanged.
   * @example
   * const tag = await pine.post({ resource: 'device_tag', body: { device: 1, tag_key: 'k', value: 'v' } });
   */
  post<T extends StringKeyOf<Model>>(
    params: { resource: T } & WriteParams<ReadOf<Model, T>, WriteOf<Model, T>>,
    requestOptions?: PineRequestOptions,
  ): Promise<CreatedRow<ReadOf<Model, T>>>;

  /**
   * Updates the fields in `body` of the row with `id`, or of every row matching `$filter`.
   *
   * @param params - `resource`, `body`, and `id` or `options.$filter`.
   * @param requestOptions - `signal`, `headers`, `timeout` for this call.
   * @returns nothing.
   * @throws {Error} for an invalid query; API errors from the transport unchanged.
   * @example
   * await pine.patch({ resource: 'device', id: 5, body: { note: 'hello' } });
   */
  patch<T extends StringKeyOf<Model>>(
    params: { resource: T } & WriteParams<ReadOf<Model, T>, WriteOf<Model, T>>,
    requestOptions?: PineRequestOptions,
  ): Promise<void>;

  /**
   * Replaces the row with `id` (or the rows matching `$filter`) with `body`.
   *
   * @param params - `resource`, `body`, and `id` or `options.$filter`.
   * @param requestOptions - `signal`, `headers`, `timeout` for this call.
   * @returns nothing.
   * @throws {Error} for an invalid query; API errors from the transport unchanged.
   * @example
   * await pine.put({ resource: 'device_tag', id: 3, body: { device: 1, tag_key: 'k', value: 'v' } });
   */
  put<T extends StringKeyOf<Model>>(
    params: { resource: T } & WriteParams<ReadOf<Model, T>, WriteOf<Model, T>>,
    requestOptions?: PineRequestOptions,
  ): Promise<void>;

  /**
   * Deletes the row with `id`, or every row matching `$filter`.
   *
   * @param params - `resource`, and `id` or `options.$filter`.
   * @param requestOptions - `signal`, `headers`, `timeout` for this call.
   * @returns nothing.
   * @throws {Error} for an invalid query; API errors from the transport unchanged.
   * @example
   * await pine.delete({ resource: 'device_tag', options: { $filter: { device: 1, tag_key: 'k' } } });
   */
  delete<T extends StringKeyOf<Model>>(
    params: { resource: T } & WriteParams<ReadOf<Model, T>, WriteOf<Model, T>>,
    requestOptions?: PineRequestOptions,
  ): Promise<void>;

  /**
   * Creates a row, or updates the one with the same natural key (POST, then PATCH on a 409
   * unique-key conflict).
   *
   * @param params - `resource`, the natural key as `id`, the other fields as `body`.
   * @param requestOptions - `signal`, `headers`, `timeout` for this call.
   * @returns the created row, or `undefined` when an existing row was updated.
   * @throws {Error} when `id` is not a non-empty object or `body` is missing; other API errors.
   * @example
   * await pine.upsert({ resource: 'device_tag', id: { device: 1, tag_key: 'k' }, body: { value: 'v' } });
   */
  upsert<T extends StringKeyOf<Model>>(
    params: { resource: T } & NaturalKeyParams<ReadOf<Model, T>, WriteOf<Model, T>>,
    requestOptions?: PineRequestOptions,
  ): Promise<CreatedRow<ReadOf<Model, T>> | undefined>;

  /**
   * Reads the row with a natural key, creating it from `{ ...id, ...body }` when missing.
   *
   * @param params - `resource`, the natural key as `id`, the fields to create with as `body`.
   * @param requestOptions - `signal`, `headers`, `timeout` for this call.
   * @returns the existing or created row.
   * @throws {Error} when `id` is not a non-empty object or `body` is missing; API errors.
   * @example
   * const tag = await pine.getOrCreate({ resource: 'device_tag', id: { device: 1, tag_key: 'k' }, body: { value: 'v' } });
   */
  getOrCreate<
    T extends StringKeyOf<Model>,
    const P extends NaturalKeyParams<ReadOf<Model, T>, WriteOf<Model, T>>,
  >(
    params: { resource: T } & P,
    requestOptions?: PineRequestOptions,
  ): Promise<RowResult<ReadOf<Model, T>, OptionsOf<P>>>;

  /**
   * Compiles a request once for repeated use with `@alias` parameter values.
   *
   * @param params - the query (or `url`) and `method`; aliases are referenced as `{ '@': 'name' }`.
   * @param expectedAliases - the aliases the query uses and their accepted types (documentation only).
   * @returns a function sending the request with `(parameterAliases, body, passthrough, requestOptions)`.
   * @throws {Error} for an invalid query, at preparation time.
   * @example
   * const byUuid = pine.prepare({ resource: 'device', id: { uuid: { '@': 'uuid' } } }, { uuid: ['string'] });
   * const device = await byUuid({ uuid: 'abc' });
   */
  prepare<T extends StringKeyOf<Model>, const P extends RequestParams<ReadOf<Model, T>>>(
    params: { resource: T } & P,
    expectedAliases?: Record<string, ReadonlyArray<AliasTypeName>>,
  ): PreparedRequest<
    P extends { method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' }
      ? unknown
      : GetResult<ReadOf<Model, T>, OptionsOf<P>, HasId<P>>
  >;

  /**
   * Compiles a query to its URL relative to `apiPrefix`, without sending it.
   *
   * @param params - `resource`, optional `id`, `action` and `options`.
   * @returns the URL, e.g. `device(uuid='abc')?$select=id`.
   * @throws {Error} for an invalid query or when `url` is passed.
   * @example
   * pine.compile({ resource: 'device', options: { $filter: { id: { $in: [1, 2] } } } }); // 'device?$filter=id in (1,2)'
   */
  compile<T extends StringKeyOf<Model>>(
    params: { resource: T } & RequestParams<ReadOf<Model, T>, WriteOf<Model, T>>,
  ): string;
  compile(params: RequestParams): string;

  /**
   * Sends a request and resolves the raw parsed response body (no `d` unwrapping).
   *
   * @param params - a query or a ready-made `url`, with `method` (default GET) and `body`.
   * @param requestOptions - `signal`, `headers`, `timeout` for this call.
   * @returns the parsed response body.
   * @throws {Error} for an invalid query; API errors from the transport unchanged.
   * @example
   * await pine.request({ method: 'POST', url: 'release_asset(5)/beginUpload', body: { chunk_size: 5e6 } });
   */
  request(params: RequestParams, requestOptions?: PineRequestOptions): Promise<unknown>;

  /**
   * Creates a client sharing this one's transport, with other passthrough or backend settings.
   *
   * @param params - extra `passthrough` settings (a string is accepted and ignored, as upstream).
   * @param backendParams - a different `apiUrl` or `apiVersion`.
   * @returns the new client.
   * @throws {TypeError} when the resulting `apiUrl` is not a valid URL.
   * @example
   * const anonymous = pine.clone({ passthrough: { anonymous: true } });
   */
  clone(
    params?: string | { passthrough?: PinePassthrough },
    backendParams?: { apiUrl?: string; apiVersion?: string },
  ): PineClient<Model>;

  /**
   * Polls a query (immediately, then `pollInterval` ms after each answer; default 10 s).
   *
   * @param params - the query as for `get`, plus `pollInterval`.
   * @param requestOptions - `signal` (aborting stops the subscription), `headers`, `timeout`.
   * @returns the subscription: `on('data' | 'error', fn)`, `stop`, `start`, `destroy`, ...
   * @throws {Error} for an invalid query, when subscribing.
   * @example
   * const poll = pine.subscribe({ resource: 'device', options: { $select: 'is_online' }, pollInterval: 5000 });
   * poll.on('data', (devices) => console.log(devices));
   */
  subscribe<T extends StringKeyOf<Model>, const P extends GetParams<ReadOf<Model, T>>>(
    params: { resource: T; pollInterval?: number } & P,
    requestOptions?: PineRequestOptions,
  ): PineSubscription<GetResult<ReadOf<Model, T>, OptionsOf<P>, HasId<P>>>;

  /**
   * Counts the rows of a resource matching an optional `$filter` (`<resource>/$count`).
   *
   * @param params - `resource` and optional `options.$filter`.
   * @param requestOptions - `signal`, `headers`, `timeout` for this call.
   * @returns the number of rows.
   * @throws {Error} for an invalid filter or a non-numeric answer.
   * @example
   * const online = await pine.count({ resource: 'device', options: { $filter: { is_online: true } } });
   */
  count<T extends StringKeyOf<Model>>(
    params: { resource: T; options?: CountOptions } & BaseParams,
    requestOptions?: PineRequestOptions,
  ): Promise<number>;

  /**
   * Iterates over every matching row, fetching `pageSize` rows per request with `$top`/`$skip`
   * on a stable order (`id asc` unless the query has an `$orderby`).
   *
   * @param params - the query as for `get` (a `$top` caps the total, a `$skip` sets the start).
   * @param iterateOptions - `pageSize` (default 500) and `signal`, `headers`, `timeout`.
   * @returns an async iterator over the rows, typed like `get`'s.
   * @throws {Error} when `pageSize` is not a positive integer or the query is invalid.
   * @example
   * for await (const device of pine.iterate({ resource: 'device', options: { $select: 'uuid' } })) {
   *   console.log(device.uuid);
   * }
   */
  iterate<
    T extends StringKeyOf<Model>,
    const P extends { options?: ODataOptionsWithoutCount<ReadOf<Model, T>> } & BaseParams,
  >(
    params: { resource: T } & P,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<RowResult<ReadOf<Model, T>, OptionsOf<P>>>;
}
