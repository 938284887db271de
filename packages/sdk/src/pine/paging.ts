/**
 * Beyond the official client: `count` (a `$count` query resolving a number) and `iterate`
 * (an async iterator that pages through a collection with `$top`/`$skip` on a stable order).
 */
import type { IterateOptions, PineRequestOptions } from './client-types.js';
import type { RawParams } from './request.js';

/** Rows fetched per request by `iterate` when no page size is given. */
export const DEFAULT_PAGE_SIZE = 500;

/** The order `iterate` adds when the query has none, so that pages never overlap. */
export const DEFAULT_STABLE_ORDER = 'id asc';

type GetFn = (params: RawParams, requestOptions?: PineRequestOptions) => Promise<unknown>;

/**
 * Counts the rows of a resource, optionally filtered.
 *
 * @param get - the client's untyped get.
 * @param params - `resource` and optional `options.$filter`.
 * @param requestOptions - per-call `signal`, `headers`, `timeout`.
 * @returns the number of matching rows.
 * @throws {Error} when the response is not a number.
 * @example
 * await countRows(get, { resource: 'device', options: { $filter: { is_online: true } } }); // 3
 */
export async function countRows(
  get: GetFn,
  params: RawParams,
  requestOptions?: PineRequestOptions,
): Promise<number> {
  const { options, ...rest } = params;
  const result = await get({ ...rest, options: { $count: options ?? {} } }, requestOptions);
  if (typeof result !== 'number') {
    throw new Error(`Expected a number from a $count query, got: ${typeof result}`);
  }
  return result;
}

/**
 * Pages through every row of a query, one request per `pageSize` rows, until a short page.
 *
 * A `$top` in the query caps the total number of rows and a `$skip` sets where to start; when
 * the query has no `$orderby`, `id asc` is used so that rows are neither repeated nor skipped.
 *
 * @param get - the client's untyped get.
 * @param params - the query (without `id` or `$count`).
 * @param iterateOptions - `pageSize` plus per-call `signal`, `headers`, `timeout`.
 * @returns an async iterator over the rows.
 * @throws {Error} when `pageSize` is not a positive integer (on the first `next()`).
 * @example
 * for await (const device of iterateRows(get, { resource: 'device' }, { pageSize: 100 })) {}
 */
export async function* iterateRows(
  get: GetFn,
  params: RawParams,
  iterateOptions: IterateOptions = {},
): AsyncIterableIterator<unknown> {
  const { pageSize = DEFAULT_PAGE_SIZE, ...requestOptions } = iterateOptions;
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new Error(`pageSize must be a positive integer, got: ${pageSize}`);
  }
  const { $top, $skip, ...options } = (params.options ?? {}) as Record<string, unknown>;
  const limit = typeof $top === 'number' ? $top : Number.POSITIVE_INFINITY;
  let offset = typeof $skip === 'number' ? $skip : 0;
  if (options.$orderby == null) {
    options.$orderby = DEFAULT_STABLE_ORDER;
  }
  let yielded = 0;
  while (yielded < limit) {
    const wanted = Math.min(pageSize, limit - yielded);
    const pageOptions = { ...options, $top: wanted, $skip: offset };
    const page = (await get({ ...params, options: pageOptions }, requestOptions)) as unknown[];
    for (const row of page) {
      yield row;
    }
    yielded += page.length;
    offset += page.length;
    if (page.length < wanted) {
      return;
    }
  }
}
