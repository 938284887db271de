/**
 * Fleet tags, configuration variables, environment variables and build variables: each built from
 * the shared dependent-resource builder and exposed under the official names.
 */
import {
  createDependentResource,
  type DependentResource,
} from '../../internal/dependent-resource.js';
import { APPLICATION_LOOKUP, resolveId } from '../../internal/ids.js';
import type { ResourceName } from '../../internal/collection.js';
import type { SdkModelContext } from '../index.js';

/** The per-fleet methods of one tag or variable kind, under the official names. */
function byApplication<T extends ResourceName>(resource: DependentResource<T>) {
  return {
    /**
     * Every entry of a fleet, ordered by key.
     *
     * @param slugOrUuidOrId - the fleet id, slug or uuid.
     * @param options - pine options merged with the defaults.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the entries.
     * @throws {BalenaApplicationNotFound} when the fleet does not exist.
     * @example
     * const vars = await sdk.models.application.envVar.getAllByApplication('myorg/myfleet');
     */
    getAllByApplication: resource.getAllByParent,
    /**
     * Pages through the entries of a fleet (the iterator sibling of `getAllByApplication`).
     *
     * @param slugOrUuidOrId - the fleet id, slug or uuid.
     * @param options - pine options merged with the defaults.
     * @param iterateOptions - `pageSize`, `signal`, `headers`, `timeout`.
     * @returns an async iterator over the entries.
     * @throws {BalenaApplicationNotFound} when the fleet does not exist.
     * @example
     * for await (const tag of sdk.models.application.tags.iterateAllByApplication(123)) console.log(tag.tag_key);
     */
    iterateAllByApplication: resource.iterateAllByParent,
    /**
     * Counts the entries of a fleet.
     *
     * @param slugOrUuidOrId - the fleet id, slug or uuid.
     * @param options - an optional `$filter`.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the number of entries.
     * @throws {BalenaApplicationNotFound} when the fleet does not exist.
     * @example
     * const n = await sdk.models.application.tags.countAllByApplication(123);
     */
    countAllByApplication: resource.countAllByParent,
    /**
     * Creates or updates one entry.
     *
     * @param slugOrUuidOrId - the fleet id, slug or uuid.
     * @param key - the tag key or variable name.
     * @param value - the value.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns nothing.
     * @throws {BalenaApplicationNotFound} when the fleet does not exist.
     * @throws {BalenaRequestError} when the API rejects the key or value.
     * @example
     * await sdk.models.application.tags.set('myorg/myfleet', 'owner', 'me');
     */
    set: resource.set,
    /**
     * Deletes one entry (no error when it does not exist).
     *
     * @param slugOrUuidOrId - the fleet id, slug or uuid.
     * @param key - the tag key or variable name.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns nothing.
     * @throws {BalenaApplicationNotFound} when the fleet does not exist.
     * @example
     * await sdk.models.application.tags.remove('myorg/myfleet', 'owner');
     */
    remove: resource.remove,
  };
}

/** The same plus `get(fleet, name)` for variables. */
function variablesByApplication<T extends ResourceName>(resource: DependentResource<T>) {
  return {
    ...byApplication(resource),
    /**
     * The value of one variable of a fleet.
     *
     * @param slugOrUuidOrId - the fleet id, slug or uuid.
     * @param key - the variable name.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the value, or `undefined` when the variable is not set.
     * @throws {BalenaApplicationNotFound} when the fleet does not exist.
     * @example
     * const value = await sdk.models.application.envVar.get('myorg/myfleet', 'VAR');
     */
    get: resource.get,
  };
}

/**
 * Builds `tags`, `configVar`, `envVar` and `buildVar` of `sdk.models.application`.
 *
 * @param ctx - the model context.
 * @returns the four namespaces.
 * @throws {Error} never at build time.
 * @example
 * const { tags, envVar } = createApplicationVariables(ctx);
 */
export function createApplicationVariables(ctx: SdkModelContext) {
  const { pine } = ctx;
  const getParentId = (parent: string | number, callOptions?: { signal?: AbortSignal }) =>
    resolveId(pine, APPLICATION_LOOKUP, parent, callOptions);
  const parent = { pine, parentField: 'application', getParentId };
  return {
    tags: byApplication(
      createDependentResource({ ...parent, resource: 'application_tag', keyField: 'tag_key' }),
    ),
    configVar: variablesByApplication(
      createDependentResource({
        ...parent,
        resource: 'application_config_variable',
        keyField: 'name',
      }),
    ),
    envVar: variablesByApplication(
      createDependentResource({
        ...parent,
        resource: 'application_environment_variable',
        keyField: 'name',
      }),
    ),
    buildVar: variablesByApplication(
      createDependentResource({
        ...parent,
        resource: 'build_environment_variable',
        keyField: 'name',
      }),
    ),
  };
}
