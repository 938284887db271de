/**
 * Typed read helpers for code that is generic in its pine options (model methods such as
 * `device.get(uuidOrId, options)`): the result type is stated once, here, so callers need no casts.
 */
import type { PineClient } from './client-interface.js';
import type { PineRequestOptions, ReadOf } from './client-types.js';
import type {
  AnyModel,
  ModelShape,
  ODataOptionsWithoutCount,
  ResourceId,
  StringKeyOf,
} from './query-types.js';
import type { RowResult } from './result-types.js';

/** A client whose `get` accepts any params; the helpers below restore the precise types. */
type LooseGet = (params: object, requestOptions?: PineRequestOptions) => Promise<unknown>;

/**
 * Reads one row by primary or natural key, typed by the options' generic type.
 *
 * @param pine - the pine client.
 * @param resource - the resource name.
 * @param id - the primary key or a natural key object.
 * @param options - the query options (typically `mergePineOptions(defaults, callerOptions)`).
 * @param requestOptions - `signal`, `headers`, `timeout` for this call.
 * @returns the row narrowed by `$select`/`$expand`, or `undefined` when there is none.
 * @throws {Error} for an invalid query; API errors from the transport unchanged.
 * @example
 * const device = await getOne(pine, 'device', { uuid }, mergePineOptions({ $select: 'id' }, options));
 */
export async function getOne<
  Model extends ModelShape<Model> = AnyModel,
  T extends StringKeyOf<Model> = StringKeyOf<Model>,
  const O extends ODataOptionsWithoutCount<ReadOf<Model, T>> = Record<never, never>,
>(
  pine: PineClient<Model>,
  resource: T,
  id: ResourceId<ReadOf<Model, T>>,
  options?: O,
  requestOptions?: PineRequestOptions,
): Promise<RowResult<ReadOf<Model, T>, O> | undefined> {
  const get = pine.get as unknown as LooseGet;
  const row = await get(
    options == null ? { resource, id } : { resource, id, options },
    requestOptions,
  );
  return row as RowResult<ReadOf<Model, T>, O> | undefined;
}

/**
 * Reads every row matching the options, typed by the options' generic type.
 *
 * @param pine - the pine client.
 * @param resource - the resource name.
 * @param options - the query options (typically `mergePineOptions(defaults, callerOptions)`).
 * @param requestOptions - `signal`, `headers`, `timeout` for this call.
 * @returns the rows narrowed by `$select`/`$expand`.
 * @throws {Error} for an invalid query; API errors from the transport unchanged.
 * @example
 * const tags = await getMany(pine, 'device_tag', mergePineOptions({ $orderby: 'tag_key asc' }, options));
 */
export async function getMany<
  Model extends ModelShape<Model> = AnyModel,
  T extends StringKeyOf<Model> = StringKeyOf<Model>,
  const O extends ODataOptionsWithoutCount<ReadOf<Model, T>> = Record<never, never>,
>(
  pine: PineClient<Model>,
  resource: T,
  options?: O,
  requestOptions?: PineRequestOptions,
): Promise<Array<RowResult<ReadOf<Model, T>, O>>> {
  const get = pine.get as unknown as LooseGet;
  const rows = await get(options == null ? { resource } : { resource, options }, requestOptions);
  return rows as Array<RowResult<ReadOf<Model, T>, O>>;
}
