/**
 * The pinejs-client-core members of `sdk.pine` that most code never calls directly: the retry
 * setting and helper, the default retry predicate, and the GET result transformation.
 */
import type { PineClient } from './client-interface.js';
import type { GetParams, PineClientConfig, PineRequestOptions, ReadOf } from './client-types.js';
import type { AnyModel, AnyRow, ModelShape, PinePassthrough, StringKeyOf } from './query-types.js';
import type { GetResult, HasId, OptionsOf } from './result-types.js';
import type { RetryParameters } from './retry.js';

/** Retry and result-transformation members of the pine client, as in pinejs-client-core. */
export interface PineClientInternals<Model extends ModelShape<Model> = AnyModel> {
  /**
   * The client-wide retry setting used by every request: `false` (the default, no retries) or
   * the parameters. Reassigning it affects later requests; clones inherit it.
   */
  retry: RetryParameters;

  /**
   * Creates a client sharing this one's transport, with other passthrough, retry or backend settings.
   *
   * @param params - extra `passthrough` settings and a `retry` setting that replaces this
   *   client's (a string is accepted and ignored, as upstream).
   * @param backendParams - a different `apiUrl` or `apiVersion`.
   * @returns the new client, with the same members.
   * @throws {TypeError} when the resulting `apiUrl` is not a valid URL.
   * @example
   * const patient = sdk.pine.clone({ retry: { minDelayMs: 250, maxDelayMs: 4000, maxAttempts: 5 } });
   */
  clone(
    params?: string | { passthrough?: PinePassthrough; retry?: RetryParameters },
    backendParams?: { apiUrl?: string; apiVersion?: string },
  ): PinejsCompatibleClient<Model>;

  /**
   * Calls a function, retrying it after retryable failures with exponential backoff, using the
   * client's `retry` setting merged field by field with `retry`.
   *
   * With neither setting on, `fnCall` runs exactly once. Attempt `n` that fails with an error
   * `canRetry` accepts waits `min(2^(n-1) * minDelayMs, maxDelayMs)` ms (longer when
   * `getRetryAfterHeader` returns more seconds), calls `onRetry`, and tries again, up to
   * `maxAttempts` attempts in total.
   *
   * @param fnCall - the function to call; it is called again for every retry.
   * @param retry - per-call overrides of the client's setting; `false` disables retrying.
   * @param requestOptions - `signal`: once aborted, no further attempt is made and a wait ends
   *   with the abort reason.
   * @returns what `fnCall` resolved.
   * @throws {Error} before any call when retrying is on and `minDelayMs`, `maxDelayMs` or
   *   `maxAttempts` is missing or not positive, or `minDelayMs` exceeds `maxDelayMs`; otherwise
   *   the last error of `fnCall`.
   * @example
   * const release = await pine.callWithRetry(() => sdk.models.release.get(id), {
   *   minDelayMs: 500, maxDelayMs: 5000, maxAttempts: 4,
   * });
   */
  callWithRetry<T>(
    fnCall: () => Promise<T>,
    retry?: RetryParameters,
    requestOptions?: Pick<PineRequestOptions, 'signal'>,
  ): Promise<T>;

  /**
   * The default retry predicate: retries failures without a numeric `statusCode` (network
   * errors), 429 Too Many Requests and every 5xx; not other HTTP errors.
   *
   * @param err - the error a call failed with.
   * @returns whether the call may be retried.
   * @throws {Error} never; it only reads the error's `statusCode`.
   * @example
   * const canRetry = (err: unknown) => pine.canRetryDefaultHandler(err) || isMyTransientError(err);
   */
  canRetryDefaultHandler(err: unknown): boolean;

  /**
   * Turns a GET response body into what `get` resolves: the `d` array, its only row (or
   * `undefined`) when `params` has an `id`, or the number of a `$count` query.
   *
   * @param params - the query the body answers (only `id` is read).
   * @param data - the parsed response body, `{ d: [...] }` or `{ d: <count> }`.
   * @returns the rows, the row or `undefined`, or the count.
   * @throws {Error} when `data` is not an object, has no `d`, or has several rows for an `id`.
   * @example
   * const body = await pine.request({ resource: 'device', id: 5, options: { $select: 'uuid' } });
   * const device = pine.transformGetResult({ resource: 'device', id: 5, options: { $select: 'uuid' } }, body);
   */
  transformGetResult<T extends StringKeyOf<Model>, const P extends GetParams<ReadOf<Model, T>>>(
    params: { resource: T } & P,
    data: unknown,
  ): GetResult<ReadOf<Model, T>, OptionsOf<P>, HasId<P>>;
  transformGetResult(params: { options: { $count: unknown } }, data: unknown): number;
  transformGetResult(params: { id: NonNullable<unknown> }, data: unknown): AnyRow | undefined;
  transformGetResult(params: object, data: unknown): AnyRow[];
}

/** `sdk.pine`: the pine client with every member of pinejs-client-core's client. */
export interface PinejsCompatibleClient<Model extends ModelShape<Model> = AnyModel>
  extends Omit<PineClient<Model>, 'clone'>, PineClientInternals<Model> {}

/** The settings a pinejs-compatible client is created from. */
export interface PinejsCompatibleClientConfig extends PineClientConfig {
  /** The client-wide retry setting (see `callWithRetry`); default `false`, no retries. */
  retry?: RetryParameters;
}
