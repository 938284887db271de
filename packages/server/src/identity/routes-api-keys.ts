// POST /api-key/user/full, /api-key/v2, /api-key/v1, /api-key/device/:deviceId/device-key,
// /api-key/application/:appId/provisioning.
import type { Request, Router } from 'express';
import {
  AUTH_CREATE_TOKEN,
  ROLE_DEVICE_API_KEY,
  ROLE_NAMED_USER_API_KEY,
  ROLE_PROVISIONING_API_KEY,
} from '../permissions/index.js';
import { canAccess } from '../permissions/can-access.js';
import { createApiKey, parseApiKeyFields } from './api-keys.js';
import { getIdentity } from './context.js';
import { inTransaction, type Tx } from './db.js';
import { RouteError, bodyOf, route } from './http.js';
import { FRESH_SESSION_MS, requireSession } from './sessions.js';

const ACTOR_TABLES = { application: '"application"', device: '"device"', user: '"user"' } as const;
const ROLE_FOR_ACTOR_TYPE = {
  application: ROLE_PROVISIONING_API_KEY,
  device: ROLE_DEVICE_API_KEY,
  user: ROLE_NAMED_USER_API_KEY,
} as const;

async function actorOf(
  tx: Tx,
  type: keyof typeof ACTOR_TABLES,
  id: number,
): Promise<number | undefined> {
  const { rows } = await tx.executeSql(
    `SELECT "actor" FROM ${ACTOR_TABLES[type]} WHERE "id" = $1`,
    [id],
  );
  return rows.length === 0 ? undefined : Number(rows[0].actor);
}

/** The caller's own user id when it is a full user session or a user API key. */
async function callerUserId(req: Request, tx: Tx): Promise<number | undefined> {
  const identity = getIdentity(req);
  if (identity.kind === 'session' && !identity.partial) return identity.user.id;
  if (identity.kind === 'api-key') {
    const { rows } = await tx.executeSql(`SELECT "id" FROM "user" WHERE "actor" = $1`, [
      identity.actor,
    ]);
    return rows.length === 0 ? undefined : Number(rows[0].id);
  }
  return undefined;
}

/** Creates a key for an application or device the caller may manage; 403 when it may not. */
async function createKeyForResource(
  req: Request,
  tx: Tx,
  type: 'application' | 'device',
  id: number,
  fields: ReturnType<typeof parseApiKeyFields>,
  requestedKey?: string,
): Promise<string> {
  const role = ROLE_FOR_ACTOR_TYPE[type];
  const actor = await actorOf(tx, type, id);
  if (actor == null || !(await canAccess(req, tx, type, id, `create-${role}`)))
    throw new RouteError(403);
  return await createApiKey(tx, actor, role, fields, requestedKey);
}

function requireAnyCredential(req: Request): void {
  const identity = getIdentity(req);
  if (identity.kind === 'api-key' || (identity.kind === 'session' && !identity.partial)) return;
  throw new RouteError(401);
}

/**
 * Mounts the API key creation routes. Every key is answered once as a JSON string and stored hashed.
 * @param router the router the identity routes live on
 * @throws never
 * @example
 * installApiKeyRoutes(router);
 */
export function installApiKeyRoutes(router: Router): void {
  router.post(
    '/api-key/user/full',
    route(async (req, res) => {
      const { user, session, permissions } = requireSession(req);
      if (!permissions.includes(AUTH_CREATE_TOKEN)) throw new RouteError(401);
      if (Date.now() - session.authTime > FRESH_SESSION_MS)
        throw new RouteError(401, 'Fresh authentication token required');
      const fields = parseApiKeyFields(bodyOf(req), false);
      if (fields.name == null)
        throw new RouteError(400, "API keys with the 'named-user-api-key' role require a name");
      res
        .status(200)
        .json(
          await inTransaction((tx) =>
            createApiKey(tx, user.actor, ROLE_NAMED_USER_API_KEY, fields),
          ),
        );
    }),
  );

  const createGeneric = (expiryRequired: boolean) =>
    route(async (req, res) => {
      requireAnyCredential(req);
      const body = bodyOf(req);
      const { actorType, actorTypeId, roles, apiKey } = body;
      if (
        typeof actorType !== 'string' ||
        !Number.isInteger(actorTypeId) ||
        (apiKey != null && typeof apiKey !== 'string')
      ) {
        throw new RouteError(400);
      }
      if (!Array.isArray(roles) || roles.length !== 1 || typeof roles[0] !== 'string') {
        throw new RouteError(400, 'API Keys currently only support a single role');
      }
      if (!(actorType in ROLE_FOR_ACTOR_TYPE))
        throw new RouteError(400, `Unsupported actor type '${actorType}'`);
      const type = actorType as keyof typeof ROLE_FOR_ACTOR_TYPE;
      const role = roles[0] as string;
      if (!Object.values(ROLE_FOR_ACTOR_TYPE).includes(role as never))
        throw new RouteError(404, `Role '${role}' not found`);
      if (role !== ROLE_FOR_ACTOR_TYPE[type])
        throw new RouteError(400, `Role '${role}' cannot be used for ${type} keys`);
      const fields = parseApiKeyFields(body, expiryRequired);
      const id = actorTypeId as number;
      const key = await inTransaction(async (tx) => {
        if (type !== 'user')
          return await createKeyForResource(req, tx, type, id, fields, apiKey ?? undefined);
        if (fields.name == null)
          throw new RouteError(400, "API keys with the 'named-user-api-key' role require a name");
        const identity = getIdentity(req);
        // Only a user's own session may mint user keys; user API keys may not create more user keys.
        if (identity.kind !== 'session' || (await callerUserId(req, tx)) !== id)
          throw new RouteError(403);
        return await createApiKey(tx, identity.user.actor, ROLE_NAMED_USER_API_KEY, fields);
      });
      res.status(200).json(key);
    });
  router.post('/api-key/v2', createGeneric(true));
  router.post('/api-key/v1', createGeneric(false));

  router.post(
    '/api-key/device/:deviceId/device-key',
    route(async (req, res) => {
      requireAnyCredential(req);
      const deviceId = Number(req.params.deviceId);
      if (!/^\d+$/.test(req.params.deviceId) || !Number.isSafeInteger(deviceId)) {
        throw new RouteError(400, 'Device id must be a number');
      }
      const body = bodyOf(req);
      if (body.apiKey != null && typeof body.apiKey !== 'string') throw new RouteError(400);
      const fields = parseApiKeyFields(body, false);
      const requested =
        typeof body.apiKey === 'string' && body.apiKey !== '' ? body.apiKey : undefined;
      res
        .status(200)
        .json(
          await inTransaction((tx) =>
            createKeyForResource(req, tx, 'device', deviceId, fields, requested),
          ),
        );
    }),
  );

  router.post(
    '/api-key/application/:appId/provisioning',
    route(async (req, res) => {
      requireAnyCredential(req);
      const appId = Number(req.params.appId);
      if (!/^\d+$/.test(req.params.appId) || !Number.isSafeInteger(appId)) {
        throw new RouteError(400, 'Application id must be a number');
      }
      const fields = parseApiKeyFields(bodyOf(req), false);
      res
        .status(200)
        .json(
          await inTransaction((tx) => createKeyForResource(req, tx, 'application', appId, fields)),
        );
    }),
  );
}
