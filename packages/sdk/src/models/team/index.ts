/**
 * `sdk.models.team`, assembled from its parts: core methods, `applicationAccess` and `membership`.
 */
import type { SdkModelContext } from '../index.js';
import { createTeamApplicationAccess } from './application-access.js';
import { createTeamCore } from './core.js';
import { createTeamMembership } from './membership.js';

export type { TeamOptions, TeamRow } from './core.js';
export type { TeamMembershipCreateOptions } from './membership.js';

/**
 * Builds `sdk.models.team`.
 *
 * @param ctx - the model context.
 * @returns the team model.
 * @throws {Error} never at build time.
 * @example
 * const team = createTeamModel(ctx);
 */
export function createTeamModel(ctx: SdkModelContext) {
  const core = createTeamCore(ctx);
  return {
    ...core,
    applicationAccess: createTeamApplicationAccess(ctx, core),
    membership: createTeamMembership(ctx),
  };
}
