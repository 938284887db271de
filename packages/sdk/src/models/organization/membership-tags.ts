/**
 * `sdk.models.organization.membership.tags`: key/value tags on organization memberships, built on
 * the shared dependent-resource builder.
 */
import { BalenaInvalidParameterError } from '../../errors/index.js';
import { getCollection, type ResourceOptions, type ResultRow } from '../../internal/collection.js';
import { createDependentResource } from '../../internal/dependent-resource.js';
import { ORGANIZATION_LOOKUP, isId, resolveId } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import type { HandleOrId } from './core.js';
import type { createOrganizationMembership } from './membership.js';

const RESOURCE = 'organization_membership_tag';

/** Pine options of membership tag reads. */
export type OrganizationMembershipTagOptions = ResourceOptions<typeof RESOURCE>;
/** A membership tag row as narrowed by the options. */
export type OrganizationMembershipTagRow<O> = ResultRow<typeof RESOURCE, O>;

/**
 * Builds `sdk.models.organization.membership.tags`.
 *
 * @param ctx - the model context.
 * @param membership - the membership methods (its `get` resolves a tag's parent).
 * @returns the tag methods.
 * @throws {Error} never at build time.
 * @example
 * const tags = createOrganizationMembershipTags(ctx, membership);
 */
export function createOrganizationMembershipTags(
  ctx: SdkModelContext,
  membership: Pick<ReturnType<typeof createOrganizationMembership>, 'get'>,
) {
  const { pine } = ctx;
  const tags = createDependentResource({
    pine,
    resource: RESOURCE,
    keyField: 'tag_key',
    parentField: 'organization_membership',
    getParentId: async (membershipId, callOptions) => {
      // Membership tags are addressed by the membership's numeric id only.
      if (!isId(membershipId)) throw new BalenaInvalidParameterError('membershipId', membershipId);
      const row = await membership.get(membershipId, undefined, callOptions);
      return row.id;
    },
  });

  /**
   * Every tag on the memberships of one organization, ordered by key.
   *
   * @param handleOrId - the organization handle or id.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the tags.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * const tags = await sdk.models.organization.membership.tags.getAllByOrganization('myorg');
   */
  async function getAllByOrganization<
    const O extends OrganizationMembershipTagOptions = Record<never, never>,
  >(
    handleOrId: HandleOrId,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<OrganizationMembershipTagRow<O>>> {
    const orgId = await resolveId(pine, ORGANIZATION_LOOKUP, handleOrId, callOptions);
    // Key order matters on the wire: the official SDK sends `$orderby` before `$filter`.
    const defaults = {
      $orderby: 'tag_key asc' as const,
      $filter: {
        organization_membership: {
          $any: { $alias: 'om', $expr: { om: { is_member_of__organization: orgId } } },
        },
      },
    };
    return getCollection(pine, RESOURCE, defaults, options, callOptions);
  }

  /**
   * The tags of one membership, ordered by key.
   *
   * @param membershipId - the membership id.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the tags.
   * @throws {BalenaInvalidParameterError} when `membershipId` is not an id.
   * @throws {BalenaError} when the membership does not exist.
   * @example
   * const tags = await sdk.models.organization.membership.tags.getAllByOrganizationMembership(5);
   */
  function getAllByOrganizationMembership<
    const O extends OrganizationMembershipTagOptions = Record<never, never>,
  >(
    membershipId: number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<OrganizationMembershipTagRow<O>>> {
    return tags.getAllByParent(membershipId, options, callOptions);
  }

  /**
   * Sets a tag on a membership (creates it, or updates its value).
   *
   * @param membershipId - the membership id.
   * @param tagKey - the tag key (no whitespace, not `io.resin.`/`io.balena.`).
   * @param value - the value.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when `membershipId` is not an id.
   * @throws {BalenaError} when the membership does not exist.
   * @throws {BalenaRequestError} when the API rejects the key.
   * @example
   * await sdk.models.organization.membership.tags.set(5, 'team', 'backend');
   */
  async function set(
    membershipId: number,
    tagKey: string,
    value: string,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    if (!isId(membershipId)) throw new BalenaInvalidParameterError('membershipId', membershipId);
    await tags.set(membershipId, tagKey, value, callOptions);
  }

  /**
   * Removes a tag from a membership (no error when it is absent).
   *
   * @param membershipId - the membership id.
   * @param tagKey - the tag key.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when `membershipId` is not an id.
   * @throws {BalenaError} when the membership does not exist.
   * @example
   * await sdk.models.organization.membership.tags.remove(5, 'team');
   */
  function remove(
    membershipId: number,
    tagKey: string,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    return tags.remove(membershipId, tagKey, callOptions);
  }

  return { getAllByOrganization, getAllByOrganizationMembership, set, remove };
}
