/**
 * The public shape of the pine client: the official `sdk.pine` members, typed against a model,
 * plus `count` and `iterate`.
 */
import type {
  AnyModel,
  AnyRow,
  CountOptions,
  ModelShape,
  ODataMethod,
  ODataOptions,
  ODataOptionsWithoutCount,
  PinePassthrough,
  ResourceId,
  StringKeyOf,
} from './query-types';
import type { CreatedRow, GetResult, HasId, OptionsOf, RowResult } from './result-types';
import type { Primitive } from './values';

/** What the pine client hands to the transport for one request. */
export interface PineTransportRequest {
  method: ODataMethod;
  /** The absolute URL. */
  url: string;
  body?: unknown;
  /** Send without credentials. */
  anonymous?: boolean;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Request timeout in milliseconds. */
  timeout?: number;
}

/** Sends one request and resolves the parsed JSON response body. */
export type PineTransport = (request: PineTransportRequest) => Promise<unknown>;

/** Per-call request options, accepted as the optional last argument of every method. */
export interface PineRequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Request timeout in milliseconds. */
  timeout?: number;
}

/** The settings a pine client is created from. */
export interface PineClientConfig {
  /** The API root, e.g. `https://api.balena-cloud.com`. */
  apiUrl: string;
  /** The API version path segment, e.g. `v7`. */
  apiVersion: string;
  transport: PineTransport;
  /** Passed through on every request (e.g. `{ anonymous: true }`). */
  passthrough?: PinePassthrough;
}

/** The read shape of a resource in a model. */
export type ReadOf<Model extends ModelShape<Model>, T extends keyof Model> = Model[T]['Read'];

/** The write shape of a resource in a model. */
export type WriteOf<Model extends ModelShape<Model>, T extends keyof Model> = Model[T]['Write'];

/** Parameters shared by every pine method. */
export interface BaseParams {
  resource?: string;
  passthrough?: PinePassthrough;
  /** Overrides the client's `apiPrefix` for this request. */
  apiPrefix?: string;
}

/** Parameters of a read. */
export interface GetParams<R> extends BaseParams {
  id?: ResourceId<R>;
  options?: ODataOptions<R>;
}

/** Parameters of a write. */
export interface WriteParams<R, W> extends GetParams<R> {
  body?: Partial<W>;
  /** A bound action on the entity, e.g. `'canAccess'`. */
  action?: string;
}

/** Parameters of `upsert` and `getOrCreate`: the natural key and the other fields. */
export interface NaturalKeyParams<R, W> extends BaseParams {
  id: { readonly [K in StringKeyOf<W>]?: Primitive };
  body: Partial<W>;
  options?: ODataOptionsWithoutCount<R>;
}

/** Parameters of `request` and `prepare`: a query object or a ready-made `url`. */
export interface RequestParams<R = AnyRow, W = AnyRow> extends WriteParams<R, W> {
  method?: ODataMethod;
  url?: string;
}

/** A subscription that polls a query, as returned by `subscribe`. */
export interface PineSubscription<T> {
  /** Listens for results (`'data'`) or failures (`'error'`); returns a handle to stop listening. */
  on(event: 'data', listener: (result: T) => void): { unsubscribe(): void };
  on(event: 'error', listener: (error: unknown) => void): { unsubscribe(): void };
  /** Changes the delay between polls (milliseconds) and restarts the timer. */
  setPollInterval(intervalMs: number): void;
  /** Polls now. */
  runRequest(): Promise<void>;
  /** Resumes polling after `stop`. */
  start(): void;
  /** Stops polling; listeners are kept. */
  stop(): void;
  /** Stops polling and drops every listener. */
  destroy(): void;
}

/** A compiled request that can be sent many times with different parameter aliases. */
export type PreparedRequest<T> = (
  parameterAliases?: Record<string, Primitive>,
  body?: object,
  passthrough?: PinePassthrough,
  requestOptions?: PineRequestOptions,
) => Promise<T>;

/** Options of `iterate`. */
export interface IterateOptions extends PineRequestOptions {
  /** Rows fetched per request (default 500). */
  pageSize?: number;
}

/** The pine client: OData queries against the API, typed by `Model`. */
export interface PineClient<Model extends ModelShape<Model> = AnyModel> {
  readonly API_URL: string;
  readonly API_VERSION: string;
  /** The absolute URL prefix of every resource, e.g. `https://api.example.com/v7/`. */
  readonly apiPrefix: string;
  readonly backendParams: { apiUrl: string; apiVersion: string };
  readonly passthrough: PinePassthrough;

  get<T extends StringKeyOf<Model>, const P extends GetParams<ReadOf<Model, T>>>(
    params: { resource: T } & P,
    requestOptions?: PineRequestOptions,
  ): Promise<GetResult<ReadOf<Model, T>, OptionsOf<P>, HasId<P>>>;

  post<T extends StringKeyOf<Model>>(
    params: { resource: T } & WriteParams<ReadOf<Model, T>, WriteOf<Model, T>>,
    requestOptions?: PineRequestOptions,
  ): Promise<CreatedRow<ReadOf<Model, T>>>;

  patch<T extends StringKeyOf<Model>>(
    params: { resource: T } & WriteParams<ReadOf<Model, T>, WriteOf<Model, T>>,
    requestOptions?: PineRequestOptions,
  ): Promise<void>;

  put<T extends StringKeyOf<Model>>(
    params: { resource: T } & WriteParams<ReadOf<Model, T>, WriteOf<Model, T>>,
    requestOptions?: PineRequestOptions,
  ): Promise<void>;

  delete<T extends StringKeyOf<Model>>(
    params: { resource: T } & WriteParams<ReadOf<Model, T>, WriteOf<Model, T>>,
    requestOptions?: PineRequestOptions,
  ): Promise<void>;

  upsert<T extends StringKeyOf<Model>>(
    params: { resource: T } & NaturalKeyParams<ReadOf<Model, T>, WriteOf<Model, T>>,
    requestOptions?: PineRequestOptions,
  ): Promise<CreatedRow<ReadOf<Model, T>> | undefined>;

  getOrCreate<
    T extends StringKeyOf<Model>,
    const P extends NaturalKeyParams<ReadOf<Model, T>, WriteOf<Model, T>>,
  >(
    params: { resource: T } & P,
    requestOptions?: PineRequestOptions,
  ): Promise<RowResult<ReadOf<Model, T>, OptionsOf<P>>>;

  prepare<T extends StringKeyOf<Model>, const P extends RequestParams<ReadOf<Model, T>>>(
    params: { resource: T } & P,
    expectedAliases?: Record<
      string,
      ReadonlyArray<'null' | 'string' | 'number' | 'boolean' | 'Date'>
    >,
  ): PreparedRequest<
    P extends { method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' }
      ? unknown
      : GetResult<ReadOf<Model, T>, OptionsOf<P>, HasId<P>>
  >;

  compile(params: { resource: string } & RequestParams & { options?: object }): string;

  request(
    params: RequestParams & { options?: object },
    requestOptions?: PineRequestOptions,
  ): Promise<unknown>;

  clone(
    params?: string | { passthrough?: PinePassthrough },
    backendParams?: { apiUrl?: string; apiVersion?: string },
  ): PineClient<Model>;

  subscribe<T extends StringKeyOf<Model>, const P extends GetParams<ReadOf<Model, T>>>(
    params: { resource: T; pollInterval?: number } & P,
    requestOptions?: PineRequestOptions,
  ): PineSubscription<GetResult<ReadOf<Model, T>, OptionsOf<P>, HasId<P>>>;

  count<T extends StringKeyOf<Model>>(
    params: { resource: T; options?: CountOptions } & BaseParams,
    requestOptions?: PineRequestOptions,
  ): Promise<number>;

  iterate<
    T extends StringKeyOf<Model>,
    const P extends { options?: ODataOptionsWithoutCount<ReadOf<Model, T>> } & BaseParams,
  >(
    params: { resource: T } & P,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<RowResult<ReadOf<Model, T>, OptionsOf<P>>>;
}
