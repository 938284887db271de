/**
 * `sdk.models.team`: teams of an organization (create, list, read, rename, delete), with the
 * iterate/count extras on the collection.
 */
import { BalenaInvalidParameterError } from '../../errors/index.js';
import {
  countCollection,
  getCollection,
  getSingle,
  iterateCollection,
  postRow,
  type FilterOrderDefaults,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import { ORGANIZATION_LOOKUP, isId, resolveId } from '../../internal/ids.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';

/** Pine options of team reads. */
export type TeamOptions = ResourceOptions<'team'>;
/** A team row as narrowed by the options. */
export type TeamRow<O> = ResultRow<'team', O>;

function checkTeamId(teamId: unknown): number {
  if (!isId(teamId)) throw new BalenaInvalidParameterError('teamId', teamId);
  return teamId;
}

function checkTeamName(name: unknown, paramName: string): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new BalenaInvalidParameterError(paramName, name);
  }
  return name;
}

/**
 * Builds the core methods of `sdk.models.team`.
 *
 * @param ctx - the model context.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const core = createTeamCore(ctx);
 */
export function createTeamCore(ctx: SdkModelContext) {
  const { pine } = ctx;

  const ofOrganization = async (
    organization: string | number,
    callOptions?: PineRequestOptions,
  ): Promise<FilterOrderDefaults> => ({
    $filter: {
      belongs_to__organization: await resolveId(
        pine,
        ORGANIZATION_LOOKUP,
        organization,
        callOptions,
      ),
    },
  });

  /**
   * Creates a team in an organization.
   *
   * @param organizationSlugOrId - the organization handle or id.
   * @param name - the team name (unique within the organization).
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the created team.
   * @throws {BalenaInvalidParameterError} when `name` is empty.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @throws {BalenaRequestError} when the name is taken (409).
   * @example
   * const team = await sdk.models.team.create('myorg', 'backend');
   */
  async function create(
    organizationSlugOrId: string | number,
    name: string,
    callOptions?: PineRequestOptions,
  ): Promise<TeamRow<Record<never, never>>> {
    checkTeamName(name, 'name');
    const belongsTo = await resolveId(pine, ORGANIZATION_LOOKUP, organizationSlugOrId, callOptions);
    return postRow(pine, 'team', { name, belongs_to__organization: belongsTo }, callOptions);
  }

  /**
   * The teams of an organization.
   *
   * @param organizationSlugOrId - the organization handle or id.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the teams.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * const teams = await sdk.models.team.getAllByOrganization('myorg');
   */
  async function getAllByOrganization<const O extends TeamOptions = Record<never, never>>(
    organizationSlugOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<TeamRow<O>>> {
    const defaults = await ofOrganization(organizationSlugOrId, callOptions);
    return getCollection(pine, 'team', defaults, options, callOptions);
  }

  /**
   * Pages through the teams of an organization (extra of this SDK).
   *
   * @param organizationSlugOrId - the organization handle or id.
   * @param options - pine options merged with the defaults.
   * @param iterateOptions - `pageSize` and `signal`, `headers`, `timeout`.
   * @returns an async iterator over the teams.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * for await (const team of sdk.models.team.iterateAllByOrganization('myorg')) console.log(team.name);
   */
  async function* iterateAllByOrganization<const O extends TeamOptions = Record<never, never>>(
    organizationSlugOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<TeamRow<O>> {
    const defaults = await ofOrganization(organizationSlugOrId, iterateOptions);
    yield* iterateCollection(
      pine,
      'team',
      { ...defaults, $orderby: 'id asc' },
      options,
      iterateOptions,
    );
  }

  /**
   * Counts the teams of an organization (extra of this SDK).
   *
   * @param organizationSlugOrId - the organization handle or id.
   * @param options - an optional `$filter`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the count.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * const n = await sdk.models.team.countAllByOrganization('myorg');
   */
  async function countAllByOrganization(
    organizationSlugOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number> {
    const defaults = await ofOrganization(organizationSlugOrId, callOptions);
    return countCollection(pine, 'team', defaults, options, callOptions);
  }

  /**
   * One team by id.
   *
   * @param teamId - the team id.
   * @param options - pine options.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the team.
   * @throws {BalenaInvalidParameterError} when `teamId` is not an id.
   * @throws {Error} when the team does not exist.
   * @example
   * const team = await sdk.models.team.get(5, { $select: 'name' });
   */
  async function get<const O extends TeamOptions = Record<never, never>>(
    teamId: number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<TeamRow<O>> {
    const id = checkTeamId(teamId);
    const team = await getSingle(pine, 'team', id, {}, options, callOptions);
    // A plain Error, as the official SDK throws.
    if (team === undefined) throw new Error(`Team not found: ${id}`);
    return team;
  }

  /**
   * Renames a team, unless another team of its organization has the name.
   *
   * @param teamId - the team id.
   * @param newName - the new name.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when `teamId` is not an id or `newName` is empty.
   * @throws {Error} when the team does not exist or the name is taken.
   * @example
   * await sdk.models.team.rename(5, 'frontend');
   */
  async function rename(
    teamId: number,
    newName: string,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    checkTeamName(newName, 'newName');
    const team = await get(
      teamId,
      {
        $select: 'id',
        $expand: {
          belongs_to__organization: {
            $select: 'id',
            $expand: {
              owns__team: { $top: 1, $select: 'name', $filter: { name: newName } },
            },
          },
        },
      },
      callOptions,
    );
    const taken = team.belongs_to__organization[0]?.owns__team.length ?? 0;
    if (taken > 0) {
      // A plain Error, as the official SDK throws.
      throw new Error(
        `A team with this name already exists in the organization. Organization: ${team.belongs_to__organization[0]?.id}, Name: ${newName}`,
      );
    }
    await pine.patch({ resource: 'team', id: team.id, body: { name: newName } }, callOptions);
  }

  /**
   * Deletes a team (with its memberships and application accesses).
   *
   * @param teamId - the team id.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when `teamId` is not an id.
   * @example
   * await sdk.models.team.remove(5);
   */
  async function remove(teamId: number, callOptions?: PineRequestOptions): Promise<void> {
    const id = checkTeamId(teamId);
    await pine.delete({ resource: 'team', id }, callOptions);
  }

  return {
    create,
    getAllByOrganization,
    iterateAllByOrganization,
    countAllByOrganization,
    get,
    rename,
    remove,
  };
}
