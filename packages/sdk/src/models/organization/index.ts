/**
 * `sdk.models.organization`, assembled from its parts: core methods, `membership` (with `tags`)
 * and `invite`.
 */
import type { SdkModelContext } from '../index.js';
import { createOrganizationCore } from './core.js';
import { createOrganizationInvite } from './invite.js';
import { createOrganizationMembershipTags } from './membership-tags.js';
import { createOrganizationMembership } from './membership.js';

export type {
  HandleOrId,
  OrganizationCreateBody,
  OrganizationOptions,
  OrganizationRow,
} from './core.js';
export type { OrganizationInviteCreateOptions } from './invite.js';
export type { OrganizationMembershipKey, OrganizationMembershipRoles } from './membership.js';

/**
 * Builds `sdk.models.organization`.
 *
 * @param ctx - the model context.
 * @returns the organization model.
 * @throws {Error} never at build time.
 * @example
 * const organization = createOrganizationModel(ctx);
 */
export function createOrganizationModel(ctx: SdkModelContext) {
  const membership = createOrganizationMembership(ctx);
  return {
    ...createOrganizationCore(ctx),
    membership: { ...membership, tags: createOrganizationMembershipTags(ctx, membership) },
    invite: createOrganizationInvite(ctx),
  };
}
