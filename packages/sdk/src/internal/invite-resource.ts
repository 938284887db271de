/**
 * The one builder for e-mail invites to a fleet (`invitee__is_invited_to__application`) or to an
 * organization (`invitee__is_invited_to__organization`).
 *
 * Wire behaviour (official SDK): reads are plain collection reads, those of one parent filtered
 * by the parent field; `create` resolves the parent and the role (when named) in parallel, then
 * POSTs `{invitee, <parent field>, message, <role field>?}`; `revoke` DELETEs by id; `accept`
 * POSTs to the invitation route with the token, a 401 becoming `BalenaNotLoggedIn`.
 */
import { BalenaInvalidParameterError, BalenaNotLoggedIn, isBalenaError } from '../errors/index.js';
import type { PineRequestOptions } from '../pine/index.js';
import type { BalenaRequest } from '../transport/transport.js';
import {
  getCollection,
  postRow,
  type BalenaPine,
  type ResourceOptions,
  type ResultRow,
} from './collection.js';
import { isId } from './ids.js';

/** The parents people are invited to. */
export type InviteParent = 'application' | 'organization';
/** The invite resources of the v7 model. */
export type InviteResourceName = `invitee__is_invited_to__${InviteParent}`;

/** Options of `invite.create`. */
export interface InviteCreateOptions {
  /** The invitee's e-mail address. */
  invitee: string;
  /**
   * The role: for a fleet `developer` (the API's default), `operator` or `observer`; for an
   * organization `member` (the API's default) or `administrator`.
   */
  roleName?: string;
  /** A message for the invitee. */
  message?: string;
}

/**
 * What an invite resource is made of. The resource (`invitee__is_invited_to__<parent>`), its parent
 * field (`is_invited_to__<parent>`) and role field (`<parent>_membership_role`) follow from the parent.
 */
export interface InviteResourceSpec<P extends InviteParent> {
  pine: BalenaPine;
  request: BalenaRequest;
  /** `application` or `organization`. */
  parent: P;
  /** Resolves the caller's parent identifier to its id (throws the parent's NotFound error). */
  getParentId: (parent: string | number, callOptions?: PineRequestOptions) => Promise<number>;
  /** Resolves a role name to its id (throws the role's NotFound error). */
  getRoleId: (roleName: string, callOptions?: PineRequestOptions) => Promise<number>;
  /** The route an invitation token is appended to, e.g. `/user/v1/invitation/`. */
  acceptRoute: string;
}

/**
 * The invite methods of a fleet or an organization. Each model re-declares, with its own
 * documentation, parameter names and row types, the members whose types or errors depend on the
 * parent (`getAll`, `getAllBy...`, `create`).
 */
export interface InviteResource<T extends InviteResourceName> {
  /**
   * Every invite the caller can see: fleet invites under `application.invite`, organization
   * invites under `organization.invite`.
   *
   * @param options - pine options, sent as given.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the invites.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const fleetInvites = await sdk.models.application.invite.getAll();
   * const organizationInvites = await sdk.models.organization.invite.getAll({ $select: 'id' });
   */
  getAll<const O extends ResourceOptions<T> = Record<never, never>>(
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ResultRow<T, O>>>;

  /** The invites of one parent (fleet id, slug or uuid; organization handle or id). */
  getAllByParent<const O extends ResourceOptions<T> = Record<never, never>>(
    parent: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ResultRow<T, O>>>;

  /** Invites someone by e-mail to the parent. */
  create(
    parent: string | number,
    options: InviteCreateOptions,
    callOptions?: PineRequestOptions,
  ): Promise<ResultRow<T, Record<never, never>>>;

  /**
   * Withdraws an invite.
   *
   * @param id - the invite id.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when `id` is not an id.
   * @example
   * await sdk.models.application.invite.revoke(5);
   * await sdk.models.organization.invite.revoke(7);
   */
  revoke(id: number, callOptions?: PineRequestOptions): Promise<void>;

  /**
   * Accepts an invite as the logged-in user, who becomes a member of the fleet or organization.
   *
   * @param invitationToken - the token of the invite.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when the token is empty.
   * @throws {BalenaNotLoggedIn} when not logged in.
   * @throws {BalenaRequestError} when the token is unknown or already used (404), or was sent to
   * another e-mail address (403).
   * @example
   * await sdk.models.application.invite.accept(fleetInvitationToken);
   * await sdk.models.organization.invite.accept(organizationInvitationToken);
   */
  accept(invitationToken: string, callOptions?: PineRequestOptions): Promise<void>;
}

/**
 * Builds the invite methods of a fleet or an organization.
 *
 * @param spec - the parent kind, the lookups and the accept route.
 * @returns the methods; models expose `getAllByParent` under its official name.
 * @throws {Error} never at build time; see each method.
 * @example
 * const invites = createInviteResource({ pine, request, parent: 'organization', getParentId,
 *   getRoleId, acceptRoute: '/org/v1/invitation/' });
 */
export function createInviteResource<P extends InviteParent>(
  spec: InviteResourceSpec<P>,
): InviteResource<`invitee__is_invited_to__${P}`> {
  const { pine, request, parent: kind, getParentId, getRoleId } = spec;
  const resource = `invitee__is_invited_to__${kind}` as const;
  const parentField = `is_invited_to__${kind}`;
  const roleField = `${kind}_membership_role`;

  return {
    getAll: (options, callOptions) => getCollection(pine, resource, {}, options, callOptions),

    async getAllByParent(parent, options, callOptions) {
      const parentId = await getParentId(parent, callOptions);
      const defaults = { $filter: { [parentField]: parentId } };
      return await getCollection(pine, resource, defaults, options, callOptions);
    },

    async create(parent, options, callOptions) {
      const { invitee, roleName, message } = options ?? {};
      if (typeof invitee !== 'string' || invitee.length === 0) {
        throw new BalenaInvalidParameterError('invitee', invitee);
      }
      const [parentId, roleId] = await Promise.all([
        getParentId(parent, callOptions),
        roleName === undefined ? undefined : getRoleId(roleName, callOptions),
      ]);
      // Key order is the wire order of the official SDK's body.
      const body = {
        invitee,
        [parentField]: parentId,
        message,
        ...(roleId === undefined ? {} : { [roleField]: roleId }),
      };
      return await postRow(pine, resource, body, callOptions);
    },

    async revoke(id, callOptions) {
      if (!isId(id)) throw new BalenaInvalidParameterError('id', id);
      await pine.delete({ resource, id }, callOptions);
    },

    async accept(invitationToken, callOptions) {
      if (typeof invitationToken !== 'string' || invitationToken.length === 0) {
        throw new BalenaInvalidParameterError('invitationToken', invitationToken);
      }
      const url = `${spec.acceptRoute}${encodeURIComponent(invitationToken)}`;
      try {
        await request.send({ method: 'POST', url }, callOptions);
      } catch (error) {
        if (isBalenaError(error, 'BalenaRequestError') && error.statusCode === 401) {
          throw new BalenaNotLoggedIn();
        }
        throw error;
      }
    },
  };
}
