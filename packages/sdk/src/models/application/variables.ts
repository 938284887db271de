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
import type { ApplicationVariableNamespaces } from './variable-types.js';

/** The per-fleet methods of one tag or variable kind, under the official names. */
function byApplication<T extends ResourceName>(resource: DependentResource<T>) {
  return {
    getAllByApplication: resource.getAllByParent,
    iterateAllByApplication: resource.iterateAllByParent,
    countAllByApplication: resource.countAllByParent,
    set: resource.set,
    remove: resource.remove,
  };
}

/** The same plus `get(fleet, name)` for variables. */
function variablesByApplication<T extends ResourceName>(resource: DependentResource<T>) {
  return {
    ...byApplication(resource),
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
export function createApplicationVariables(ctx: SdkModelContext): ApplicationVariableNamespaces {
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
