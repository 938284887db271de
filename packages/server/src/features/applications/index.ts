// Application features: memberships by username, invites and their acceptance, and the fleet restart action.
import express, { type Application } from 'express';
import { onHookRegistration } from '../after-init.js';
import {
  installApplicationInviteAcceptance,
  installApplicationInviteeByEmail,
  registerApplicationInviteHooks,
} from './invites.js';
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
  installApplicationInviteAcceptance(router);
  installApplicationInviteeByEmail(router);
  installApplicationRestart(router);
  app.use(router);
  onHookRegistration(() => {
    registerApplicationInviteHooks();
    registerApplicationMembershipHooks();
  });
}
