/**
 * `sdk.models.team.applicationAccess`: which fleets a team may use, with which application role.
 */
import { BalenaInvalidParameterError } from '../../errors/index.js';
import {
  getCollection,
  getSingle,
  postRow,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import { APPLICATION_LOOKUP, checkId, resolveId } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import { getApplicationMembershipRoleId } from '../application/membership.js';
import type { SdkModelContext } from '../index.js';
import type { createTeamCore } from './core.js';

const RESOURCE = 'team_application_access';

/** Pine options of team application access reads. */
export type TeamApplicationAccessOptions = ResourceOptions<typeof RESOURCE>;
/** A team application access row as narrowed by the options. */
export type TeamApplicationAccessRow<O> = ResultRow<typeof RESOURCE, O>;

function checkRoleName(roleName: unknown): string {
  if (typeof roleName !== 'string' || roleName.length === 0) {
    throw new BalenaInvalidParameterError('roleName', roleName);
  }
  return roleName;
}

/**
 * Builds `sdk.models.team.applicationAccess`.
 *
 * @param ctx - the model context.
 * @param team - the team core methods (its `get` checks the team exists).
 * @returns the application access methods.
 * @throws {Error} never at build time.
 * @example
 * const applicationAccess = createTeamApplicationAccess(ctx, team);
 */
export function createTeamApplicationAccess(
  ctx: SdkModelContext,
  team: Pick<ReturnType<typeof createTeamCore>, 'get'>,
) {
  const { pine } = ctx;

  /**
   * The fleet accesses of one team.
   *
   * @param teamId - the team id.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the accesses.
   * @throws {BalenaInvalidParameterError} when `teamId` is not an id.
   * @throws {Error} when the team does not exist.
   * @example
   * const accesses = await sdk.models.team.applicationAccess.getAllByTeam(5);
   */
  async function getAllByTeam<const O extends TeamApplicationAccessOptions = Record<never, never>>(
    teamId: number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<TeamApplicationAccessRow<O>>> {
    const { id } = await team.get(teamId, { $select: 'id' }, callOptions);
    return getCollection(pine, RESOURCE, { $filter: { team: id } }, options, callOptions);
  }

  /**
   * One team application access by id.
   *
   * @param teamApplicationAccessId - the access id.
   * @param options - pine options.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the access.
   * @throws {BalenaInvalidParameterError} when the id is not an id.
   * @throws {Error} when there is no such access.
   * @example
   * const access = await sdk.models.team.applicationAccess.get(7);
   */
  async function get<const O extends TeamApplicationAccessOptions = Record<never, never>>(
    teamApplicationAccessId: number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<TeamApplicationAccessRow<O>> {
    const id = checkId(teamApplicationAccessId, 'teamApplicationAccessId');
    const row = await getSingle(pine, RESOURCE, id, {}, options, callOptions);
    // A plain Error, as the official SDK throws.
    if (row === undefined) throw new Error('Team application access not found');
    return row;
  }

  /**
   * Grants a team access to a fleet of its organization.
   *
   * @param teamId - the team id.
   * @param applicationIdOrSlug - the fleet id, slug or uuid.
   * @param roleName - the application role: `developer`, `operator`, `observer`, ...
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the created access.
   * @throws {BalenaInvalidParameterError} when `teamId` is not an id or `roleName` is empty.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @throws {BalenaApplicationMembershipRoleNotFound} when no role has that name.
   * @example
   * await sdk.models.team.applicationAccess.add(5, 'myorg/myfleet', 'developer');
   */
  async function add(
    teamId: number,
    applicationIdOrSlug: string | number,
    roleName: string,
    callOptions?: PineRequestOptions,
  ): Promise<TeamApplicationAccessRow<Record<never, never>>> {
    const id = checkId(teamId, 'teamId');
    checkRoleName(roleName);
    const [applicationId, roleId] = await Promise.all([
      resolveId(pine, APPLICATION_LOOKUP, applicationIdOrSlug, callOptions),
      getApplicationMembershipRoleId(ctx, roleName, callOptions),
    ]);
    const body = {
      team: id,
      grants_access_to__application: applicationId,
      application_membership_role: roleId,
    };
    return postRow(pine, RESOURCE, body, callOptions);
  }

  /**
   * Changes the application role of a team's access.
   *
   * @param teamApplicationAccessId - the access id.
   * @param roleName - the new application role.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when the id is not an id or `roleName` is empty.
   * @throws {BalenaApplicationMembershipRoleNotFound} when no role has that name.
   * @example
   * await sdk.models.team.applicationAccess.update(7, 'observer');
   */
  async function update(
    teamApplicationAccessId: number,
    roleName: string,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const id = checkId(teamApplicationAccessId, 'teamApplicationAccessId');
    const roleId = await getApplicationMembershipRoleId(ctx, checkRoleName(roleName), callOptions);
    await pine.patch(
      { resource: RESOURCE, id, body: { application_membership_role: roleId } },
      callOptions,
    );
  }

  /**
   * Removes a team's access to a fleet.
   *
   * @param teamApplicationAccessId - the access id.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when the id is not an id.
   * @example
   * await sdk.models.team.applicationAccess.remove(7);
   */
  async function remove(
    teamApplicationAccessId: number,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const id = checkId(teamApplicationAccessId, 'teamApplicationAccessId');
    await pine.delete({ resource: RESOURCE, id }, callOptions);
  }

  return { getAllByTeam, get, add, update, remove };
}
