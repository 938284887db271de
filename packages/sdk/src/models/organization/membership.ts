/**
 * `sdk.models.organization.membership`: who belongs to an organization, with which role
 * (`administrator` or `member`). Memberships are created by accepting an invite.
 */
import { BalenaError } from '../../errors/index.js';
import {
  getCollection,
  getSingle,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import { ORGANIZATION_LOOKUP, resolveId } from '../../internal/ids.js';
import { createParentListing } from '../../internal/parent-listing.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import {
  checkMembershipKey,
  getOrganizationMembershipRoleId,
  userFilter,
  type OrganizationMembershipKey,
} from './membership-lookups.js';

export type { OrganizationMembershipKey } from './membership-lookups.js';

const RESOURCE = 'organization_membership';

/** Pine options of membership reads. */
export type OrganizationMembershipOptions = ResourceOptions<typeof RESOURCE>;
/** A membership row as narrowed by the options. */
export type OrganizationMembershipRow<O> = ResultRow<typeof RESOURCE, O>;
/** An organization membership role name. */
export type OrganizationMembershipRoles = 'administrator' | 'member';

/**
 * The listings of the memberships of an organization, as `createParentListing` builds them, declared with the official
 * parameter name and this resource's option and row types.
 */
export interface MembershipsOfOrganization {
  getAll<const O extends OrganizationMembershipOptions = Record<never, never>>(
    handleOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<OrganizationMembershipRow<O>>>;
  iterateAll<const O extends OrganizationMembershipOptions = Record<never, never>>(
    handleOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<OrganizationMembershipRow<O>>;
  countAll(
    handleOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;
}

/**
 * Builds `sdk.models.organization.membership` (without `tags`).
 *
 * @param ctx - the model context.
 * @returns the membership methods.
 * @throws {Error} never at build time.
 * @example
 * const membership = createOrganizationMembership(ctx);
 */
export function createOrganizationMembership(ctx: SdkModelContext) {
  const { pine } = ctx;

  const byOrganization: MembershipsOfOrganization = createParentListing(
    pine,
    RESOURCE,
    async (handleOrId, callOptions) => ({
      $filter: {
        is_member_of__organization: await resolveId(
          pine,
          ORGANIZATION_LOOKUP,
          handleOrId,
          callOptions,
        ),
      },
    }),
  );

  /**
   * One membership by id or by `{ user, is_member_of__organization }`.
   *
   * @param membershipId - the membership id or natural key.
   * @param options - pine options.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the membership.
   * @throws {BalenaInvalidParameterError} for any other kind of key.
   * @throws {BalenaError} when the membership does not exist.
   * @example
   * const membership = await sdk.models.organization.membership.get(5);
   */
  async function get<const O extends OrganizationMembershipOptions = Record<never, never>>(
    membershipId: OrganizationMembershipKey,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<OrganizationMembershipRow<O>> {
    const key = checkMembershipKey(membershipId);
    const row = await getSingle(pine, RESOURCE, key, {}, options, callOptions);
    if (row === undefined) {
      throw new BalenaError(`Organization Membership not found: ${JSON.stringify(membershipId)}`);
    }
    return row;
  }

  /**
   * The memberships of one organization.
   *
   * @param handleOrId - the organization handle or id.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the memberships.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * const memberships = await sdk.models.organization.membership.getAllByOrganization('myorg');
   */
  const getAllByOrganization = byOrganization.getAll;

  /**
   * Pages through the memberships of one organization (extra of this SDK).
   *
   * @param handleOrId - the organization handle or id.
   * @param options - pine options merged with the defaults.
   * @param iterateOptions - `pageSize` and `signal`, `headers`, `timeout`.
   * @returns an async iterator over the memberships.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * for await (const m of sdk.models.organization.membership.iterateAllByOrganization('myorg')) console.log(m.id);
   */
  const iterateAllByOrganization = byOrganization.iterateAll;

  /**
   * Counts the memberships of one organization (extra of this SDK).
   *
   * @param handleOrId - the organization handle or id.
   * @param options - an optional `$filter`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the count.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * const n = await sdk.models.organization.membership.countAllByOrganization('myorg');
   */
  const countAllByOrganization = byOrganization.countAll;

  /**
   * The organization memberships of one user.
   *
   * @param usernameOrId - the user's id or username.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the memberships the caller can see.
   * @throws {BalenaInvalidParameterError} when `usernameOrId` is neither an id nor a non-empty string.
   * @example
   * const memberships = await sdk.models.organization.membership.getAllByUser('alice');
   */
  async function getAllByUser<const O extends OrganizationMembershipOptions = Record<never, never>>(
    usernameOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<OrganizationMembershipRow<O>>> {
    const defaults = { $filter: userFilter(usernameOrId) };
    return getCollection(pine, RESOURCE, defaults, options, callOptions);
  }

  /**
   * Changes the role of a membership.
   *
   * @param idOrUniqueKey - the membership id or natural key.
   * @param roleName - `administrator` or `member`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} for an invalid key or role name.
   * @throws {BalenaOrganizationMembershipRoleNotFound} when no role has that name.
   * @throws {BalenaRequestError} when the change would leave the organization without an administrator.
   * @example
   * await sdk.models.organization.membership.changeRole(5, 'administrator');
   */
  async function changeRole(
    idOrUniqueKey: OrganizationMembershipKey,
    roleName: OrganizationMembershipRoles | string,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const key = checkMembershipKey(idOrUniqueKey);
    const roleId = await getOrganizationMembershipRoleId(ctx, roleName, callOptions);
    await pine.patch(
      { resource: RESOURCE, id: key, body: { organization_membership_role: roleId } },
      callOptions,
    );
  }

  /**
   * Removes a membership.
   *
   * @param idOrUniqueKey - the membership id or natural key.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} for an invalid key.
   * @throws {BalenaRequestError} when it would leave the organization without an administrator.
   * @example
   * await sdk.models.organization.membership.remove(5);
   */
  async function remove(
    idOrUniqueKey: OrganizationMembershipKey,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const key = checkMembershipKey(idOrUniqueKey);
    await pine.delete({ resource: RESOURCE, id: key }, callOptions);
  }

  return {
    get,
    getAllByOrganization,
    iterateAllByOrganization,
    countAllByOrganization,
    getAllByUser,
    changeRole,
    remove,
  };
}
