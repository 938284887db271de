/**
 * Natural-key writes: `upsert` (POST, then PATCH when the API reports a unique-key conflict)
 * and `getOrCreate` (GET by natural key, then POST when nothing was found).
 */
import type { PineRequestOptions } from './client-types.js';
import { assertNoUrl, type RawParams } from './request.js';
import { isDate, isObjectLike } from './values.js';

/** The untyped operations the natural-key helpers are built on. */
export interface NaturalKeyOperations {
  get(params: RawParams, requestOptions?: PineRequestOptions): Promise<unknown>;
  post(params: RawParams, requestOptions?: PineRequestOptions): Promise<unknown>;
  patch(params: RawParams, requestOptions?: PineRequestOptions): Promise<unknown>;
}

const CONFLICT_STATUS = 409;

/** Whether an error is the API's answer to a unique-constraint violation (409 mentioning "unique"). */
function isUniqueKeyConflict(error: unknown): boolean {
  if (!isObjectLike(error)) {
    return false;
  }
  const { statusCode, body, message } = error as {
    statusCode?: unknown;
    body?: unknown;
    message?: unknown;
  };
  if (statusCode !== CONFLICT_STATUS) {
    return false;
  }
  const text = typeof body === 'string' ? body : body != null ? JSON.stringify(body) : message;
  return /unique/i.test(String(text));
}

/**
 * Creates a row, or updates the row with the same natural key when one already exists.
 *
 * Sends `POST <resource>` with `{ ...body, ...id }`; on a 409 unique-key conflict sends
 * `PATCH <resource>?$filter=<natural key>` (and-ed with any `$filter` given) with `body`.
 *
 * @param operations - the client's get/post/patch.
 * @param params - `resource`, the natural key as `id`, the other fields as `body`, optional `options`.
 * @param requestOptions - per-call `signal`, `headers`, `timeout`.
 * @returns the created row, or `undefined` when an existing row was updated.
 * @throws {Error} when `id` is not a non-empty object or `body` is missing; other API errors unchanged.
 * @example
 * await upsertByNaturalKey(ops, { resource: 'device_tag', id: { device: 1, tag_key: 'k' }, body: { value: 'v' } });
 */
export async function upsertByNaturalKey(
  operations: NaturalKeyOperations,
  params: RawParams,
  requestOptions?: PineRequestOptions,
): Promise<unknown> {
  assertNoUrl('upsert', params, 'please use a query object instead.');
  const { id, body, ...rest } = params;
  if (!isObjectLike(id)) {
    throw new Error('The id property must be an object');
  }
  if (Object.keys(id).length === 0) {
    throw new Error('The id property must be an object with the natural key of the model');
  }
  if (body == null) {
    throw new Error('The body property is missing');
  }
  try {
    return await operations.post({ ...rest, body: { ...body, ...id } }, requestOptions);
  } catch (error) {
    if (!isUniqueKeyConflict(error)) {
      throw error;
    }
    const options = (rest.options ?? undefined) as { $filter?: unknown } | undefined;
    const $filter = options?.$filter == null ? id : { $and: [options.$filter, id] };
    await operations.patch({ ...rest, options: { ...options, $filter }, body }, requestOptions);
    return undefined;
  }
}

/**
 * Reads the row with a natural key, creating it (with `{ ...id, ...body }`) when it is missing.
 *
 * @param operations - the client's get/post/patch.
 * @param params - `resource`, the natural key as `id`, the fields to create with as `body`.
 * @param requestOptions - per-call `signal`, `headers`, `timeout`.
 * @returns the existing or the created row.
 * @throws {Error} when `id` is not a non-empty object or `body` is missing; API errors unchanged.
 * @example
 * await getOrCreateByNaturalKey(ops, { resource: 'tag', id: { name: 'x' }, body: {} });
 */
export async function getOrCreateByNaturalKey(
  operations: NaturalKeyOperations,
  params: RawParams,
  requestOptions?: PineRequestOptions,
): Promise<unknown> {
  assertNoUrl('getOrCreate', params, 'please use a query object instead.');
  const { id, body, ...rest } = params;
  if (rest.resource?.endsWith('/$count')) {
    throw new Error('getOrCreate does not support $count on resources');
  }
  if (body == null) {
    throw new Error('The body property is missing');
  }
  if (!isObjectLike(id) || isDate(id) || Object.keys(id).length === 0) {
    throw new Error('The id property must be an object with the natural key of the model');
  }
  const existing = await operations.get({ ...rest, id }, requestOptions);
  if (existing != null) {
    return existing;
  }
  return operations.post({ ...rest, body: { ...id, ...body } }, requestOptions);
}
