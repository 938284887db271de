/**
 * Device tags, configuration variables and environment variables: built from the shared
 * dependent-resource builder, plus the per-fleet listings (`getAllByApplication`).
 */
import {
  countCollection,
  getCollection,
  iterateCollection,
  withMethodFilter,
  type ResourceName,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import {
  createDependentResource,
  type DependentResource,
} from '../../internal/dependent-resource.js';
import type { IdCache } from '../../internal/id-cache.js';
import { APPLICATION_LOOKUP, DEVICE_LOOKUP, resolveId } from '../../internal/ids.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import type {
  ByFleetOfDevice,
  DeviceVariableNamespaces,
  DeviceVariables,
} from './variable-types.js';

type DeviceDependent = 'device_tag' | 'device_config_variable' | 'device_environment_variable';

/**
 * The per-fleet listings of a device tag or variable resource (rows of every device of a fleet).
 *
 * @param ctx - the model context.
 * @param resource - the resource.
 * @param keyField - the key the rows are ordered by.
 * @returns `getAllByApplication`, `iterateAllByApplication`, `countAllByApplication`.
 * @example
 * const { getAllByApplication } = byFleetOfDevice(ctx, 'device_tag', 'tag_key');
 */
function byFleetOfDevice<T extends ResourceName>(
  ctx: SdkModelContext,
  resource: T,
  keyField: string,
): ByFleetOfDevice<T> {
  const order = { $orderby: `${keyField} asc` };
  const ofFleet = async (fleet: string | number, callOptions?: PineRequestOptions) => {
    const id = await resolveId(ctx.pine, APPLICATION_LOOKUP, fleet, callOptions);
    const $filter: Filter = {
      device: { $any: { $alias: 'd', $expr: { d: { belongs_to__application: id } } } },
    };
    return $filter;
  };
  return {
    async getAllByApplication<const O extends ResourceOptions<T>>(
      slugOrUuidOrId: string | number,
      options?: O,
      callOptions?: PineRequestOptions,
    ): Promise<Array<ResultRow<T, O>>> {
      const $filter = await ofFleet(slugOrUuidOrId, callOptions);
      return getCollection(
        ctx.pine,
        resource,
        order,
        withMethodFilter(options, $filter),
        callOptions,
      );
    },
    async *iterateAllByApplication<const O extends ResourceOptions<T>>(
      slugOrUuidOrId: string | number,
      options?: O,
      iterateOptions?: IterateOptions,
    ): AsyncIterableIterator<ResultRow<T, O>> {
      const $filter = await ofFleet(slugOrUuidOrId, iterateOptions);
      const inFleet = withMethodFilter(options, $filter);
      yield* iterateCollection(ctx.pine, resource, order, inFleet, iterateOptions);
    },
    async countAllByApplication(
      slugOrUuidOrId: string | number,
      options?: { $filter?: Filter },
      callOptions?: PineRequestOptions,
    ): Promise<number> {
      const $filter = await ofFleet(slugOrUuidOrId, callOptions);
      return countCollection(ctx.pine, resource, { $filter }, options, callOptions);
    },
  };
}

/** The per-device methods of one tag or variable kind, under the official names. */
function byDevice<T extends ResourceName>(resource: DependentResource<T>) {
  return {
    getAllByDevice: resource.getAllByParent,
    iterateAllByDevice: resource.iterateAllByParent,
    countAllByDevice: resource.countAllByParent,
    set: resource.set,
    remove: resource.remove,
  };
}

/**
 * Builds `tags`, `configVar` and `envVar` of `sdk.models.device`.
 *
 * @param ctx - the model context.
 * @param deviceIds - device ids already known by uuid: `set` skips the lookup for them.
 * @returns the three namespaces.
 * @throws {Error} never at build time.
 * @example
 * const { tags, envVar } = createDeviceVariables(ctx, createIdCache(ctx.pubsub));
 */
export function createDeviceVariables(
  ctx: SdkModelContext,
  deviceIds: IdCache,
): DeviceVariableNamespaces {
  const getParentId = async (parent: string | number, callOptions?: PineRequestOptions) => {
    const id = await resolveId(ctx.pine, DEVICE_LOOKUP, parent, callOptions);
    if (typeof parent === 'string') deviceIds.set(parent, id);
    return id;
  };
  const build = <T extends DeviceDependent>(resource: T, keyField: string) => {
    const dependent = createDependentResource({
      pine: ctx.pine,
      resource,
      keyField,
      parentField: 'device',
      getParentId,
      parentIds: deviceIds,
    });
    return { dependent, fleet: byFleetOfDevice(ctx, resource, keyField) };
  };
  const variables = <T extends DeviceDependent>(resource: T): DeviceVariables<T> => {
    const { dependent, fleet } = build(resource, 'name');
    return {
      ...byDevice(dependent),
      ...fleet,
      get: dependent.get,
    };
  };
  const tags = build('device_tag', 'tag_key');
  return {
    tags: { ...byDevice(tags.dependent), ...tags.fleet },
    configVar: variables('device_config_variable'),
    envVar: variables('device_environment_variable'),
  };
}
