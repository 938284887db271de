/**
 * `sdk.models.organization`: create, list, read and delete organizations, with the iterate/count
 * extras on the collection.
 */
import { BalenaInvalidParameterError } from '../../errors/index.js';
import {
  countCollection,
  getCollection,
  iterateCollection,
  postRow,
  type FilterOrderDefaults,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import { ORGANIZATION_LOOKUP, findOne, resolveId } from '../../internal/ids.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { Organization } from '../../types/v7.generated.js';
import type { SdkModelContext } from '../index.js';

/** An organization handle or id. */
export type HandleOrId = string | number;
/** Pine options of organization reads. */
export type OrganizationOptions = ResourceOptions<'organization'>;
/** An organization row as narrowed by the options. */
export type OrganizationRow<O> = ResultRow<'organization', O>;
/** The body of `organization.create`: a name and optionally a handle and other writable fields. */
export type OrganizationCreateBody = Partial<Organization['Write']> & { name: string };

const BY_NAME: FilterOrderDefaults = { $orderby: 'name asc' };

/**
 * Builds the core methods of `sdk.models.organization`.
 *
 * @param ctx - the model context.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const core = createOrganizationCore(ctx);
 */
export function createOrganizationCore(ctx: SdkModelContext) {
  const { pine } = ctx;

  /**
   * Creates an organization; the caller becomes its administrator. Without a `handle` the API
   * derives a unique one from the name.
   *
   * @param organization - the fields of the new organization (`name` required).
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the created organization.
   * @throws {BalenaInvalidParameterError} when `name` is missing or empty.
   * @throws {BalenaRequestError} when the API rejects it (e.g. a taken or malformed handle).
   * @example
   * const org = await sdk.models.organization.create({ name: 'My Org' });
   */
  async function create(
    organization: OrganizationCreateBody,
    callOptions?: PineRequestOptions,
  ): Promise<OrganizationRow<Record<never, never>>> {
    if (typeof organization?.name !== 'string' || organization.name.length === 0) {
      throw new BalenaInvalidParameterError('name', organization?.name);
    }
    return postRow(pine, 'organization', organization, callOptions);
  }

  /**
   * Every organization the caller can see, ordered by name.
   *
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the organizations.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const orgs = await sdk.models.organization.getAll({ $select: ['id', 'handle'] });
   */
  function getAll<const O extends OrganizationOptions = Record<never, never>>(
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<OrganizationRow<O>>> {
    return getCollection(pine, 'organization', BY_NAME, options, callOptions);
  }

  /**
   * Pages through every organization the caller can see (extra of this SDK).
   *
   * @param options - pine options merged with the defaults.
   * @param iterateOptions - `pageSize` and `signal`, `headers`, `timeout`.
   * @returns an async iterator over the organizations.
   * @throws {BalenaRequestError} when a page fails.
   * @example
   * for await (const org of sdk.models.organization.iterateAll()) console.log(org.handle);
   */
  function iterateAll<const O extends OrganizationOptions = Record<never, never>>(
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<OrganizationRow<O>> {
    return iterateCollection(pine, 'organization', BY_NAME, options, iterateOptions);
  }

  /**
   * Counts the organizations the caller can see (extra of this SDK).
   *
   * @param options - an optional `$filter`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the count.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const n = await sdk.models.organization.countAll();
   */
  function countAll(
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number> {
    return countCollection(pine, 'organization', {}, options, callOptions);
  }

  /**
   * One organization by handle or id.
   *
   * @param handleOrId - the organization handle or id.
   * @param options - pine options.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the organization.
   * @throws {BalenaInvalidParameterError} when `handleOrId` is empty or not a string/number.
   * @throws {BalenaOrganizationNotFound} when there is no such organization.
   * @example
   * const org = await sdk.models.organization.get('myorg', { $select: 'name' });
   */
  function get<const O extends OrganizationOptions = Record<never, never>>(
    handleOrId: HandleOrId,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<OrganizationRow<O>> {
    return findOne(pine, ORGANIZATION_LOOKUP, handleOrId, options, callOptions);
  }

  /**
   * Deletes an organization (with its memberships, teams and invites).
   *
   * @param handleOrId - the organization handle or id.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when `handleOrId` is empty or not a string/number.
   * @throws {BalenaOrganizationNotFound} when there is no such organization.
   * @example
   * await sdk.models.organization.remove('myorg');
   */
  async function remove(handleOrId: HandleOrId, callOptions?: PineRequestOptions): Promise<void> {
    const id = await resolveId(pine, ORGANIZATION_LOOKUP, handleOrId, callOptions);
    await pine.delete({ resource: 'organization', id }, callOptions);
  }

  return { create, getAll, iterateAll, countAll, get, remove };
}
