/**
 * `sdk.models.application.invite`: inviting people by e-mail to a fleet, and accepting invites.
 */
import { BalenaApplicationMembershipRoleNotFound } from '../../errors/index.js';
import { APPLICATION_LOOKUP, resolveId } from '../../internal/ids.js';
import { createInviteResource, type InviteResource } from '../../internal/invite-resource.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';

type FleetInvites = InviteResource<'invitee__is_invited_to__application'>;

/** Inviting people by e-mail to a fleet, and accepting invites. */
export interface ApplicationInvite extends Pick<FleetInvites, 'getAll' | 'revoke' | 'accept'> {
  /**
   * The invites of one fleet.
   *
   * @param parent - the fleet id, slug or uuid.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the invites.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const invites = await sdk.models.application.invite.getAllByApplication('myorg/myfleet');
   */
  getAllByApplication: FleetInvites['getAllByParent'];
  /**
   * Invites someone by e-mail to a fleet.
   *
   * @param parent - the fleet id, slug or uuid.
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
  create: FleetInvites['create'];
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
