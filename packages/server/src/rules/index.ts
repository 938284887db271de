// Business rules of the real API as pinejs hooks on the v7 model. Every hook uses the request's transaction.
import { sbvrUtils } from '@balena/pinejs';
import { registerApiKeyRules } from './api-keys.js';
import { registerApplicationRules } from './applications.js';
import { registerCascadeRules } from './cascades.js';
import { registerDeviceRules } from './devices.js';
import { registerImageRules } from './images.js';
import { registerOrganizationRules } from './organizations.js';
import { registerReleaseRules } from './releases.js';
import { registerSecretFieldRules } from './secret-fields.js';
import { registerVariableRules } from './variables.js';
import { registerWriteScopeRules } from './write-scope.js';

let registered = false;

function isModelLoaded(): boolean {
  try {
    return sbvrUtils.getAbstractSqlModel({ vocabulary: 'v7' }) != null;
  } catch {
    return false;
  }
}

function registerAll(): void {
  registerSecretFieldRules();
  registerWriteScopeRules();
  registerVariableRules();
  registerOrganizationRules();
  registerApplicationRules();
  registerDeviceRules();
  registerReleaseRules();
  registerCascadeRules();
  registerApiKeyRules();
  registerImageRules();
  registered = true;
}

/**
 * Registers every business-rule hook with pinejs. pinejs resolves hook resource names against the loaded model,
 * so when the v7 model is not executed yet (called before `pine.init`) registration is deferred to
 * {@link registerPendingRules}, which the identity layer calls after init. Later calls do nothing.
 * @throws Error when the v7 model lacks a resource the rules need
 * @example
 * registerRules();
 * await pine.init(app, config, db);
 */
export function registerRules(): void {
  if (!registered && isModelLoaded()) registerAll();
}

/**
 * Completes a registration that {@link registerRules} deferred; a no-op once registered or while no model is loaded.
 * @throws Error when the v7 model lacks a resource the rules need
 * @example
 * registerPendingRules();
 */
export function registerPendingRules(): void {
  registerRules();
}
