/**
 * The untyped request core of the pine client: URL building, passthrough merging and the
 * handling of GET responses. The typed client in `client.ts` is a thin layer over this.
 */
import type { PineRequestOptions, PineTransportRequest } from './client-types.js';
import { compileUrl } from './compile.js';
import type { ODataMethod, PinePassthrough } from './query-types.js';
import type { RetryParameters } from './retry.js';
import { isObjectLike } from './values.js';

/** Request parameters as the core sees them (types are checked by the typed layer). */
export interface RawParams {
  resource?: string;
  id?: unknown;
  action?: string;
  options?: object | null;
  body?: unknown;
  method?: string;
  url?: string;
  passthrough?: PinePassthrough;
  apiPrefix?: string;
  pollInterval?: number;
  retry?: RetryParameters;
}

/** Hands one transport request to the transport (the params are those of the call, e.g. for `retry`). */
export type PineSend = (request: PineTransportRequest, params: RawParams) => Promise<unknown>;

/** What the core needs from its client. */
export interface RequestContext {
  readonly apiPrefix: string;
  readonly passthrough: PinePassthrough;
  /** The transport, or a wrapper around it set by a client extension. */
  send: PineSend;
}

/**
 * Sends a pine request: compiles the URL (unless `url` is given), merges passthrough settings and
 * per-call options, and resolves the transport's parsed response body.
 *
 * @param context - the client's prefix, passthrough and `send`.
 * @param params - the query object, or a ready-made `url`, with `method` and `body`.
 * @param requestOptions - `signal`, `headers` and `timeout` for this call.
 * @returns the parsed response body.
 * @throws {Error} when the query cannot be compiled; transport errors are passed on unchanged.
 * @example
 * await sendPineRequest(ctx, { resource: 'device', options: { $top: 1 } });
 */
export async function sendPineRequest(
  context: RequestContext,
  params: RawParams,
  requestOptions: PineRequestOptions = {},
): Promise<unknown> {
  if (!isObjectLike(params)) {
    throw new Error('Params must be an object.');
  }
  const prefix = params.apiPrefix ?? context.apiPrefix;
  const url = prefix + (params.url ?? compileUrl(params));
  const method = (params.method ?? 'GET').toUpperCase() as ODataMethod;
  const passthrough = { ...context.passthrough, ...params.passthrough };
  const headers = { ...passthrough.headers, ...requestOptions.headers };
  const request: PineTransportRequest = { method, url };
  if (params.body !== undefined) {
    request.body = params.body;
  }
  if (passthrough.anonymous != null) {
    request.anonymous = passthrough.anonymous;
  }
  if (Object.keys(headers).length > 0) {
    request.headers = headers;
  }
  if (requestOptions.signal != null) {
    request.signal = requestOptions.signal;
  }
  if (requestOptions.timeout != null) {
    request.timeout = requestOptions.timeout;
  }
  return context.send(request, params);
}

/**
 * Turns a GET response body into the value `pine.get` resolves: the `d` array, its single row
 * for a get by `id`, or the number of a `$count`.
 *
 * @param params - the request parameters (only `id` matters).
 * @param data - the parsed response body.
 * @returns the rows, the row (or `undefined`), or the count.
 * @throws {Error} when the body is not an object with `d`, or a get by id returns several rows.
 * @example
 * transformGetResult({ id: 1 }, { d: [{ id: 1 }] }); // { id: 1 }
 */
export function transformGetResult(params: RawParams, data: unknown): unknown {
  if (!isObjectLike(data)) {
    throw new Error(`Response was not a JSON object: '${typeof data}'`);
  }
  const { d } = data as { d?: unknown };
  if (d == null) {
    throw new Error("Invalid response received, the 'd' property is missing.");
  }
  if (params.id != null) {
    const rows = d as unknown[];
    if (rows.length > 1) {
      throw new Error('Returned multiple results when only one was expected.');
    }
    return rows[0];
  }
  return d;
}

/**
 * Rejects a `url` parameter on methods that only take query objects.
 *
 * @param method - the method name for the message.
 * @param params - the request parameters.
 * @param hint - the end of the message.
 * @returns nothing.
 * @throws {Error} when `url` is set.
 * @example
 * assertNoUrl('get', { resource: 'device' });
 */
export function assertNoUrl(
  method: string,
  params: RawParams,
  hint = 'please use a query object instead or use `request` directly.',
): void {
  if (isObjectLike(params) && 'url' in params && params.url != null) {
    throw new Error(`Passing \`url\` to \`${method}\` has been removed, ${hint}`);
  }
}
