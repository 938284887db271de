/**
 * `sdk.models.organization.invite`: inviting people by e-mail to an organization, and accepting
 * invites. The local API returns the invitation token in the created invite (`invitation_token`).
 */
import type { ResourceOptions, ResultRow } from '../../internal/collection.js';
import { ORGANIZATION_LOOKUP, resolveId } from '../../internal/ids.js';
import {
  createInviteResource,
  type InviteCreateOptions,
  type InviteResource,
} from '../../internal/invite-resource.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import { getOrganizationMembershipRoleId } from './membership-lookups.js';

/** Options of `invite.create`: `invitee`, and optional `roleName` (default `member`) and `message`. */
export type OrganizationInviteCreateOptions = InviteCreateOptions;

type OrganizationInvites = InviteResource<'invitee__is_invited_to__organization'>;
/** Pine options of organization invite reads. */
export type OrganizationInviteReadOptions = ResourceOptions<'invitee__is_invited_to__organization'>;
/** An organization invite as narrowed by the options. */
export type OrganizationInviteRow<O> = ResultRow<'invitee__is_invited_to__organization', O>;

/** Inviting people by e-mail to an organization, and accepting invites. */
export interface OrganizationInvite extends Pick<OrganizationInvites, 'revoke' | 'accept'> {
  /**
   * Every organization invite the caller can see.
   *
   * @param options - pine options, sent as given.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the invites.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const invites = await sdk.models.organization.invite.getAll({ $select: ['id', 'invitee'] });
   */
  getAll<const O extends OrganizationInviteReadOptions = Record<never, never>>(
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<OrganizationInviteRow<O>>>;

  /**
   * The invites of one organization.
   *
   * @param handleOrId - the organization handle or id.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the invites.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * const invites = await sdk.models.organization.invite.getAllByOrganization('myorg');
   */
  getAllByOrganization<const O extends OrganizationInviteReadOptions = Record<never, never>>(
    handleOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<OrganizationInviteRow<O>>>;

  /**
   * Invites someone by e-mail to an organization.
   *
   * @param handleOrId - the organization handle or id.
   * @param options - the invitee's e-mail, an optional role name (`member`, the API's default, or
   * `administrator`) and message.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the created invite.
   * @throws {BalenaInvalidParameterError} when `invitee` is missing or empty.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @throws {BalenaOrganizationMembershipRoleNotFound} when no role has `roleName`.
   * @example
   * await sdk.models.organization.invite.create('myorg', { invitee: 'bob@example.com', roleName: 'member' });
   */
  create(
    handleOrId: string | number,
    options: OrganizationInviteCreateOptions,
    callOptions?: PineRequestOptions,
  ): Promise<OrganizationInviteRow<Record<never, never>>>;
}

/**
 * Builds `sdk.models.organization.invite`.
 *
 * @param ctx - the model context.
 * @returns the invite methods.
 * @throws {Error} never at build time.
 * @example
 * const invite = createOrganizationInvite(ctx);
 */
export function createOrganizationInvite(ctx: SdkModelContext): OrganizationInvite {
  const { getAllByParent, ...invites } = createInviteResource({
    pine: ctx.pine,
    request: ctx.request,
    parent: 'organization',
    getParentId: (organization, callOptions) =>
      resolveId(ctx.pine, ORGANIZATION_LOOKUP, organization, callOptions),
    getRoleId: (roleName, callOptions) =>
      getOrganizationMembershipRoleId(ctx, roleName, callOptions, 'filter'),
    acceptRoute: '/org/v1/invitation/',
  });
  return { ...invites, getAllByOrganization: getAllByParent };
}
