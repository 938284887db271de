// Who may touch which device: devices visible to the caller (pine permissions), the device behind a device API
// key, and root writes of server-maintained fields.
import { sbvrUtils, type dbModule } from '@balena/pinejs';
import type { Request } from 'express';
import { getIdentity } from '../../identity/context.js';
import { inReadTransaction, rootApi } from '../../identity/db.js';
import { RouteError } from '../../identity/http.js';

type Tx = dbModule.Tx;

/** The few device fields the device routes need. */
export interface DeviceRef {
  id: number;
  uuid: string;
  actor: number;
  fleetId: number | null;
}

function toRef(row: Record<string, unknown>): DeviceRef {
  return {
    id: Number(row.id),
    uuid: String(row.uuid),
    actor: fkOf(row.actor),
    fleetId: row.belongs_to__application == null ? null : fkOf(row.belongs_to__application),
  };
}

function fkOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value != null && typeof value === 'object' && '__id' in value) return Number(value.__id);
  return Number(value);
}

/**
 * Fails with 401 when the request carries no valid credentials.
 * @param req the express request
 * @throws RouteError 401 for anonymous callers
 * @example
 * requireCredentials(req);
 */
export function requireCredentials(req: Request): void {
  if (req.user == null && req.apiKey == null) throw new RouteError(401);
}

/** Equality filters on device fields. */
export type DeviceFilter = Record<string, string | number | boolean>;

/**
 * The pine client of the v7 model bound to the caller's credentials and a transaction.
 * @param req the express request (its user / apiKey)
 * @param tx the open transaction
 * @throws never
 * @example
 * await callerApi(req, tx).get({ resource: 'application', options: { $select: 'id' } });
 */
export function callerApi(req: Request, tx: Tx) {
  return sbvrUtils.api.v7.clone({
    passthrough: { req: { user: req.user, apiKey: req.apiKey }, tx },
  });
}

/**
 * Reads devices the caller can see, through pine with the caller's permissions.
 * @param req the express request (its user / apiKey)
 * @param tx the open transaction
 * @param filter a pine filter on device
 * @throws the database error when the query fails
 * @example
 * const [device] = await findVisibleDevices(req, tx, { uuid });
 */
export async function findVisibleDevices(
  req: Request,
  tx: Tx,
  filter: DeviceFilter,
): Promise<DeviceRef[]> {
  const found = (await callerApi(req, tx).get({
    resource: 'device',
    options: { $select: ['id', 'uuid', 'actor', 'belongs_to__application'], $filter: filter },
  })) as Array<Record<string, unknown>>;
  return found.map(toRef);
}

/**
 * The device whose API key made the request, if the caller is a device.
 * @param req the express request
 * @param tx the open transaction
 * @throws the database error when the query fails
 * @example
 * const self = await findCallingDevice(req, tx);
 */
export async function findCallingDevice(req: Request, tx: Tx): Promise<DeviceRef | undefined> {
  const identity = getIdentity(req);
  if (identity.kind !== 'api-key') return undefined;
  const found = (await rootApi(tx).get({
    resource: 'device',
    options: {
      $select: ['id', 'uuid', 'actor', 'belongs_to__application'],
      $filter: { actor: identity.actor },
    },
  })) as Array<Record<string, unknown>>;
  return found.length === 0 ? undefined : toRef(found[0]);
}

/**
 * Resolves the device a device-only route is about and checks that the caller is that device (in a read
 * transaction of its own, so a refusal does not roll a transaction back).
 * @param req the express request
 * @param uuid the device uuid from the path (omit for routes that act on the caller itself)
 * @throws RouteError 401 when the caller is not a device, or not the device named by `uuid`
 * @example
 * const self = await requireCallingDevice(req, req.params.uuid);
 */
export async function requireCallingDevice(req: Request, uuid?: string): Promise<DeviceRef> {
  const self = await inReadTransaction((tx) => findCallingDevice(req, tx));
  if (self == null || (uuid != null && self.uuid !== uuid)) throw new RouteError(401);
  return self;
}

/**
 * Writes server-maintained device fields with root rights (hooks run, so derived fields and history follow).
 * @param tx the open transaction
 * @param deviceId the device id
 * @param body the fields to write
 * @throws the pine error when the write is refused
 * @example
 * await patchDevice(tx, 5, { api_heartbeat_state: 'online' });
 */
export async function patchDevice(
  tx: Tx,
  deviceId: number,
  body: Record<string, unknown>,
): Promise<void> {
  await rootApi(tx).patch({ resource: 'device', id: deviceId, body });
}
