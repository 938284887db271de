// Organization features: invites and their acceptance, team rules and membership rules. Their permissions are part
// of the role sets in src/permissions.
import express, { type Application } from 'express';
import { onHookRegistration } from '../after-init.js';
import {
  installInviteAcceptance,
  installInviteeByEmail,
  registerInviteHooks,
} from '../invite-flow.js';
import { ORGANIZATION_INVITES } from './invites.js';
import { registerMembershipHooks } from './memberships.js';
import { registerTeamHooks } from './teams.js';

function registerOrganizationHooks(): void {
  registerInviteHooks(ORGANIZATION_INVITES);
  registerTeamHooks();
  registerMembershipHooks();
}

/**
 * Installs the organization features: `POST /org/v1/invitation/:token` and the invitee-by-e-mail swap now, the
 * pine hooks after init.
 * @param app the express application
 * @throws never
 * @example
 * installOrganizationFeatures(app);
 */
export function installOrganizationFeatures(app: Application): void {
  const router = express.Router();
  installInviteAcceptance(router, ORGANIZATION_INVITES);
  installInviteeByEmail(router, ORGANIZATION_INVITES);
  app.use(router);
  onHookRegistration(registerOrganizationHooks);
}
