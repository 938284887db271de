/**
 * `sdk.models.organization.invite`: inviting people by e-mail to an organization, and accepting
 * invites. The local API returns the invitation token in the created invite (`invitation_token`).
 */
import {
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
import { ORGANIZATION_LOOKUP, isId, resolveId } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import type { HandleOrId } from './core.js';
import { getOrganizationMembershipRoleId } from './membership-lookups.js';

const RESOURCE = 'invitee__is_invited_to__organization';

/** Pine options of invite reads. */
export type OrganizationInviteOptions = ResourceOptions<typeof RESOURCE>;
/** An invite row as narrowed by the options. */
export type OrganizationInviteRow<O> = ResultRow<typeof RESOURCE, O>;

/** Options of `invite.create`. */
export interface OrganizationInviteCreateOptions {
  /** The invitee's e-mail address. */
  invitee: string;
  /** `member` (the API's default) or `administrator`. */
  roleName?: string;
  /** A message for the invitee. */
  message?: string;
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
export function createOrganizationInvite(ctx: SdkModelContext) {
  const { pine, request } = ctx;

  /**
   * Every organization invite the caller can see.
   *
   * @param options - pine options, sent as given.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the invites.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const invites = await sdk.models.organization.invite.getAll();
   */
  function getAll<const O extends OrganizationInviteOptions = Record<never, never>>(
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<OrganizationInviteRow<O>>> {
    return getCollection(pine, RESOURCE, {}, options, callOptions);
  }

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
  async function getAllByOrganization<
    const O extends OrganizationInviteOptions = Record<never, never>,
  >(
    handleOrId: HandleOrId,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<OrganizationInviteRow<O>>> {
    const orgId = await resolveId(pine, ORGANIZATION_LOOKUP, handleOrId, callOptions);
    const defaults = { $filter: { is_invited_to__organization: orgId } };
    return getCollection(pine, RESOURCE, defaults, options, callOptions);
  }

  /**
   * Invites someone by e-mail to an organization.
   *
   * @param handleOrId - the organization handle or id.
   * @param options - the invitee's e-mail, an optional role name and message.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the created invite.
   * @throws {BalenaInvalidParameterError} when `invitee` is missing or empty.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @throws {BalenaOrganizationMembershipRoleNotFound} when no role has `roleName`.
   * @example
   * await sdk.models.organization.invite.create('myorg', { invitee: 'bob@example.com', roleName: 'member' });
   */
  async function create(
    handleOrId: HandleOrId,
    options: OrganizationInviteCreateOptions,
    callOptions?: PineRequestOptions,
  ) {
    const { invitee, roleName, message } = options ?? {};
    if (typeof invitee !== 'string' || invitee.length === 0) {
      throw new BalenaInvalidParameterError('invitee', invitee);
    }
    const [orgId, roleId] = await Promise.all([
      resolveId(pine, ORGANIZATION_LOOKUP, handleOrId, callOptions),
      roleName === undefined
        ? undefined
        : getOrganizationMembershipRoleId(ctx, roleName, callOptions, 'filter'),
    ]);
    const body = {
      invitee,
      is_invited_to__organization: orgId,
      message,
      ...(roleId === undefined ? {} : { organization_membership_role: roleId }),
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
   * await sdk.models.organization.invite.revoke(5);
   */
  async function revoke(id: number, callOptions?: PineRequestOptions): Promise<void> {
    if (!isId(id)) throw new BalenaInvalidParameterError('id', id);
    await pine.delete({ resource: RESOURCE, id }, callOptions);
  }

  /**
   * Accepts an invite as the logged-in user, who becomes a member of the organization.
   *
   * @param invitationToken - the token of the invite.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when the token is empty.
   * @throws {BalenaNotLoggedIn} when not logged in.
   * @throws {BalenaRequestError} when the token is unknown (404) or was sent to another e-mail (403).
   * @example
   * await sdk.models.organization.invite.accept(token);
   */
  async function accept(invitationToken: string, callOptions?: PineRequestOptions): Promise<void> {
    if (typeof invitationToken !== 'string' || invitationToken.length === 0) {
      throw new BalenaInvalidParameterError('invitationToken', invitationToken);
    }
    try {
      await request.send(
        { method: 'POST', url: `/org/v1/invitation/${encodeURIComponent(invitationToken)}` },
        callOptions,
      );
    } catch (error) {
      if (isBalenaError(error, 'BalenaRequestError') && error.statusCode === 401) {
        throw new BalenaNotLoggedIn();
      }
      throw error;
    }
  }

  return { getAll, getAllByOrganization, create, revoke, accept };
}
