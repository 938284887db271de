/**
 * Lookups shared by the organization membership, tag and invite methods (and team memberships):
 * membership keys, user filters and membership role ids.
 */
import {
  BalenaInvalidParameterError,
  BalenaOrganizationMembershipRoleNotFound,
} from '../../errors/index.js';
import { getSingle } from '../../internal/collection.js';
import { isId } from '../../internal/ids.js';
import type { Filter, PineRequestOptions } from '../../pine/index.js';
import { getMany } from '../../pine/typed.js';
import type { SdkModelContext } from '../index.js';

/** A membership id, or its natural key. */
export type OrganizationMembershipKey =
  number | { user: number; is_member_of__organization: number };

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
