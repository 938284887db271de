/**
 * `sdk.models.application`: fleets, their tags and variables, memberships and invites.
 */
import type { SdkModelContext } from '../index.js';
import { createApplicationAccess } from './access.js';
import { createApplicationActions } from './actions.js';
import { createApplicationCore } from './core.js';
import { createDeviceDetails } from './device-details.js';
import { createApplicationInvite } from './invite.js';
import { createApplicationLifecycle } from './lifecycle.js';
import { createApplicationMembership } from './membership.js';
import { createApplicationsByOrganization } from './organization.js';
import { createReleaseTracking } from './release-tracking.js';
import { createApplicationSyncMethods } from './sync-methods.js';
import { createApplicationVariables } from './variables.js';

export type {
  ApplicationContext,
  ApplicationOptions,
  ApplicationRow,
  SlugOrUuidOrId,
} from './core.js';
export type { ApplicationClass, ApplicationCreateOptions } from './lifecycle.js';
export type {
  ApplicationWithDeviceServiceDetails,
  CurrentService,
  CurrentServicesByApp,
} from './device-details.js';
export type {
  ApplicationConfigVariables,
  ApplicationEnvironmentVariables,
  ApplicationTags,
  BuildEnvironmentVariables,
} from './variable-types.js';

/**
 * Builds `sdk.models.application`.
 *
 * @param ctx - the model context.
 * @returns the application model: plain functions, safe to destructure.
 * @throws {Error} never at build time.
 * @example
 * const { get, getAll } = sdk.models.application;
 */
export function createApplicationModel(ctx: SdkModelContext) {
  return {
    ...createApplicationSyncMethods(ctx),
    ...createApplicationCore(ctx),
    ...createApplicationsByOrganization(ctx),
    ...createDeviceDetails(ctx),
    ...createApplicationLifecycle(ctx),
    ...createApplicationAccess(ctx),
    ...createReleaseTracking(ctx),
    ...createApplicationActions(ctx),
    ...createApplicationVariables(ctx),
    membership: createApplicationMembership(ctx),
    invite: createApplicationInvite(ctx),
  };
}

/** The type of `sdk.models.application`. */
export type ApplicationModel = ReturnType<typeof createApplicationModel>;
