/**
 * The one builder for resources that hang off a parent by a key: tags (`tag_key`) and every kind
 * of variable (`name`) of applications, devices, releases and services.
 *
 * Wire behaviour (official SDK): reads order by the key; `set` POSTs `{parent, key, value}` and,
 * when the API answers 409 with "unique", PATCHes the existing row's `value`; `remove` DELETEs by
 * `$filter`. A numeric parent skips the lookup on `set`; when that POST fails, the parent is looked
 * up to surface its NotFound error instead of the API's. A parent whose id is already known
 * (`parentIds`) skips the lookup as well: when the POST fails, the id is looked up again and the
 * write retried once if it changed.
 */
import { isBalenaError } from '../errors/index.js';
import type { IdCache } from './id-cache.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../pine/index.js';
import {
  countCollection,
  getCollection,
  iterateCollection,
  untypedPine,
  type BalenaPine,
  type ResourceName,
  type ResourceOptions,
  type ResultRow,
} from './collection.js';

/** What a dependent resource is made of. */
export interface DependentResourceSpec<T extends ResourceName> {
  pine: BalenaPine;
  /** The resource, e.g. `application_tag`. */
  resource: T;
  /** The key field: `tag_key` for tags, `name` for variables. */
  keyField: string;
  /** The navigation field to the parent, e.g. `application`. */
  parentField: string;
  /** Resolves the caller's parent identifier to its id (throws the parent's NotFound error). */
  getParentId: (parent: string | number, callOptions?: PineRequestOptions) => Promise<number>;
  /** Ids already known for immutable parent identifiers (see `internal/id-cache.ts`). */
  parentIds?: IdCache;
}

/**
 * The operations of a dependent resource. Models expose them through interfaces of their own
 * (official method and parameter names, concrete option and row types).
 */
export interface DependentResource<T extends ResourceName> {
  /** Every row the caller can see, ordered by key. */
  getAll<const O extends ResourceOptions<T>>(
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ResultRow<T, O>>>;
  /** The rows of one parent, ordered by key. */
  getAllByParent<const O extends ResourceOptions<T>>(
    parent: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ResultRow<T, O>>>;
  /** Pages through the rows of one parent. */
  iterateAllByParent<const O extends ResourceOptions<T>>(
    parent: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<ResultRow<T, O>>;
  /** Counts the rows of one parent. */
  countAllByParent(
    parent: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;
  /** The value of one key, or `undefined`. */
  get(
    parent: string | number,
    key: string,
    callOptions?: PineRequestOptions,
  ): Promise<string | undefined>;
  /** Creates or updates one key. */
  set(
    parent: string | number,
    key: string,
    value: string,
    callOptions?: PineRequestOptions,
  ): Promise<void>;
  /** Deletes one key (no error when absent). */
  remove(parent: string | number, key: string, callOptions?: PineRequestOptions): Promise<void>;
}

/**
 * Builds the operations of a dependent resource.
 *
 * @param spec - the resource, its key and parent fields, and the parent resolver.
 * @returns the operations; models expose them under the official names
 * (`getAllByApplication` = `getAllByParent`, ...).
 * @throws {Error} never at build time; see each operation.
 * @example
 * const tags = createDependentResource({ pine, resource: 'application_tag', keyField: 'tag_key',
 *   parentField: 'application', getParentId: (app) => resolveId(pine, APPLICATION_LOOKUP, app) });
 * await tags.set('myorg/myapp', 'owner', 'me');
 */
export function createDependentResource<T extends ResourceName>(
  spec: DependentResourceSpec<T>,
): DependentResource<T> {
  const { pine, resource, keyField, parentField, getParentId, parentIds } = spec;
  const order = `${keyField} asc`;
  const byKey = (parentId: number, key: string): Filter => ({
    [parentField]: parentId,
    [keyField]: key,
  });
  // Upstream's key order: `$orderby` before `$filter`.
  const ofParent = async (parent: string | number, callOptions?: PineRequestOptions) => ({
    $orderby: order,
    $filter: { [parentField]: await getParentId(parent, callOptions) },
  });

  return {
    getAll: (options, callOptions) =>
      getCollection(pine, resource, { $orderby: order }, options, callOptions),

    getAllByParent: async (parent, options, callOptions) =>
      getCollection(pine, resource, await ofParent(parent, callOptions), options, callOptions),

    async *iterateAllByParent(parent, options, iterateOptions) {
      const defaults = await ofParent(parent, iterateOptions);
      yield* iterateCollection(pine, resource, defaults, options, iterateOptions);
    },

    countAllByParent: async (parent, options, callOptions) =>
      countCollection(pine, resource, await ofParent(parent, callOptions), options, callOptions),

    async get(parent, key, callOptions) {
      const parentId = await getParentId(parent, callOptions);
      const rows = await untypedPine(pine).get(
        { resource, options: { $select: 'value', $filter: byKey(parentId, key) } },
        callOptions,
      );
      const value = rows[0]?.value;
      return typeof value === 'string' ? value : undefined;
    },

    async set(parent, key, value, callOptions) {
      const knownId = typeof parent === 'string' ? parentIds?.get(parent) : undefined;
      const parentId =
        typeof parent === 'number' ? parent : (knownId ?? (await getParentId(parent, callOptions)));
      const upsert = (id: number) =>
        untypedPine(pine).upsert(
          {
            resource,
            id: { [parentField]: id, [keyField]: key },
            body: { value: String(value) },
          },
          callOptions,
        );
      try {
        await upsert(parentId);
      } catch (error) {
        if (!isBalenaError(error, 'BalenaRequestError')) throw error;
        if (typeof parent === 'number') {
          // The API hides rows the caller cannot see: report the missing parent, not the 401/400.
          await getParentId(parent, callOptions);
        } else if (knownId !== undefined) {
          // The known id may be stale (the parent was deleted): look it up as if it were unknown.
          parentIds?.delete(parent);
          const currentId = await getParentId(parent, callOptions);
          if (currentId !== knownId) {
            await upsert(currentId);
            return;
          }
        }
        throw error;
      }
    },

    async remove(parent, key, callOptions) {
      const parentId = await getParentId(parent, callOptions);
      await untypedPine(pine).delete(
        { resource, options: { $filter: byKey(parentId, key) } },
        callOptions,
      );
    },
  };
}
