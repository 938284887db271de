/**
 * `sdk.models.application.invite`: inviting people by e-mail to a fleet, and accepting invites.
 */
import {
  BalenaApplicationMembershipRoleNotFound,
  BalenaInvalidParameterError,
  BalenaNotLoggedIn,
  isBalenaError,
} from '../../errors/index.js';
import {
  getCollection,
  postRow,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import { APPLICATION_LOOKUP, isId, resolveId } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import type { SlugOrUuidOrId } from './core.js';

const RESOURCE = 'invitee__is_invited_to__application';

/** Pine options of invite reads. */
export type ApplicationInviteOptions = ResourceOptions<typeof RESOURCE>;
/** An invite row as narrowed by the options. */
export type ApplicationInviteRow<O> = ResultRow<typeof RESOURCE, O>;

/** Options of `invite.create`. */
export interface ApplicationInviteCreateOptions {
  /** The invitee's e-mail address. */
  invitee: string;
  /** e.g. `developer` (the API's default), `operator`, `observer`. */
  roleName?: string;
  /** A message for the invitee. */
  message?: string;
}

/**
 * Builds `sdk.models.application.invite`.
 *
 * @param ctx - the model context.
 * @returns the invite methods.
 * @throws {Error} never at build time.
 * @example
 * const invite = createApplicationInvite(ctx);
 */
export function createApplicationInvite(ctx: SdkModelContext) {
  const { pine, request } = ctx;

  // Upstream looks the role up by filter here (by natural key in memberships).
  async function roleIdByFilter(roleName: string, callOptions?: PineRequestOptions) {
    const [role] = await pine.get(
      {
        resource: 'application_membership_role',
        options: { $top: 1, $select: 'id', $filter: { name: roleName } },
      },
      callOptions,
    );
    if (role === undefined) throw new BalenaApplicationMembershipRoleNotFound(roleName);
    return role.id;
  }

  /**
   * Every fleet invite the caller can see.
   *
   * @param options - pine options, sent as given.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the invites.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const invites = await sdk.models.application.invite.getAll();
   */
  function getAll<const O extends ApplicationInviteOptions = Record<never, never>>(
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ApplicationInviteRow<O>>> {
    return getCollection(pine, RESOURCE, {}, options, callOptions);
  }

  /**
   * The invites of one fleet.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the invites.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const invites = await sdk.models.application.invite.getAllByApplication('myorg/myfleet');
   */
  async function getAllByApplication<
    const O extends ApplicationInviteOptions = Record<never, never>,
  >(
    slugOrUuidOrId: SlugOrUuidOrId,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ApplicationInviteRow<O>>> {
    const id = await resolveId(pine, APPLICATION_LOOKUP, slugOrUuidOrId, callOptions);
    return getCollection(
      pine,
      RESOURCE,
      { $filter: { is_invited_to__application: id } },
      options,
      callOptions,
    );
  }

  /**
   * Invites someone by e-mail to a fleet.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - `invitee` (e-mail), optional `roleName` and `message`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the created invite.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @throws {BalenaApplicationMembershipRoleNotFound} when the role does not exist.
   * @throws {BalenaInvalidParameterError} when `invitee` is not a non-empty string.
   * @example
   * await sdk.models.application.invite.create('myorg/myfleet', { invitee: 'bob@example.com', roleName: 'observer' });
   */
  async function create(
    slugOrUuidOrId: SlugOrUuidOrId,
    options: ApplicationInviteCreateOptions,
    callOptions?: PineRequestOptions,
  ) {
    const { invitee, roleName, message } = options;
    if (typeof invitee !== 'string' || invitee.length === 0) {
      throw new BalenaInvalidParameterError('invitee', invitee);
    }
    const [id, roleId] = await Promise.all([
      resolveId(pine, APPLICATION_LOOKUP, slugOrUuidOrId, callOptions),
      roleName === undefined ? undefined : roleIdByFilter(roleName, callOptions),
    ]);
    const body = {
      invitee,
      is_invited_to__application: id,
      message,
      ...(roleId === undefined ? {} : { application_membership_role: roleId }),
    };
    return postRow(pine, RESOURCE, body, callOptions);
  }

  /**
   * Withdraws an invite.
   *
   * @param id - the invite id.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when `id` is not an id.
   * @example
   * await sdk.models.application.invite.revoke(5);
   */
  async function revoke(id: number, callOptions?: PineRequestOptions): Promise<void> {
    if (!isId(id)) throw new BalenaInvalidParameterError('id', id);
    await pine.delete({ resource: RESOURCE, id }, callOptions);
  }

  /**
   * Accepts an invite as the logged-in user.
   *
   * @param invitationToken - the token of the invite.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaNotLoggedIn} when not logged in.
   * @throws {BalenaRequestError} when the token is unknown or already used.
   * @example
   * await sdk.models.application.invite.accept('a6b2a4f0e7d9...');
   */
  async function accept(invitationToken: string, callOptions?: PineRequestOptions): Promise<void> {
    if (typeof invitationToken !== 'string' || invitationToken.length === 0) {
      throw new BalenaInvalidParameterError('invitationToken', invitationToken);
    }
    try {
      await request.send(
        {
          method: 'POST',
          url: `/user/v1/invitation/${encodeURIComponent(invitationToken)}`,
        },
        callOptions,
      );
    } catch (error) {
      if (isBalenaError(error, 'BalenaRequestError') && error.statusCode === 401) {
        throw new BalenaNotLoggedIn();
      }
      throw error;
    }
  }

  return { getAll, getAllByApplication, create, revoke, accept };
}
