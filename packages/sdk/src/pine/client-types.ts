/**
 * Types around the pine client: its configuration, the transport contract, per-call request
 * options and the parameter objects of its methods.
 */
import type {
  AnyRow,
  ModelShape,
  ODataMethod,
  ODataOptions,
  ODataOptionsWithoutCount,
  PinePassthrough,
  ResourceId,
  StringKeyOf,
} from './query-types.js';
import type { RetryParameters } from './retry.js';
import type { Primitive } from './values.js';

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
  /**
   * Overrides the client's `retry` setting for this request; `false` disables retries. Honoured
   * by clients with pinejs-client-core's retries (`sdk.pine`); others send the request once.
   */
  retry?: RetryParameters;
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
