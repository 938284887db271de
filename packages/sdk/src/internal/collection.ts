/**
 * Typed collection queries shared by the models: read (`getAll...`), page through
 * (`iterateAll...`) and count (`countAll...`) the rows of a resource with the caller's pine
 * options merged into the method's defaults.
 *
 * Naming convention of the collection extras (beyond the official SDK): every collection method
 * `getAllX(parent?, options?, callOptions?)` has two siblings built from the same defaults here:
 * `iterateAllX(parent?, options?, iterateOptions?)`, an async iterator paging with `$top`/`$skip`,
 * and `countAllX(parent?, options?, callOptions?)`, a `$count` query honouring `options.$filter`.
 *
 * Defaults may only filter and order (never `$select`/`$expand`), so a result row's type is fully
 * determined by the caller's options: this is the one place where that is stated to the compiler.
 */
import type {
  AnyModel,
  Filter,
  IterateOptions,
  ODataOptionsWithoutCount,
  OrderByOption,
  PineClient,
  PineRequestOptions,
  ReadOf,
  ResourceId,
  RowResult,
  StringKeyOf,
} from '../pine/index.js';
import type BalenaModel from '../types/v7.generated.js';
import { mergePineOptions, type MergeableOptions } from '../utils/merge-pine-options.js';

/** A resource name of the v7 model. */
export type ResourceName = StringKeyOf<BalenaModel>;
/** The full row type of a resource. */
export type ResourceRow<T extends ResourceName> = ReadOf<BalenaModel, T>;
/** The pine options a resource accepts. */
export type ResourceOptions<T extends ResourceName> = ODataOptionsWithoutCount<ResourceRow<T>>;
/** A result row of a resource for the given options. */
export type ResultRow<T extends ResourceName, O> = RowResult<ResourceRow<T>, O>;
/** The SDK's typed pine client. */
export type BalenaPine = PineClient<BalenaModel>;

/** Method defaults that only filter, order and limit, so they never change the row type. */
export interface FilterOrderDefaults {
  $filter?: Filter;
  $orderby?: OrderByOption<never>;
  /** A default page size (e.g. 1 for "latest"); the caller's `$top` wins. */
  $top?: number;
}

/**
 * The same client, untyped: for the generic helpers whose resource and field names are only
 * known at run time (tags and variables, batches). Results are re-typed by the callers.
 *
 * @param pine - the SDK's pine client.
 * @returns the client typed against any model.
 * @example
 * await untypedPine(pine).post({ resource: 'application_tag', body: { application: 1, tag_key: 'k', value: 'v' } });
 */
export function untypedPine(pine: BalenaPine): PineClient<AnyModel> {
  return pine as unknown as PineClient<AnyModel>;
}

/**
 * Reads the rows of a resource matching the method's defaults and the caller's options.
 *
 * @param pine - the pine client.
 * @param resource - the resource name.
 * @param defaults - the method's `$filter`/`$orderby`.
 * @param options - the caller's pine options (they shape the result type).
 * @param callOptions - `signal`, `headers`, `timeout` for this call.
 * @returns the rows, narrowed by the caller's `$select`/`$expand`.
 * @throws {Error} for an invalid query; API errors from the transport unchanged.
 * @example
 * const apps = await getCollection(pine, 'application', { $orderby: 'app_name asc' }, { $select: 'id' });
 */
export async function getCollection<T extends ResourceName, const O extends ResourceOptions<T>>(
  pine: BalenaPine,
  resource: T,
  defaults: FilterOrderDefaults,
  options?: O,
  callOptions?: PineRequestOptions,
): Promise<Array<ResultRow<T, O>>> {
  const rows = await untypedPine(pine).get(
    { resource, options: mergeDefaults(defaults, options) },
    callOptions,
  );
  return rows as Array<ResultRow<T, O>>;
}

/**
 * Pages through the rows of a resource matching the defaults and the caller's options.
 *
 * @param pine - the pine client.
 * @param resource - the resource name.
 * @param defaults - the method's `$filter`/`$orderby` (the order keeps pages stable).
 * @param options - the caller's pine options (a `$top` caps the total).
 * @param iterateOptions - `pageSize` (default 500) and `signal`, `headers`, `timeout`.
 * @returns an async iterator over the rows, narrowed like {@link getCollection}'s.
 * @throws {Error} when `pageSize` is not a positive integer; API errors while paging.
 * @example
 * for await (const app of iterateCollection(pine, 'application', {}, { $select: 'id' })) console.log(app.id);
 */
export function iterateCollection<T extends ResourceName, const O extends ResourceOptions<T>>(
  pine: BalenaPine,
  resource: T,
  defaults: FilterOrderDefaults,
  options?: O,
  iterateOptions?: IterateOptions,
): AsyncIterableIterator<ResultRow<T, O>> {
  const rows = untypedPine(pine).iterate(
    { resource, options: withStableOrder(mergeDefaults(defaults, options)) },
    iterateOptions,
  );
  return rows as AsyncIterableIterator<ResultRow<T, O>>;
}

/**
 * Counts the rows of a resource matching the defaults' and the caller's `$filter`.
 *
 * @param pine - the pine client.
 * @param resource - the resource name.
 * @param defaults - the method's `$filter` (`$orderby` is ignored).
 * @param options - the caller's options; only `$filter` counts.
 * @param callOptions - `signal`, `headers`, `timeout` for this call.
 * @returns the number of matching rows.
 * @throws {Error} for an invalid filter; API errors from the transport unchanged.
 * @example
 * const n = await countCollection(pine, 'application_tag', { $filter: { application: 5 } });
 */
export async function countCollection<T extends ResourceName>(
  pine: BalenaPine,
  resource: T,
  defaults: FilterOrderDefaults,
  options?: { $filter?: Filter },
  callOptions?: PineRequestOptions,
): Promise<number> {
  const filters = [defaults.$filter, options?.$filter].filter((filter) => filter !== undefined);
  const $filter = filters.length > 1 ? { $and: filters } : filters[0];
  return untypedPine(pine).count(
    { resource, options: $filter === undefined ? {} : { $filter } },
    callOptions,
  );
}

/**
 * Reads one row by primary or natural key with the caller's options (and a default `$filter`).
 *
 * @param pine - the pine client.
 * @param resource - the resource name.
 * @param id - the primary key or natural key object.
 * @param defaults - a `$filter` the row must also match.
 * @param options - the caller's pine options.
 * @param callOptions - `signal`, `headers`, `timeout` for this call.
 * @returns the row, or `undefined`.
 * @throws {Error} for an invalid query; API errors from the transport unchanged.
 * @example
 * const app = await getSingle(pine, 'application', 5, {}, { $select: 'slug' });
 */
export async function getSingle<T extends ResourceName, const O extends ResourceOptions<T>>(
  pine: BalenaPine,
  resource: T,
  id: ResourceId,
  defaults: FilterOrderDefaults,
  options?: O,
  callOptions?: PineRequestOptions,
): Promise<ResultRow<T, O> | undefined> {
  const row = await untypedPine(pine).get(
    { resource, id, options: mergeDefaults(defaults, options) },
    callOptions,
  );
  return row as ResultRow<T, O> | undefined;
}

/**
 * Merges the caller's options into a method's fixed options for the wire, keeping the fixed
 * options' type for the result: for methods whose result shape is theirs (e.g. a fixed `$expand`),
 * where the caller's options may only add fields or filters.
 *
 * @param shape - the method's options, which type the result.
 * @param extra - the caller's options.
 * @returns the merged options, typed as `shape`.
 * @example
 * const options = withExtraOptions({ $expand: { owns__device: {} } }, { $select: 'id' });
 */
export function withExtraOptions<const S extends object>(shape: S, extra?: object): S {
  return mergeDefaults(shape, extra) as S;
}

/**
 * The caller's options with a method's `$filter` and-ed in, typed as the caller's options. Upstream
 * merges a listing's filter into the caller's options before the listing's order, so on the wire
 * the filter follows the caller's `$select`: pass the result as `options` with the order as
 * `defaults` to send the same query string.
 *
 * @param options - the caller's pine options (they type the result rows).
 * @param $filter - the method's filter.
 * @returns the merged options.
 * @example
 * getCollection(pine, 'device', { $orderby: 'device_name asc' }, withMethodFilter(options, { belongs_to__application: 5 }));
 */
export function withMethodFilter<const O extends object>(
  options: O | undefined,
  $filter: Filter,
): O {
  return mergeDefaults({ $filter }, options) as O;
}

/**
 * Creates a row from a body the API accepts beyond the model's write type (an e-mail string as
 * `invitee`, a `username` instead of `user`).
 *
 * @param pine - the pine client.
 * @param resource - the resource name.
 * @param body - the request body.
 * @param callOptions - `signal`, `headers`, `timeout` for this call.
 * @returns the created row as the API returns it.
 * @throws {BalenaRequestError} when the API rejects the row.
 * @example
 * await postRow(pine, 'application_invite', { invitee: 'bob@example.com', is_invited_to__application: 5 });
 */
export async function postRow<T extends ResourceName>(
  pine: BalenaPine,
  resource: T,
  body: object,
  callOptions?: PineRequestOptions,
): Promise<ResultRow<T, Record<never, never>>> {
  const row = await untypedPine(pine).post({ resource, body: { ...body } }, callOptions);
  return row as ResultRow<T, Record<never, never>>;
}

/**
 * `mergePineOptions` of the method's defaults and the caller's options, as untyped query options
 * (for reads whose result shape the method fixes itself, through {@link untypedPine}).
 *
 * @param defaults - the method's options.
 * @param options - the caller's options.
 * @returns the merged options.
 * @example
 * const options = mergeDefaults({ $expand: { release_image: {} } }, callerOptions);
 */
export function mergeDefaults(defaults: object, options?: object): ODataOptionsWithoutCount {
  return mergePineOptions<MergeableOptions, MergeableOptions>(
    defaults,
    options,
  ) as ODataOptionsWithoutCount;
}

/** Adds `id asc` after the query's order so that rows with equal sort keys never swap pages. */
function withStableOrder<O extends { $orderby?: unknown }>(options: O): O {
  const order = options.$orderby;
  if (order == null) {
    return options;
  }
  const list = Array.isArray(order) ? order : [order];
  return { ...options, $orderby: [...list, 'id asc'] };
}
