// POST /device/register: a provisioning key creates a device in its own fleet and gets the device's API key.
import type { Router } from 'express';
import { errors, permissions, sbvrUtils } from '@balena/pinejs';
import { ROLE_DEVICE_API_KEY } from '../permissions/index.js';
import { createApiKey } from './api-keys.js';
import { getIdentity } from './context.js';
import { inTransaction, type Tx } from './db.js';
import { RouteError, bodyOf, route } from './http.js';

async function resolveDeviceTypeId(tx: Tx, slug: string): Promise<number | undefined> {
  const api = sbvrUtils.api.v7.clone({ passthrough: { req: permissions.root, tx } });
  const bySlug = (await api.get({
    resource: 'device_type',
    options: { $select: 'id', $filter: { slug } },
  })) as Array<{
    id: number;
  }>;
  if (bySlug.length > 0) return bySlug[0].id;
  const byAlias = (await api.get({
    resource: 'device_type_alias',
    options: { $select: 'device_type', $filter: { is_referenced_by__alias: slug } },
  })) as Array<{ device_type: { __id: number } }>;
  return byAlias[0]?.device_type.__id;
}

function optionalInteger(value: unknown, message: string): number | undefined {
  if (value == null) return undefined;
  const parsed = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (!Number.isSafeInteger(parsed)) throw new RouteError(400, message);
  return parsed as number;
}

/** Converts a pinejs HTTP error from the device insert into the route's answer. */
function toRouteError(err: unknown): unknown {
  if (err instanceof errors.HttpError) {
    const body = err.getResponseBody();
    return new RouteError(err.status, typeof body === 'string' ? body : '');
  }
  if (err instanceof permissions.PermissionError) return new RouteError(401);
  return err;
}

/**
 * Mounts POST /device/register (api-spec §2.3): 201 `{id, uuid, api_key}`.
 * @param router the router the identity routes live on
 * @throws never
 * @example
 * installDeviceRegisterRoute(router);
 */
export function installDeviceRegisterRoute(router: Router): void {
  router.post(
    '/device/register',
    route(async (req, res) => {
      const identity = getIdentity(req);
      if (identity.kind !== 'api-key') {
        res.status(401).json({ error: 'API key required' });
        return;
      }
      const body = bodyOf(req);
      const user = optionalInteger(body.user, 'User ID must be a valid integer');
      const application = optionalInteger(
        body.application,
        'Application ID must be a valid integer',
      );
      if (application == null) throw new RouteError(400, 'Application ID must be a valid integer');
      if (typeof body.device_type !== 'string' || body.device_type === '') {
        throw new RouteError(400, 'Device type must be specified');
      }
      if (typeof body.uuid !== 'string' || body.uuid === '')
        throw new RouteError(400, 'UUID must be specified');
      if (body.api_key != null && typeof body.api_key !== 'string') throw new RouteError(400);
      const optional: Record<string, unknown> = {};
      for (const field of [
        'supervisor_version',
        'os_version',
        'os_variant',
        'mac_address',
      ] as const) {
        if (typeof body[field] === 'string') optional[field] = body[field];
      }
      const deviceTypeSlug = body.device_type;
      const uuid = body.uuid;
      const requestedKey =
        typeof body.api_key === 'string' && body.api_key !== '' ? body.api_key : undefined;
      const result = await inTransaction(async (tx) => {
        const deviceType = await resolveDeviceTypeId(tx, deviceTypeSlug);
        if (deviceType == null) throw new RouteError(404, `Unknown device type ${deviceTypeSlug}`);
        const callerApi = sbvrUtils.api.v7.clone({
          passthrough: { req: { apiKey: req.apiKey }, tx },
        });
        const device = (await callerApi
          .post({
            resource: 'device',
            body: {
              belongs_to__application: application,
              ...(user == null ? {} : { belongs_to__user: user }),
              is_of__device_type: deviceType,
              uuid,
              ...optional,
            },
            options: { returnResource: false },
          })
          .catch((err: unknown) => {
            throw toRouteError(err);
          })) as { id: number };
        const { rows } = await tx.executeSql(`SELECT "actor" FROM "device" WHERE "id" = $1`, [
          device.id,
        ]);
        const apiKey = await createApiKey(
          tx,
          Number(rows[0].actor),
          ROLE_DEVICE_API_KEY,
          { name: null, description: null, expiryDate: null },
          requestedKey,
        );
        return { id: device.id, uuid, api_key: apiKey };
      });
      res.status(201).json(result);
    }),
  );
}
