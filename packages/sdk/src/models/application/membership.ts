/**
 * `sdk.models.application.membership`: users' direct memberships of fleets, with a role
 * (developer, operator, observer, ...).
 */
import {
  BalenaApplicationMembershipRoleNotFound,
  BalenaError,
  BalenaInvalidParameterError,
} from '../../errors/index.js';
import { getCollection, getSingle, postRow } from '../../internal/collection.js';
import { APPLICATION_LOOKUP, findOne, isId } from '../../internal/ids.js';
import type { Filter, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import type { SlugOrUuidOrId } from './core.js';
import {
  createApplicationMembershipLists,
  type ApplicationMembershipOptions,
  type ApplicationMembershipRow,
} from './membership-lists.js';

export type { ApplicationMembershipOptions, ApplicationMembershipRow } from './membership-lists.js';

/** A membership id, or its natural key. */
export type ApplicationMembershipKey = number | { user: number; is_member_of__application: number };

/** Options of `membership.create`. */
export interface ApplicationMembershipCreateOptions {
  application: SlugOrUuidOrId;
  username: string;
  /** e.g. `developer` (the API's default), `operator`, `observer`. */
  roleName?: string;
}

const USER_NOT_IN_ORGANIZATION =
  'It is necessary that each user (Auth) that is member of an application that has an organization, is member of the organization';

function checkKey(key: unknown): ApplicationMembershipKey {
  if (isId(key)) return key;
  if (
    typeof key === 'object' &&
    key !== null &&
    'user' in key &&
    'is_member_of__application' in key &&
    isId(key.user) &&
    isId(key.is_member_of__application)
  ) {
    return { user: key.user, is_member_of__application: key.is_member_of__application };
  }
  throw new BalenaInvalidParameterError('membershipId', key);
}

/**
 * Looks up an application membership role's id by name.
 *
 * @param ctx - the model context.
 * @param roleName - the role name.
 * @param callOptions - `signal`, `headers`, `timeout`.
 * @returns the role id.
 * @throws {BalenaApplicationMembershipRoleNotFound} when no role has that name.
 * @example
 * const roleId = await getApplicationMembershipRoleId(ctx, 'observer');
 */
export async function getApplicationMembershipRoleId(
  ctx: SdkModelContext,
  roleName: string,
  callOptions?: PineRequestOptions,
): Promise<number> {
  const role = await getSingle(
    ctx.pine,
    'application_membership_role',
    { name: roleName },
    {},
    { $select: 'id' },
    callOptions,
  );
  if (role === undefined) throw new BalenaApplicationMembershipRoleNotFound(roleName);
  return role.id;
}

/**
 * Builds `sdk.models.application.membership`.
 *
 * @param ctx - the model context.
 * @returns the membership methods.
 * @throws {Error} never at build time.
 * @example
 * const membership = createApplicationMembership(ctx);
 */
export function createApplicationMembership(ctx: SdkModelContext) {
  const { pine } = ctx;
  const resource = 'user_application_membership';

  /**
   * One membership by id or by `{ user, is_member_of__application }`.
   *
   * @param membershipId - the membership id or natural key.
   * @param options - pine options.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the membership.
   * @throws {BalenaInvalidParameterError} for any other kind of key.
   * @throws {BalenaError} when the membership does not exist.
   * @example
   * const membership = await sdk.models.application.membership.get(5);
   */
  async function get<const O extends ApplicationMembershipOptions = Record<never, never>>(
    membershipId: ApplicationMembershipKey,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<ApplicationMembershipRow<O>> {
    const key = checkKey(membershipId);
    const row = await getSingle(pine, resource, key, {}, options, callOptions);
    if (row === undefined) {
      throw new BalenaError(`Application Membership not found: ${JSON.stringify(membershipId)}`);
    }
    return row;
  }

  /**
   * The fleet memberships of one user.
   *
   * @param usernameOrId - the username or user id.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the memberships the caller can see.
   * @throws {BalenaInvalidParameterError} when `usernameOrId` is neither a name nor an id.
   * @example
   * const memberships = await sdk.models.application.membership.getAllByUser('alice');
   */
  function getAllByUser<const O extends ApplicationMembershipOptions = Record<never, never>>(
    usernameOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ApplicationMembershipRow<O>>> {
    let $filter: Filter;
    if (isId(usernameOrId)) {
      $filter = { user: usernameOrId };
    } else if (typeof usernameOrId === 'string' && usernameOrId.length > 0) {
      $filter = { user: { $any: { $alias: 'u', $expr: { u: { username: usernameOrId } } } } };
    } else {
      return Promise.reject(new BalenaInvalidParameterError('usernameOrId', usernameOrId));
    }
    return getCollection(pine, resource, { $filter }, options, callOptions);
  }

  /**
   * Makes a member of the fleet's organization a member of the fleet.
   *
   * @param options - `application`, `username` and an optional `roleName` (default developer).
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the created membership.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @throws {BalenaApplicationMembershipRoleNotFound} when the role does not exist.
   * @throws {Error} when the user is not a member of the fleet's organization.
   * @example
   * await sdk.models.application.membership.create({ application: 'myorg/myfleet', username: 'bob', roleName: 'observer' });
   */
  async function create(
    options: ApplicationMembershipCreateOptions,
    callOptions?: PineRequestOptions,
  ): Promise<ApplicationMembershipRow<Record<never, never>>> {
    const { application, username, roleName } = options;
    if (typeof username !== 'string' || username.length === 0) {
      throw new BalenaInvalidParameterError('username', username);
    }
    const [fleet, roleId] = await Promise.all([
      findOne(
        pine,
        APPLICATION_LOOKUP,
        application,
        {
          $select: 'id',
          $expand: {
            organization: {
              $select: 'id',
              $expand: {
                organization_membership: {
                  $select: 'id',
                  $filter: { user: { $any: { $alias: 'u', $expr: { u: { username } } } } },
                },
              },
            },
          },
        },
        callOptions,
      ),
      roleName === undefined
        ? undefined
        : getApplicationMembershipRoleId(ctx, roleName, callOptions),
    ]);
    if (fleet.organization[0]?.organization_membership.length !== 1) {
      throw new Error(USER_NOT_IN_ORGANIZATION);
    }
    const body = {
      username,
      is_member_of__application: fleet.id,
      ...(roleId === undefined ? {} : { application_membership_role: roleId }),
    };
    return postRow(pine, resource, body, callOptions);
  }

  /**
   * Changes the role of a membership.
   *
   * @param idOrUniqueKey - the membership id or `{ user, is_member_of__application }`.
   * @param roleName - the new role's name.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} for an invalid key.
   * @throws {BalenaApplicationMembershipRoleNotFound} when the role does not exist.
   * @example
   * await sdk.models.application.membership.changeRole(5, 'operator');
   */
  async function changeRole(
    idOrUniqueKey: ApplicationMembershipKey,
    roleName: string,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const id = checkKey(idOrUniqueKey);
    const roleId = await getApplicationMembershipRoleId(ctx, roleName, callOptions);
    await pine.patch({ resource, id, body: { application_membership_role: roleId } }, callOptions);
  }

  /**
   * Removes a membership.
   *
   * @param idOrUniqueKey - the membership id or `{ user, is_member_of__application }`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} for an invalid key.
   * @example
   * await sdk.models.application.membership.remove(5);
   */
  async function remove(
    idOrUniqueKey: ApplicationMembershipKey,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    await pine.delete({ resource, id: checkKey(idOrUniqueKey) }, callOptions);
  }

  return {
    get,
    ...createApplicationMembershipLists(ctx),
    getAllByUser,
    create,
    changeRole,
    remove,
  };
}
