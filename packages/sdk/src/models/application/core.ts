/**
 * Reading fleets: `get`, `getAll`, `getAppByName`, `has`, `hasAny`, the "directly accessible"
 * variants, `getDashboardUrl`, `_getId`, and the iterate/count extras of `getAll`.
 */
import {
  BalenaAmbiguousApplication,
  BalenaApplicationNotFound,
  BalenaInvalidParameterError,
  isBalenaError,
} from '../../errors/index.js';
import {
  countCollection,
  getCollection,
  iterateCollection,
  type FilterOrderDefaults,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import { APPLICATION_LOOKUP, findOne, isId, resolveId } from '../../internal/ids.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';

/** Pine options of application reads. */
export type ApplicationOptions = ResourceOptions<'application'>;
/** An application row as narrowed by the options. */
export type ApplicationRow<O> = ResultRow<'application', O>;
/** Restricts reads to fleets the user can reach directly (membership), not only through public access. */
export type ApplicationContext = 'directly_accessible';
/** A fleet identifier: id, slug (`org/name`) or uuid. */
export type SlugOrUuidOrId = string | number;

export const BY_NAME: FilterOrderDefaults = { $orderby: 'app_name asc' };

/** `is_directly_accessible_by__user/any(dau:1 eq 1)`. */
export const DIRECTLY_ACCESSIBLE: Filter = {
  is_directly_accessible_by__user: { $any: { $alias: 'dau', $expr: { 1: 1 } } },
};

/** Adds the "directly accessible" condition to a method's filter; `$filter` goes first, as upstream. */
function withContext(
  defaults: FilterOrderDefaults,
  context?: ApplicationContext,
): FilterOrderDefaults {
  if (context !== 'directly_accessible') return defaults;
  const { $filter, ...rest } = defaults;
  return { $filter: { ...filterObject($filter), ...filterObject(DIRECTLY_ACCESSIBLE) }, ...rest };
}

function filterObject(filter: Filter | undefined): object {
  if (filter == null) return {};
  return typeof filter === 'object' && !Array.isArray(filter) ? filter : { $and: [filter] };
}

/**
 * Builds the read methods of `sdk.models.application`.
 *
 * @param ctx - the model context.
 * @returns the read methods.
 * @throws {Error} never at build time.
 * @example
 * const core = createApplicationCore(ctx);
 */
export function createApplicationCore(ctx: SdkModelContext) {
  const { pine } = ctx;

  /**
   * Every fleet the caller can read, ordered by name.
   *
   * @param options - pine options merged with the defaults.
   * @param context - `'directly_accessible'` to leave out fleets reachable only as public.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the fleets.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const fleets = await sdk.models.application.getAll({ $select: ['id', 'slug'] });
   */
  function getAll<const O extends ApplicationOptions = Record<never, never>>(
    options?: O,
    context?: ApplicationContext,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ApplicationRow<O>>> {
    return getCollection(pine, 'application', withContext(BY_NAME, context), options, callOptions);
  }

  /**
   * Pages through every fleet the caller can read (the async-iterator sibling of `getAll`).
   *
   * @param options - pine options merged with the defaults.
   * @param context - `'directly_accessible'` to leave out fleets reachable only as public.
   * @param iterateOptions - `pageSize` and `signal`, `headers`, `timeout`.
   * @returns an async iterator over the fleets.
   * @throws {BalenaRequestError} when the API fails while paging.
   * @example
   * for await (const fleet of sdk.models.application.iterateAll({ $select: 'slug' })) console.log(fleet.slug);
   */
  function iterateAll<const O extends ApplicationOptions = Record<never, never>>(
    options?: O,
    context?: ApplicationContext,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<ApplicationRow<O>> {
    return iterateCollection(
      pine,
      'application',
      withContext(BY_NAME, context),
      options,
      iterateOptions,
    );
  }

  /**
   * Counts the fleets the caller can read (the count sibling of `getAll`).
   *
   * @param options - an optional `$filter`.
   * @param context - `'directly_accessible'` to leave out fleets reachable only as public.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the number of fleets.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const n = await sdk.models.application.countAll();
   */
  function countAll(
    options?: { $filter?: Filter },
    context?: ApplicationContext,
    callOptions?: PineRequestOptions,
  ): Promise<number> {
    return countCollection(pine, 'application', withContext({}, context), options, callOptions);
  }

  /**
   * Every fleet the caller reaches directly (not only as a public fleet).
   *
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the fleets, ordered by name.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const mine = await sdk.models.application.getAllDirectlyAccessible({ $select: 'slug' });
   */
  function getAllDirectlyAccessible<const O extends ApplicationOptions = Record<never, never>>(
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ApplicationRow<O>>> {
    return getAll(options, 'directly_accessible', callOptions);
  }

  /**
   * One fleet by id, slug or uuid (strings are matched lower-cased).
   *
   * @param slugOrUuidOrId - the fleet id, slug (`org/name`) or uuid.
   * @param options - pine options.
   * @param context - `'directly_accessible'` to leave out fleets reachable only as public.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the fleet.
   * @throws {BalenaApplicationNotFound} when no fleet matches.
   * @throws {BalenaAmbiguousApplication} when a string matches several fleets.
   * @throws {BalenaInvalidParameterError} for an empty or non string/number identifier.
   * @example
   * const fleet = await sdk.models.application.get('myorg/myfleet', { $select: ['id', 'uuid'] });
   */
  function get<const O extends ApplicationOptions = Record<never, never>>(
    slugOrUuidOrId: SlugOrUuidOrId,
    options?: O,
    context?: ApplicationContext,
    callOptions?: PineRequestOptions,
  ): Promise<ApplicationRow<O>> {
    const scope = context === 'directly_accessible' ? DIRECTLY_ACCESSIBLE : undefined;
    return findOne(pine, APPLICATION_LOOKUP, slugOrUuidOrId, options, callOptions, scope);
  }

  /**
   * One fleet the caller reaches directly, by id, slug or uuid.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - pine options.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the fleet.
   * @throws {BalenaApplicationNotFound} when no directly accessible fleet matches.
   * @throws {BalenaInvalidParameterError} for an empty or non string/number identifier.
   * @example
   * const fleet = await sdk.models.application.getDirectlyAccessible('myorg/myfleet');
   */
  function getDirectlyAccessible<const O extends ApplicationOptions = Record<never, never>>(
    slugOrUuidOrId: SlugOrUuidOrId,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<ApplicationRow<O>> {
    return get(slugOrUuidOrId, options, 'directly_accessible', callOptions);
  }

  /**
   * One fleet by its name (not slug).
   *
   * @param appName - the fleet name.
   * @param options - pine options.
   * @param context - `'directly_accessible'` to leave out fleets reachable only as public.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the fleet.
   * @throws {BalenaApplicationNotFound} when no fleet has that name.
   * @throws {BalenaAmbiguousApplication} when several fleets (of different organizations) do.
   * @throws {BalenaInvalidParameterError} when `appName` is not a non-empty string.
   * @example
   * const fleet = await sdk.models.application.getAppByName('myfleet', { $select: 'slug' });
   */
  async function getAppByName<const O extends ApplicationOptions = Record<never, never>>(
    appName: string,
    options?: O,
    context?: ApplicationContext,
    callOptions?: PineRequestOptions,
  ): Promise<ApplicationRow<O>> {
    if (typeof appName !== 'string' || appName.length === 0) {
      throw new BalenaInvalidParameterError('appName', appName);
    }
    const defaults = withContext({ $filter: { app_name: appName } }, context);
    const fleets = await getCollection(pine, 'application', defaults, options, callOptions);
    if (fleets.length === 0) throw new BalenaApplicationNotFound(appName);
    if (fleets.length > 1) throw new BalenaAmbiguousApplication(appName);
    return fleets[0];
  }

  /**
   * Tells whether a fleet exists (and the caller can read it).
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns true when it exists.
   * @throws {BalenaInvalidParameterError} for an empty or non string/number identifier.
   * @example
   * if (await sdk.models.application.has('myorg/myfleet')) console.log('found');
   */
  async function has(
    slugOrUuidOrId: SlugOrUuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<boolean> {
    try {
      await get(slugOrUuidOrId, { $select: ['id'] }, undefined, callOptions);
      return true;
    } catch (error) {
      if (isBalenaError(error, 'BalenaApplicationNotFound')) return false;
      throw error;
    }
  }

  /**
   * Tells whether the caller directly reaches any fleet.
   *
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns true when there is at least one.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * if (!(await sdk.models.application.hasAny())) console.log('create a fleet first');
   */
  async function hasAny(callOptions?: PineRequestOptions): Promise<boolean> {
    const fleets = await getAll({ $select: ['id'] }, 'directly_accessible', callOptions);
    return fleets.length > 0;
  }

  /**
   * The id of a fleet: a number is returned as is, without a request.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the id.
   * @throws {BalenaApplicationNotFound} when a slug or uuid matches nothing.
   * @example
   * const id = await sdk.models.application._getId('myorg/myfleet');
   */
  async function _getId(
    slugOrUuidOrId: SlugOrUuidOrId,
    callOptions?: PineRequestOptions,
  ): Promise<number> {
    if (isId(slugOrUuidOrId)) return slugOrUuidOrId;
    return resolveId(pine, APPLICATION_LOOKUP, slugOrUuidOrId, callOptions);
  }

  return {
    getAll,
    iterateAll,
    countAll,
    getAllDirectlyAccessible,
    get,
    getDirectlyAccessible,
    getAppByName,
    has,
    hasAny,
    _getId,
  };
}
