// Local billing: one account per organization with plan, billing info and invoices (api-spec §2.11).
import express, { type Application } from 'express';
import { hooks, sbvrUtils } from '@balena/pinejs';
import { API_ROOT } from '../../rules/hook-utils.js';
import { onAfterInit, onHookRegistration } from '../after-init.js';
import { installBillingRoutes } from './routes.js';
import { deleteAccount, ensureBillingTables } from './store.js';

function registerBillingHooks(): void {
  hooks.addPureHook('DELETE', API_ROOT, 'organization', {
    PRERUN: async (args) => {
      for (const organization of await sbvrUtils.getAffectedIds(args))
        await deleteAccount(args.tx, organization);
    },
  });
}

/**
 * Installs the `/billing/v1/account/:orgId/...` routes; creates the billing tables after init and removes an
 * organization's account with the organization.
 * @param app the express application
 * @throws never
 * @example
 * installBilling(app);
 */
export function installBilling(app: Application): void {
  const router = express.Router();
  installBillingRoutes(router);
  app.use(router);
  onAfterInit(ensureBillingTables);
  onHookRegistration(registerBillingHooks);
}
