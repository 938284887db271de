/**
 * `sdk.models.team.membership`: which users belong to a team. Members must belong to the team's
 * organization.
 */
import { BalenaError, BalenaInvalidParameterError } from '../../errors/index.js';
import {
  countCollection,
  getCollection,
  getSingle,
  iterateCollection,
  postRow,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import { checkId, isId } from '../../internal/ids.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import { userFilter } from '../organization/membership-lookups.js';

const RESOURCE = 'team_membership';

/** Pine options of team membership reads. */
export type TeamMembershipOptions = ResourceOptions<typeof RESOURCE>;
/** A team membership row as narrowed by the options. */
export type TeamMembershipRow<O> = ResultRow<typeof RESOURCE, O>;

/** Options of `team.membership.create`. */
export interface TeamMembershipCreateOptions {
  /** The team id. */
  team: number;
  /** The username of the new member. */
  username: string;
}

/**
 * Builds `sdk.models.team.membership`.
 *
 * @param ctx - the model context.
 * @returns the team membership methods.
 * @throws {Error} never at build time.
 * @example
 * const membership = createTeamMembership(ctx);
 */
export function createTeamMembership(ctx: SdkModelContext) {
  const { pine } = ctx;

  /**
   * One team membership by id.
   *
   * @param membershipId - the membership id.
   * @param options - pine options.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the membership.
   * @throws {BalenaInvalidParameterError} when `membershipId` is not an id.
   * @throws {BalenaError} when there is no such membership.
   * @example
   * const membership = await sdk.models.team.membership.get(5);
   */
  async function get<const O extends TeamMembershipOptions = Record<never, never>>(
    membershipId: number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<TeamMembershipRow<O>> {
    const id = checkId(membershipId, 'membershipId');
    const row = await getSingle(pine, RESOURCE, id, {}, options, callOptions);
    if (row === undefined) throw new BalenaError(`Team Membership not found: ${id}`);
    return row;
  }

  /**
   * The memberships of one team.
   *
   * @param teamId - the team id.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the memberships.
   * @throws {BalenaInvalidParameterError} when `teamId` is not an id.
   * @example
   * const memberships = await sdk.models.team.membership.getAllByTeam(5);
   */
  async function getAllByTeam<const O extends TeamMembershipOptions = Record<never, never>>(
    teamId: number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<TeamMembershipRow<O>>> {
    const defaults = { $filter: { is_member_of__team: checkId(teamId, 'teamId') } };
    return getCollection(pine, RESOURCE, defaults, options, callOptions);
  }

  /**
   * Pages through the memberships of one team (extra of this SDK).
   *
   * @param teamId - the team id.
   * @param options - pine options merged with the defaults.
   * @param iterateOptions - `pageSize` and `signal`, `headers`, `timeout`.
   * @returns an async iterator over the memberships.
   * @throws {BalenaInvalidParameterError} when `teamId` is not an id.
   * @example
   * for await (const m of sdk.models.team.membership.iterateAllByTeam(5)) console.log(m.id);
   */
  async function* iterateAllByTeam<const O extends TeamMembershipOptions = Record<never, never>>(
    teamId: number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<TeamMembershipRow<O>> {
    const defaults = {
      $filter: { is_member_of__team: checkId(teamId, 'teamId') },
      $orderby: 'id asc' as const,
    };
    yield* iterateCollection(pine, RESOURCE, defaults, options, iterateOptions);
  }

  /**
   * Counts the memberships of one team (extra of this SDK).
   *
   * @param teamId - the team id.
   * @param options - an optional `$filter`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the count.
   * @throws {BalenaInvalidParameterError} when `teamId` is not an id.
   * @example
   * const n = await sdk.models.team.membership.countAllByTeam(5);
   */
  async function countAllByTeam(
    teamId: number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number> {
    const defaults = { $filter: { is_member_of__team: checkId(teamId, 'teamId') } };
    return countCollection(pine, RESOURCE, defaults, options, callOptions);
  }

  /**
   * The team memberships of one user.
   *
   * @param usernameOrId - the user's id or username.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the memberships the caller can see.
   * @throws {BalenaInvalidParameterError} when `usernameOrId` is neither an id nor a non-empty string.
   * @example
   * const memberships = await sdk.models.team.membership.getAllByUser('alice');
   */
  async function getAllByUser<const O extends TeamMembershipOptions = Record<never, never>>(
    usernameOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<TeamMembershipRow<O>>> {
    return getCollection(
      pine,
      RESOURCE,
      { $filter: userFilter(usernameOrId) },
      options,
      callOptions,
    );
  }

  /**
   * Adds a user (by username) to a team.
   *
   * @param options - the team id and the username.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the created membership.
   * @throws {BalenaInvalidParameterError} when `team` is not an id or `username` is empty.
   * @throws {BalenaRequestError} when the user is unknown or not in the team's organization (400).
   * @example
   * await sdk.models.team.membership.create({ team: 5, username: 'alice' });
   */
  async function create(options: TeamMembershipCreateOptions, callOptions?: PineRequestOptions) {
    const team = checkId(options?.team, 'team');
    const { username } = options;
    if (typeof username !== 'string' || username.length === 0) {
      throw new BalenaInvalidParameterError('username', username);
    }
    return postRow(pine, RESOURCE, { username, is_member_of__team: team }, callOptions);
  }

  /**
   * Removes one or several team memberships.
   *
   * @param idOrIds - a membership id or a non-empty array of ids.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when the input is not an id or a non-empty array of ids.
   * @example
   * await sdk.models.team.membership.remove([5, 6]);
   */
  async function remove(
    idOrIds: number | number[],
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const ids = Array.isArray(idOrIds) ? idOrIds : [idOrIds];
    if (ids.length === 0 || !ids.every(isId)) {
      throw new BalenaInvalidParameterError('idOrIds', idOrIds);
    }
    await pine.delete(
      { resource: RESOURCE, options: { $filter: { id: { $in: ids } } } },
      callOptions,
    );
  }

  return {
    get,
    getAllByTeam,
    iterateAllByTeam,
    countAllByTeam,
    getAllByUser,
    create,
    remove,
  };
}
