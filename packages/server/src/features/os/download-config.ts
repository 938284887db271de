// POST/GET /download-config: the config.json of a fleet's device for an OS version; creates a provisioning key.
import type { Request } from 'express';
import { ROLE_PROVISIONING_API_KEY } from '../../permissions/index.js';
import { canAccess } from '../../permissions/can-access.js';
import { createApiKey, parseApiKeyFields } from '../../identity/api-keys.js';
import { inTransaction, type Tx } from '../../identity/db.js';
import { RouteError, bodyOf } from '../../identity/http.js';
import { callerActor, findUserByActor } from '../caller.js';
import { requestOrigin } from '../request-origin.js';
import { canonicalDeviceType } from './host-releases.js';

/** Poll interval written when the request names none (10 minutes, in ms). */
export const DEFAULT_APP_UPDATE_POLL_INTERVAL_MS = 10 * 60 * 1000;

const UNSUPPORTED_VERSION = 'balenaOS versions <= 1.2.0 are no longer supported, please update';

function isTrue(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}

// Versions must be semver-like and newer than 1.2.0 (a `v` prefix and build parts are fine).
function isSupportedVersion(version: string): boolean {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (match == null) return false;
  const [major, minor, patch] = match.slice(1).map(Number);
  return major > 1 || (major === 1 && (minor > 2 || (minor === 2 && patch > 0)));
}

async function loadApplication(tx: Tx, appId: number) {
  const { rows } = await tx.executeSql(
    `SELECT a."id", a."actor", dt."slug" FROM "application" a
     JOIN "device type" dt ON dt."id" = a."is for-device type" WHERE a."id" = $1`,
    [appId],
  );
  return rows.length === 0
    ? undefined
    : { id: Number(rows[0].id), actor: Number(rows[0].actor), deviceType: String(rows[0].slug) };
}

/**
 * Builds the config.json for a request (body and query merged), creating the fleet's provisioning key.
 * @param req the request: `appId`, `version` required; network, wifi, static IP, poll interval, development mode,
 * secure boot and provisioning key options optional.
 * @throws RouteError 401 without a caller, 400 for a missing appId/version or an unsupported version, 404 for a
 * fleet the caller cannot see, 403 when the caller may not create provisioning keys of it
 * @example
 * res.json(await buildDownloadConfig(req));
 */
export async function buildDownloadConfig(req: Request): Promise<Record<string, unknown>> {
  const options: Record<string, unknown> = { ...req.query, ...bodyOf(req) };
  const actor = callerActor(req);
  if (actor == null) throw new RouteError(401);
  const appId = Number(options.appId);
  if (options.appId == null || options.appId === '' || !Number.isSafeInteger(appId))
    throw new RouteError(400, 'An appId is required.');
  if (typeof options.version !== 'string' || options.version === '')
    throw new RouteError(400, 'A version is required.');
  const version = options.version;
  if (!isSupportedVersion(version)) throw new RouteError(400, UNSUPPORTED_VERSION);
  return await inTransaction(async (tx) => {
    const app = await loadApplication(tx, appId);
    if (app == null || !(await canAccess(req, tx, 'application', appId, 'read')))
      throw new RouteError(404, 'Application not found');
    if (!(await canAccess(req, tx, 'application', appId, `create-${ROLE_PROVISIONING_API_KEY}`)))
      throw new RouteError(403);
    const requestedType =
      typeof options.deviceType === 'string' && options.deviceType !== ''
        ? await canonicalDeviceType(tx, options.deviceType)
        : undefined;
    const fields = parseApiKeyFields(
      {
        name: options.provisioningKeyName ?? 'Automatically generated provisioning key',
        description:
          options.provisioningKeyDescription ??
          'Automatically generated for a config file generation',
        expiryDate: options.provisioningKeyExpiryDate ?? null,
      },
      false,
    );
    const apiKey = await createApiKey(tx, app.actor, ROLE_PROVISIONING_API_KEY, fields);
    const user = await findUserByActor(tx, actor);
    const pollMinutes = Number(options.appUpdatePollInterval);
    const origin = requestOrigin();
    const host = new URL(origin).hostname;
    const config: Record<string, unknown> = {
      applicationId: app.id,
      deviceType: requestedType?.slug ?? app.deviceType,
      userId: user?.id ?? null,
      appUpdatePollInterval:
        Number.isFinite(pollMinutes) && pollMinutes > 0
          ? pollMinutes * 60_000
          : DEFAULT_APP_UPDATE_POLL_INTERVAL_MS,
      apiKey,
      apiEndpoint: origin,
      deltaEndpoint: origin,
      registryEndpoint: `${host}:5000`,
      vpnEndpoint: host,
      vpnPort: 443,
      listenPort: 48484,
      mixpanelToken: 'balena-main',
      ...(options.network === 'wifi'
        ? { wifiSsid: options.wifiSsid ?? null, wifiKey: options.wifiKey ?? null }
        : {}),
      ...(typeof options.ip === 'string'
        ? { ip: options.ip, gateway: options.gateway, netmask: options.netmask }
        : {}),
    };
    if (isTrue(options.developmentMode) || version.endsWith('.dev')) config.developmentMode = true;
    if (isTrue(options.secureboot)) config.installer = { secureboot: true };
    return config;
  });
}
