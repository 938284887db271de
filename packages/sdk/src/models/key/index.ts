/**
 * `sdk.models.key`: the caller's SSH public keys (resource `user__has__public_key`).
 */
import { BalenaInvalidParameterError, BalenaKeyNotFound } from '../../errors/index.js';
import {
  countCollection,
  getCollection,
  getSingle,
  iterateCollection,
  postRow,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import { checkId } from '../../internal/ids.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';

const RESOURCE = 'user__has__public_key';

/** Pine options of SSH key reads. */
export type KeyOptions = ResourceOptions<typeof RESOURCE>;
/** An SSH key row as narrowed by the options. */
export type KeyRow<O> = ResultRow<typeof RESOURCE, O>;

/**
 * Builds `sdk.models.key`.
 *
 * @param ctx - the model context.
 * @returns the SSH key methods.
 * @throws {Error} never at build time.
 * @example
 * const key = createKeyModel(ctx);
 */
export function createKeyModel(ctx: SdkModelContext) {
  const { pine } = ctx;

  /**
   * Every SSH key of the caller.
   *
   * @param options - pine options, sent as given.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the keys.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const keys = await sdk.models.key.getAll({ $select: ['id', 'title'] });
   */
  function getAll<const O extends KeyOptions = Record<never, never>>(
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<KeyRow<O>>> {
    return getCollection(pine, RESOURCE, {}, options, callOptions);
  }

  /**
   * Pages through the SSH keys of the caller (extra of this SDK).
   *
   * @param options - pine options, sent with each page.
   * @param iterateOptions - `pageSize` and `signal`, `headers`, `timeout`.
   * @returns an async iterator over the keys.
   * @throws {BalenaRequestError} when a page fails.
   * @example
   * for await (const key of sdk.models.key.iterateAll({ $select: 'title' })) console.log(key.title);
   */
  function iterateAll<const O extends KeyOptions = Record<never, never>>(
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<KeyRow<O>> {
    return iterateCollection(pine, RESOURCE, {}, options, iterateOptions);
  }

  /**
   * Counts the SSH keys of the caller (extra of this SDK).
   *
   * @param options - an optional `$filter`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the count.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const n = await sdk.models.key.countAll();
   */
  function countAll(
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number> {
    return countCollection(pine, RESOURCE, {}, options, callOptions);
  }

  /**
   * One SSH key by id.
   *
   * @param id - the key id.
   * @param options - pine options.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the key.
   * @throws {BalenaInvalidParameterError} when `id` is not an id.
   * @throws {BalenaKeyNotFound} when there is no such key.
   * @example
   * const key = await sdk.models.key.get(5);
   */
  async function get<const O extends KeyOptions = Record<never, never>>(
    id: number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<KeyRow<O>> {
    const row = await getSingle(pine, RESOURCE, checkId(id, 'id'), {}, options, callOptions);
    if (row === undefined) throw new BalenaKeyNotFound(id);
    return row;
  }

  /**
   * Deletes an SSH key.
   *
   * @param id - the key id.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when `id` is not an id.
   * @example
   * await sdk.models.key.remove(5);
   */
  async function remove(id: number, callOptions?: PineRequestOptions): Promise<void> {
    await pine.delete({ resource: RESOURCE, id: checkId(id, 'id') }, callOptions);
  }

  /**
   * Adds an SSH public key to the caller's account.
   *
   * @param title - a name for the key.
   * @param key - the public key text (surrounding whitespace is trimmed).
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the created key.
   * @throws {BalenaInvalidParameterError} when `title` or `key` is empty.
   * @throws {BalenaNotLoggedIn} when not logged in as a user.
   * @example
   * await sdk.models.key.create('laptop', 'ssh-ed25519 AAAA... me@laptop');
   */
  async function create(title: string, key: string, callOptions?: PineRequestOptions) {
    if (typeof title !== 'string' || title.length === 0) {
      throw new BalenaInvalidParameterError('title', title);
    }
    const publicKey = typeof key === 'string' ? key.trim() : '';
    if (publicKey.length === 0) throw new BalenaInvalidParameterError('key', key);
    const { id: user } = await ctx.auth.getUserInfo(callOptions);
    return postRow(pine, RESOURCE, { title, public_key: publicKey, user }, callOptions);
  }

  return { getAll, iterateAll, countAll, get, remove, create };
}
