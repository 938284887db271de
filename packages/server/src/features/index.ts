// Feature routes of the local API beyond the identity and OData core. Each feature installs itself here.
import type { Application } from 'express';
import type { webResourceHandler } from '@balena/pinejs';
import { installBuilder } from './builder/index.js';
import { installConfigVars } from './config-vars/index.js';
import { installDeviceTypeManifests } from './device-types/index.js';
import { installReleaseAssets } from './release-assets/index.js';
import { installRequestOrigin } from './request-origin.js';
import { runAfterInitSteps, type AfterInitStep } from './after-init.js';
import { installBilling } from './billing/index.js';
import { installCreditBundles } from './credit-bundles/index.js';
import { installOrganizationFeatures } from './organizations/index.js';
import { installApplicationFeatures } from './applications/index.js';
import { installDeviceFeatures } from './devices/index.js';
import { installOsFeatures } from './os/index.js';
import { installLogs } from './logs/index.js';

/** Settings features need from the server. */
export interface FeatureContext {
  /** The server's data folder, or `memory://`. */
  dataDir?: string;
}

/** What the server must hand to `pine.init`. */
export interface InstalledFeatures {
  webResourceHandler: webResourceHandler.WebResourceHandler;
  /** Run inside the boot transaction after the permission and reference data: feature hooks and data. */
  afterInit: AfterInitStep;
}

/**
 * Installs every feature's routes; call after the identity middleware and before `pine.init` mounts `/v7`.
 * @param app the express application.
 * @param context the server settings features need.
 * @throws when a feature cannot set up its storage.
 * @example
 * const features = installFeatures(app, { dataDir: 'memory://' });
 * await pine.init(app, { models, users, webResourceHandler: features.webResourceHandler });
 */
export function installFeatures(app: Application, context: FeatureContext): InstalledFeatures {
  installRequestOrigin(app);
  installConfigVars(app);
  installDeviceTypeManifests(app);
  installBuilder(app);
  installOrganizationFeatures(app);
  installApplicationFeatures(app);
  installDeviceFeatures(app);
  installOsFeatures(app);
  installLogs(app);
  installCreditBundles();
  installBilling(app);
  const webResourceHandler = installReleaseAssets(app, context.dataDir);
  return { webResourceHandler, afterInit: runAfterInitSteps };
}
