/**
 * Service environment variables (`sdk.models.service.var`), built from the shared
 * dependent-resource builder.
 */
import type { ResourceOptions, ResultRow } from '../../internal/collection.js';
import { createDependentResource } from '../../internal/dependent-resource.js';
import { APPLICATION_LOOKUP, resolveId } from '../../internal/ids.js';
import { createParentListing } from '../../internal/parent-listing.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import { resolveServiceId, type ServiceIdOrNaturalKey } from './lookup.js';

/** Pine options of service variable reads. */
export type ServiceVarOptions = ResourceOptions<'service_environment_variable'>;
/** A service variable as narrowed by the options. */
export type ServiceVarRow<O> = ResultRow<'service_environment_variable', O>;

/**
 * The listings of the service variables of a fleet, as `createParentListing` builds them, declared with the official
 * parameter name and this resource's option and row types.
 */
export interface ServiceVarsOfFleet {
  getAll<const O extends ServiceVarOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ServiceVarRow<O>>>;
  iterateAll<const O extends ServiceVarOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<ServiceVarRow<O>>;
  countAll(
    slugOrUuidOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;
}

/**
 * Builds `sdk.models.service.var`.
 *
 * @param ctx - the model context.
 * @returns the variable methods.
 * @throws {Error} never at build time.
 * @example
 * const vars = createServiceVars(ctx);
 */
export function createServiceVars(ctx: SdkModelContext) {
  const { pine } = ctx;
  const vars = createDependentResource({
    pine,
    resource: 'service_environment_variable',
    keyField: 'name',
    parentField: 'service',
    getParentId: (service, callOptions) => resolveServiceId(pine, service, callOptions),
  });
  const parentOf = async (service: ServiceIdOrNaturalKey, callOptions?: PineRequestOptions) =>
    typeof service === 'number' ? service : await resolveServiceId(pine, service, callOptions);

  const byApplication: ServiceVarsOfFleet = createParentListing(
    pine,
    'service_environment_variable',
    async (fleet, callOptions) => {
      const id = await resolveId(pine, APPLICATION_LOOKUP, fleet, callOptions);
      return {
        $filter: { service: { $any: { $alias: 's', $expr: { s: { application: id } } } } },
        $orderby: 'name asc',
      };
    },
  );

  return {
    /**
     * Every variable of one service, ordered by name.
     *
     * @param idOrNaturalKey - the service id, or `{ application, service_name }`.
     * @param options - pine options merged with the defaults.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the variables.
     * @throws {BalenaServiceNotFound} when the service does not exist.
     * @example
     * const vars = await sdk.models.service.var.getAllByService({ application: 'myorg/fleet', service_name: 'main' });
     */
    async getAllByService<const O extends ServiceVarOptions = Record<never, never>>(
      idOrNaturalKey: ServiceIdOrNaturalKey,
      options?: O,
      callOptions?: PineRequestOptions,
    ): Promise<Array<ServiceVarRow<O>>> {
      const id = await resolveServiceId(pine, idOrNaturalKey, callOptions);
      return await vars.getAllByParent(id, options, callOptions);
    },

    /**
     * Every service variable of a fleet, ordered by name.
     *
     * @param slugOrUuidOrId - the fleet id, slug or uuid.
     * @param options - pine options merged with the defaults.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the variables.
     * @throws {BalenaApplicationNotFound} when the fleet does not exist.
     * @example
     * const vars = await sdk.models.service.var.getAllByApplication('myorg/fleet');
     */
    getAllByApplication: byApplication.getAll,

    /**
     * Pages through the service variables of a fleet (the iterator sibling of `getAllByApplication`).
     *
     * @param slugOrUuidOrId - the fleet id, slug or uuid.
     * @param options - pine options merged with the defaults.
     * @param iterateOptions - `pageSize`, `signal`, `headers`, `timeout`.
     * @returns an async iterator over the variables.
     * @throws {BalenaApplicationNotFound} when the fleet does not exist.
     * @example
     * for await (const v of sdk.models.service.var.iterateAllByApplication(123)) console.log(v.name);
     */
    iterateAllByApplication: byApplication.iterateAll,

    /**
     * Counts the service variables of a fleet.
     *
     * @param slugOrUuidOrId - the fleet id, slug or uuid.
     * @param options - an optional `$filter`.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the number of variables.
     * @throws {BalenaApplicationNotFound} when the fleet does not exist.
     * @example
     * const n = await sdk.models.service.var.countAllByApplication(123);
     */
    countAllByApplication: byApplication.countAll,

    /**
     * The value of one variable of a service, or `undefined`.
     *
     * @param idOrNaturalKey - the service id, or `{ application, service_name }`.
     * @param key - the variable name.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the value, or `undefined` when the variable is not set.
     * @throws {BalenaServiceNotFound} when the service does not exist.
     * @example
     * const level = await sdk.models.service.var.get(42, 'LOG_LEVEL');
     */
    async get(
      idOrNaturalKey: ServiceIdOrNaturalKey,
      key: string,
      callOptions?: PineRequestOptions,
    ): Promise<string | undefined> {
      const id = await resolveServiceId(pine, idOrNaturalKey, callOptions);
      return await vars.get(id, key, callOptions);
    },

    /**
     * Creates or updates one variable of a service.
     *
     * @param idOrNaturalKey - the service id, or `{ application, service_name }`.
     * @param key - the variable name.
     * @param value - the value.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns nothing.
     * @throws {BalenaServiceNotFound} when the service does not exist.
     * @throws {BalenaRequestError} when the API rejects the name or value.
     * @example
     * await sdk.models.service.var.set(42, 'LOG_LEVEL', 'debug');
     */
    async set(
      idOrNaturalKey: ServiceIdOrNaturalKey,
      key: string,
      value: string,
      callOptions?: PineRequestOptions,
    ): Promise<void> {
      await vars.set(await parentOf(idOrNaturalKey, callOptions), key, value, callOptions);
    },

    /**
     * Deletes one variable of a service (no error when it is not set).
     *
     * @param idOrNaturalKey - the service id, or `{ application, service_name }`.
     * @param key - the variable name.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns nothing.
     * @throws {BalenaServiceNotFound} when the service does not exist.
     * @example
     * await sdk.models.service.var.remove(42, 'LOG_LEVEL');
     */
    async remove(
      idOrNaturalKey: ServiceIdOrNaturalKey,
      key: string,
      callOptions?: PineRequestOptions,
    ): Promise<void> {
      await vars.remove(await parentOf(idOrNaturalKey, callOptions), key, callOptions);
    },
  };
}
