// Application features: memberships by username, invites and their acceptance, and the fleet restart action.
import express, { type Application } from 'express';
import { onHookRegistration } from '../after-init.js';
import {
  installInviteAcceptance,
  installInviteeByEmail,
  registerInviteHooks,
} from '../invite-flow.js';
import { APPLICATION_INVITES } from './invites.js';
import { registerApplicationMembershipHooks } from './memberships.js';
import { installApplicationRestart } from './restart.js';

/**
 * Installs the application features: routes now, pine hooks after init.
 * @param app the express application
 * @throws never
 * @example
 * installApplicationFeatures(app);
 */
export function installApplicationFeatures(app: Application): void {
  const router = express.Router();
  installInviteAcceptance(router, APPLICATION_INVITES);
  installInviteeByEmail(router, APPLICATION_INVITES);
  installApplicationRestart(router);
  app.use(router);
  onHookRegistration(() => {
    registerInviteHooks(APPLICATION_INVITES);
    registerApplicationMembershipHooks();
  });
}
