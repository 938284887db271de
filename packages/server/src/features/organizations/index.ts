// Organization features: invites and their acceptance, team rules, membership rules and the permissions for them.
import express, { type Application } from 'express';
import { ROLE_DEFAULT_USER, ROLE_NAMED_USER_API_KEY } from '../../permissions/index.js';
import { onAfterInit, onHookRegistration } from '../after-init.js';
import { grantRolePermissions } from '../role-permissions.js';
import {
  installInviteAcceptanceRoute,
  installInviteeByEmail,
  registerInviteHooks,
} from './invites.js';
import { registerMembershipHooks } from './memberships.js';
import { organizationFeaturePermissions } from './permissions.js';
import { registerTeamHooks } from './teams.js';

/**
 * Installs the organization features: `POST /org/v1/invitation/:token` now, hooks and permissions after init.
 * @param app the express application
 * @throws never
 * @example
 * installOrganizationFeatures(app);
 */
export function installOrganizationFeatures(app: Application): void {
  const router = express.Router();
  installInviteAcceptanceRoute(router);
  installInviteeByEmail(router);
  app.use(router);
  onHookRegistration(() => {
    registerInviteHooks();
    registerTeamHooks();
    registerMembershipHooks();
  });
  onAfterInit(async (tx) => {
    for (const role of [ROLE_DEFAULT_USER, ROLE_NAMED_USER_API_KEY])
      await grantRolePermissions(tx, role, organizationFeaturePermissions());
  });
}
