// POST /supervisor/<path>: relays a supervisor API call to the matching connected devices (api-spec §2.5).
// Devices with a tunnel (simulated devices) get the call over HTTP; VPN-connected devices without one get the
// canned answers a healthy supervisor would give.
import type { Request, Router } from 'express';
import { inReadTransaction } from '../../identity/db.js';
import { RouteError, bodyOf, route } from '../../identity/http.js';
import { canAccess } from '../../permissions/can-access.js';
import {
  findVisibleDevices,
  requireCredentials,
  type DeviceFilter,
  type DeviceRef,
} from './device-access.js';
import type { TunnelRegistry } from './tunnels.js';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']);
const RELAY_TIMEOUT_MS = 50_000;
const MAX_TEXT_BODY = 10_000;

/** What one device answered. */
export interface SupervisorReply {
  statusCode: number;
  body: unknown;
  /** the body was plain text */
  text?: boolean;
}

/** A validated proxy request. */
export interface ProxyRequest {
  path: string;
  method: string;
  data: unknown;
  filter: DeviceFilter;
}

function optionalId(value: unknown, name: string): number | undefined {
  if (value == null) return undefined;
  const parsed = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof parsed !== 'number' || !Number.isSafeInteger(parsed) || parsed <= 0)
    throw new RouteError(400, `${name} must be an integer`);
  return parsed;
}

/**
 * Validates the body of a proxy call: at least one filter, integer ids, a known method.
 * @param path the supervisor path (after `/supervisor`)
 * @param body the request body
 * @throws RouteError 400 `At least one filter must be specified`, or for a bad id, uuid or method
 * @example
 * parseProxyRequest('/v1/reboot', { deviceId: 5, data: { force: false } });
 */
export function parseProxyRequest(path: string, body: Record<string, unknown>): ProxyRequest {
  const deviceId = optionalId(body.deviceId, 'deviceId');
  const appId = optionalId(body.appId, 'appId');
  if (body.uuid != null && typeof body.uuid !== 'string')
    throw new RouteError(400, 'uuid must be a string');
  const uuid = body.uuid as string | undefined;
  if (deviceId == null && appId == null && uuid == null)
    throw new RouteError(400, 'At least one filter must be specified');
  const method = typeof body.method === 'string' ? body.method.toUpperCase() : 'POST';
  if (!METHODS.has(method)) throw new RouteError(400, `Unsupported method ${String(body.method)}`);
  const filter: DeviceFilter = { is_connected_to_vpn: true };
  if (deviceId != null) filter.id = deviceId;
  if (uuid != null) filter.uuid = uuid;
  if (appId != null) filter.belongs_to__application = appId;
  return { path, method, data: body.data, filter };
}

/**
 * The answer of a healthy supervisor, for connected devices that have no simulator behind them.
 * @param path the supervisor path
 * @param device the target device
 * @throws never
 * @example
 * cannedReply('/ping', device); // { statusCode: 200, body: 'OK', text: true }
 */
export function cannedReply(path: string, device: DeviceRef): SupervisorReply {
  if (path === '/ping') return { statusCode: 200, body: 'OK', text: true };
  if (path === '/v1/device') {
    return {
      statusCode: 200,
      body: {
        api_port: 48484,
        ip_address: '',
        os_version: null,
        supervisor_version: null,
        update_pending: false,
        update_failed: false,
        update_downloaded: false,
        status: 'Idle',
        uuid: device.uuid,
      },
    };
  }
  return { statusCode: 200, body: { Data: 'OK', Error: null } };
}

async function relay(request: ProxyRequest, tunnel: { address: string; secret: string }) {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let response: Response;
  try {
    response = await fetch(tunnel.address + request.path, {
      method: request.method,
      headers: {
        authorization: `Bearer ${tunnel.secret}`,
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
      },
      body: hasBody ? JSON.stringify(request.data ?? {}) : undefined,
      signal: AbortSignal.timeout(RELAY_TIMEOUT_MS),
    });
  } catch {
    return undefined;
  }
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  if (text === '') return { statusCode: response.status, body: '', text: true };
  if (type.includes('json')) {
    try {
      return { statusCode: response.status, body: JSON.parse(text) as unknown };
    } catch {
      return { statusCode: 500, body: { error: 'Bad API response from supervisor' } };
    }
  }
  if (text.length <= MAX_TEXT_BODY) return { statusCode: response.status, body: text, text: true };
  return { statusCode: 500, body: { error: 'Bad API response from supervisor' } };
}

async function targetDevices(req: Request, request: ProxyRequest): Promise<DeviceRef[]> {
  // Refusals are thrown after the transaction: a failed transaction rolls back, and pinejs keeps a 30 s timer
  // alive for every rollback.
  const { devices, writable } = await inReadTransaction(async (tx) => {
    const found = await findVisibleDevices(req, tx, request.filter);
    let mayWrite = true;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      for (const device of found) {
        if (!(await canAccess(req, tx, 'device', device.id, 'update'))) mayWrite = false;
      }
    }
    return { devices: found, writable: mayWrite };
  });
  if (devices.length === 0) throw new RouteError(404, 'No online device(s) found');
  if (!writable) throw new RouteError(403);
  return devices;
}

let activeTunnels: TunnelRegistry | undefined;

/**
 * Relays one supervisor call to the matching connected devices, as `POST /supervisor/<path>` does: one device's
 * reply as is, several devices' replies as a 207 list.
 * @param req the express request (the caller's credentials)
 * @param path the supervisor path, e.g. `/v1/restart`
 * @param body `{ uuid?, deviceId?, appId?, method?, data? }`
 * @throws RouteError 400 for bad filters, 404 `No online device(s) found`, 403 without write access, 502 when the
 * only device cannot be reached
 * @example
 * const reply = await relaySupervisorCall(req, '/v1/restart', { appId, data: { appId } });
 */
export async function relaySupervisorCall(
  req: Request,
  path: string,
  body: Record<string, unknown>,
): Promise<SupervisorReply> {
  const request = parseProxyRequest(path, body);
  const devices = await targetDevices(req, request);
  const replies = await Promise.all(
    devices.map(async (device): Promise<SupervisorReply> => {
      const tunnel = activeTunnels?.get(device.id);
      if (tunnel == null) return cannedReply(path, device);
      return (await relay(request, tunnel)) ?? { statusCode: 502, body: '' };
    }),
  );
  if (replies.length > 1) {
    return {
      statusCode: 207,
      body: replies.map(({ statusCode, body: b }) => ({ statusCode, body: b })),
    };
  }
  const [reply] = replies;
  if (reply.statusCode === 502 && reply.body === '') throw new RouteError(502);
  return reply;
}

/**
 * Installs `POST /supervisor/*`.
 * @param router the router of the device features
 * @param tunnels where connected simulated devices listen
 * @throws never
 * @example
 * installSupervisorProxy(router, tunnels);
 */
export function installSupervisorProxy(router: Router, tunnels: TunnelRegistry): void {
  activeTunnels = tunnels;
  router.post(
    /^\/supervisor(\/.*)$/,
    route(async (req, res) => {
      requireCredentials(req);
      const reply = await relaySupervisorCall(req, String(req.params[0]), bodyOf(req));
      if (reply.text === true) {
        if (reply.body === '') res.status(reply.statusCode).end();
        else res.status(reply.statusCode).type('text/plain').send(String(reply.body));
        return;
      }
      res.status(reply.statusCode).json(reply.body);
    }),
  );
}
