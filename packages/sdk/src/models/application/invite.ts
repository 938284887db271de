/**
 * `sdk.models.application.invite`: inviting people by e-mail to a fleet, and accepting invites.
 */
import { BalenaApplicationMembershipRoleNotFound } from '../../errors/index.js';
import { APPLICATION_LOOKUP, resolveId } from '../../internal/ids.js';
import type { ResourceOptions, ResultRow } from '../../internal/collection.js';
import {
  createInviteResource,
  type InviteCreateOptions,
  type InviteResource,
} from '../../internal/invite-resource.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';

type FleetInvites = InviteResource<'invitee__is_invited_to__application'>;
/** Pine options of fleet invite reads. */
export type FleetInviteReadOptions = ResourceOptions<'invitee__is_invited_to__application'>;
/** A fleet invite as narrowed by the options. */
export type FleetInviteRow<O> = ResultRow<'invitee__is_invited_to__application', O>;

/** Inviting people by e-mail to a fleet, and accepting invites. */
export interface ApplicationInvite extends Pick<FleetInvites, 'revoke' | 'accept'> {
  /**
   * Every fleet invite the caller can see.
   *
   * @param options - pine options, sent as given.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the invites.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const invites = await sdk.models.application.invite.getAll({ $select: ['id', 'invitee'] });
   */
  getAll<const O extends FleetInviteReadOptions = Record<never, never>>(
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<FleetInviteRow<O>>>;

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
  getAllByApplication<const O extends FleetInviteReadOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<FleetInviteRow<O>>>;

  /**
   * Invites someone by e-mail to a fleet.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - `invitee` (e-mail), optional `roleName` (`developer`, the API's default,
   * `operator` or `observer`) and `message`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the created invite.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @throws {BalenaApplicationMembershipRoleNotFound} when the role does not exist.
   * @throws {BalenaInvalidParameterError} when `invitee` is not a non-empty string.
   * @example
   * await sdk.models.application.invite.create('myorg/myfleet', { invitee: 'bob@example.com', roleName: 'observer' });
   */
  create(
    slugOrUuidOrId: string | number,
    options: InviteCreateOptions,
    callOptions?: PineRequestOptions,
  ): Promise<FleetInviteRow<Record<never, never>>>;
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
export function createApplicationInvite(ctx: SdkModelContext): ApplicationInvite {
  const { pine } = ctx;

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

  const { getAllByParent, ...invites } = createInviteResource({
    pine,
    request: ctx.request,
    parent: 'application',
    getParentId: (fleet, callOptions) => resolveId(pine, APPLICATION_LOOKUP, fleet, callOptions),
    getRoleId: roleIdByFilter,
    acceptRoute: '/user/v1/invitation/',
  });
  return { ...invites, getAllByApplication: getAllByParent };
}
