// GET /config: the public configuration the SDK reads (device URL base, analytics tokens, ...).
import type { Application } from 'express';

/** Domain device public URLs hang under: `https://<uuid>.<deviceUrlsBase>`. */
export const DEFAULT_DEVICE_URLS_BASE = 'devices.balena-local.test';

/** The body of `GET /config`. */
export interface PublicConfig {
  deployment: string | null;
  deviceUrlsBase: string;
  adminUrl: string;
  gitServerUrl: string;
  mixpanelToken: string;
  signupCodeRequired: boolean;
  supportedSocialProviders: string[];
  DEVICE_ONLINE_ICON: string;
  DEVICE_OFFLINE_ICON: string;
}

/**
 * Builds the public configuration answered by `GET /config`.
 * @param deviceUrlsBase domain used for device public URLs and device actions.
 * @example
 * buildPublicConfig().mixpanelToken; // 'balena-main'
 */
export function buildPublicConfig(deviceUrlsBase: string = DEFAULT_DEVICE_URLS_BASE): PublicConfig {
  return {
    deployment: 'local',
    deviceUrlsBase,
    adminUrl: 'https://admin.balena-local.test',
    gitServerUrl: 'git.balena-local.test',
    // The SDK's tests read this exact value.
    mixpanelToken: 'balena-main',
    signupCodeRequired: false,
    supportedSocialProviders: [],
    DEVICE_ONLINE_ICON: '../static/online.png',
    DEVICE_OFFLINE_ICON: '../static/offline.png',
  };
}

/**
 * Installs `GET /config` (no authentication).
 * @param app the express application.
 * @example
 * installConfigRoutes(app);
 */
export function installConfigRoutes(app: Application): void {
  const body = buildPublicConfig(process.env.DEVICE_URLS_BASE || DEFAULT_DEVICE_URLS_BASE);
  app.get('/config', (_req, res) => {
    res.json(body);
  });
}
