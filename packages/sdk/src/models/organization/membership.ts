/**
 * `sdk.models.organization.membership`: who belongs to an organization, with which role
 * (`administrator` or `member`). Memberships are created by accepting an invite.
 */
import {
  BalenaError,
  BalenaInvalidParameterError,
  BalenaOrganizationMembershipRoleNotFound,
} from '../../errors/index.js';
import {
  countCollection,
  getCollection,
  getSingle,
  iterateCollection,
  type FilterOrderDefaults,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import { ORGANIZATION_LOOKUP, isId, resolveId } from '../../internal/ids.js';
import { getMany } from '../../pine/typed.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import type { HandleOrId } from './core.js';

const RESOURCE = 'organization_membership';

/** Pine options of membership reads. */
export type OrganizationMembershipOptions = ResourceOptions<typeof RESOURCE>;
/** A membership row as narrowed by the options. */
export type OrganizationMembershipRow<O> = ResultRow<typeof RESOURCE, O>;
/** A membership id, or its natural key. */
export type OrganizationMembershipKey =
  number | { user: number; is_member_of__organization: number };
/** An organization membership role name. */
export type OrganizationMembershipRoles = 'administrator' | 'member';

/**
 * Validates a membership id or `{ user, is_member_of__organization }` key.
 *
 * @param key - the caller's key.
 * @returns the key.
 * @throws {BalenaInvalidParameterError} for anything else.
 * @example
 * checkMembershipKey(5); // 5
 */
export function checkMembershipKey(key: unknown): OrganizationMembershipKey {
  if (isId(key)) return key;
  if (
    typeof key === 'object' &&
    key !== null &&
    'user' in key &&
    'is_member_of__organization' in key &&
    isId(key.user) &&
    isId(key.is_member_of__organization)
  ) {
    return { user: key.user, is_member_of__organization: key.is_member_of__organization };
  }
  throw new BalenaInvalidParameterError('membershipId', key);
}

/**
 * The filter selecting the rows of one user, by id or username.
 *
 * @param usernameOrId - the user's id or username.
 * @returns the filter on the `user` field.
 * @throws {BalenaInvalidParameterError} when the input is neither an id nor a non-empty string.
 * @example
 * userFilter('alice'); // { user: { $any: { $alias: 'u', $expr: { u: { username: 'alice' } } } } }
 */
export function userFilter(usernameOrId: unknown): Filter {
  if (isId(usernameOrId)) return { user: usernameOrId };
  if (typeof usernameOrId === 'string' && usernameOrId.length > 0) {
    return { user: { $any: { $alias: 'u', $expr: { u: { username: usernameOrId } } } } };
  }
  throw new BalenaInvalidParameterError('usernameOrId', usernameOrId);
}

/**
 * Looks up an organization membership role's id by name.
 *
 * @param ctx - the model context.
 * @param roleName - `administrator` or `member`.
 * @param callOptions - `signal`, `headers`, `timeout`.
 * @param lookup - `key` (`organization_membership_role(name='...')`) or `filter` (`$filter=name eq '...'`).
 * @returns the role id.
 * @throws {BalenaInvalidParameterError} when `roleName` is not a non-empty string.
 * @throws {BalenaOrganizationMembershipRoleNotFound} when no role has that name.
 * @example
 * const roleId = await getOrganizationMembershipRoleId(ctx, 'member');
 */
export async function getOrganizationMembershipRoleId(
  ctx: SdkModelContext,
  roleName: string,
  callOptions?: PineRequestOptions,
  lookup: 'key' | 'filter' = 'key',
): Promise<number> {
  if (typeof roleName !== 'string' || roleName.length === 0) {
    throw new BalenaInvalidParameterError('roleName', roleName);
  }
  // The official SDK reads the role by natural key when changing a role, by filter when inviting.
  const role =
    lookup === 'key'
      ? await getSingle(
          ctx.pine,
          'organization_membership_role',
          { name: roleName },
          {},
          { $select: 'id' },
          callOptions,
        )
      : (
          await getMany(
            ctx.pine,
            'organization_membership_role',
            { $top: 1, $select: 'id', $filter: { name: roleName } },
            callOptions,
          )
        )[0];
  if (role === undefined) throw new BalenaOrganizationMembershipRoleNotFound(roleName);
  return role.id;
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

  const ofOrganization = async (
    handleOrId: HandleOrId,
    callOptions?: PineRequestOptions,
  ): Promise<FilterOrderDefaults> => ({
    $filter: {
      is_member_of__organization: await resolveId(
        pine,
        ORGANIZATION_LOOKUP,
        handleOrId,
        callOptions,
      ),
    },
  });

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
  async function getAllByOrganization<
    const O extends OrganizationMembershipOptions = Record<never, never>,
  >(
    handleOrId: HandleOrId,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<OrganizationMembershipRow<O>>> {
    const defaults = await ofOrganization(handleOrId, callOptions);
    return getCollection(pine, RESOURCE, defaults, options, callOptions);
  }

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
  async function* iterateAllByOrganization<
    const O extends OrganizationMembershipOptions = Record<never, never>,
  >(
    handleOrId: HandleOrId,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<OrganizationMembershipRow<O>> {
    const defaults = await ofOrganization(handleOrId, iterateOptions);
    yield* iterateCollection(pine, RESOURCE, defaults, options, iterateOptions);
  }

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
  async function countAllByOrganization(
    handleOrId: HandleOrId,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number> {
    const defaults = await ofOrganization(handleOrId, callOptions);
    return countCollection(pine, RESOURCE, defaults, options, callOptions);
  }

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
