/**
 * The fleets of one organization: `getAllByOrganization` and its iterate/count extras.
 */
import type { FilterOrderDefaults } from '../../internal/collection.js';
import { ORGANIZATION_LOOKUP, resolveId } from '../../internal/ids.js';
import { createParentListing } from '../../internal/parent-listing.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import { BY_NAME, type ApplicationOptions, type ApplicationRow } from './core.js';

/**
 * The listings of the fleets of an organization, as `createParentListing` builds them, declared with the official
 * parameter name and this resource's option and row types.
 */
export interface FleetsOfOrganization {
  getAll<const O extends ApplicationOptions = Record<never, never>>(
    orgHandleOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ApplicationRow<O>>>;
  iterateAll<const O extends ApplicationOptions = Record<never, never>>(
    orgHandleOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<ApplicationRow<O>>;
  countAll(
    orgHandleOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;
}

/**
 * Builds the by-organization methods of `sdk.models.application`.
 *
 * @param ctx - the model context.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const byOrganization = createApplicationsByOrganization(ctx);
 */
export function createApplicationsByOrganization(ctx: SdkModelContext) {
  const { pine } = ctx;

  async function organizationDefaults(
    orgHandleOrId: string | number,
    callOptions?: PineRequestOptions,
  ): Promise<FilterOrderDefaults> {
    const organization = await resolveId(pine, ORGANIZATION_LOOKUP, orgHandleOrId, callOptions);
    return { $filter: { organization }, ...BY_NAME };
  }

  const byOrganization: FleetsOfOrganization = createParentListing(
    pine,
    'application',
    organizationDefaults,
  );

  /**
   * The fleets of one organization, ordered by name.
   *
   * @param orgHandleOrId - the organization handle or id.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the fleets.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @throws {BalenaInvalidParameterError} when `orgHandleOrId` is empty or not a string/number.
   * @example
   * const fleets = await sdk.models.application.getAllByOrganization('myorg');
   */
  const getAllByOrganization = byOrganization.getAll;

  /**
   * Pages through the fleets of one organization.
   *
   * @param orgHandleOrId - the organization handle or id.
   * @param options - pine options merged with the defaults.
   * @param iterateOptions - `pageSize` and `signal`, `headers`, `timeout`.
   * @returns an async iterator over the fleets.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * for await (const fleet of sdk.models.application.iterateAllByOrganization('myorg')) console.log(fleet.id);
   */
  const iterateAllByOrganization = byOrganization.iterateAll;

  /**
   * Counts the fleets of one organization.
   *
   * @param orgHandleOrId - the organization handle or id.
   * @param options - an optional `$filter`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the number of fleets.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * const n = await sdk.models.application.countAllByOrganization('myorg');
   */
  const countAllByOrganization = byOrganization.countAll;

  return { getAllByOrganization, iterateAllByOrganization, countAllByOrganization };
}
