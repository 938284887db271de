// The local stand-in for the device VPN: a simulated device announces where its supervisor API listens, and the
// API marks it VPN-connected. Only loopback addresses are accepted, so the relay cannot be pointed elsewhere.
import type { Router } from 'express';
import { inTransaction } from '../../identity/db.js';
import { RouteError, bodyOf, route } from '../../identity/http.js';
import { patchDevice, requireCallingDevice } from './device-access.js';
import type { HeartbeatTracker } from './heartbeat.js';

/** Where a connected device's supervisor API answers. */
export interface Tunnel {
  /** e.g. `http://127.0.0.1:41234` */
  address: string;
  /** bearer secret the device expects on relayed calls */
  secret: string;
  /** the device's target-state poll interval, for the heartbeat */
  pollIntervalMs?: number;
}

/** Connected devices by device id (in memory: a restarted API starts with none). */
export class TunnelRegistry {
  readonly #tunnels = new Map<number, Tunnel>();

  /**
   * Records a device's tunnel.
   * @param deviceId the device id
   * @param tunnel its address and secret
   * @throws never
   * @example
   * registry.connect(5, { address: 'http://127.0.0.1:4000', secret: 's' });
   */
  connect(deviceId: number, tunnel: Tunnel): void {
    this.#tunnels.set(deviceId, tunnel);
  }

  /**
   * Drops a device's tunnel.
   * @param deviceId the device id
   * @throws never
   * @example
   * registry.disconnect(5);
   */
  disconnect(deviceId: number): void {
    this.#tunnels.delete(deviceId);
  }

  /**
   * The tunnel of a device, if connected.
   * @param deviceId the device id
   * @throws never
   * @example
   * const tunnel = registry.get(5);
   */
  get(deviceId: number): Tunnel | undefined {
    return this.#tunnels.get(deviceId);
  }
}

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}$/;

function parseTunnel(body: Record<string, unknown>): Tunnel {
  const { address, secret, pollIntervalMs } = body;
  if (typeof address !== 'string' || !LOOPBACK.test(address))
    throw new RouteError(400, 'address must be an http loopback address with a port');
  if (typeof secret !== 'string' || secret.length < 16)
    throw new RouteError(400, 'secret must be a string of at least 16 characters');
  if (
    pollIntervalMs != null &&
    (typeof pollIntervalMs !== 'number' ||
      !Number.isInteger(pollIntervalMs) ||
      pollIntervalMs < 100)
  )
    throw new RouteError(400, 'pollIntervalMs must be an integer of at least 100');
  return { address, secret, ...(pollIntervalMs == null ? {} : { pollIntervalMs }) };
}

/**
 * Installs `PUT` / `DELETE /local/v1/devices/:uuid/tunnel` (device API key of that device only): connect marks
 * the device VPN-connected (and so online); disconnect marks it disconnected with an `offline` heartbeat.
 * @param router the router of the device features
 * @param tunnels the registry to record tunnels in
 * @param heartbeat the heartbeat tracker (a disconnect ends tracking)
 * @throws never
 * @example
 * installTunnelRoutes(router, tunnels, heartbeat);
 */
export function installTunnelRoutes(
  router: Router,
  tunnels: TunnelRegistry,
  heartbeat: HeartbeatTracker,
): void {
  router.put(
    '/local/v1/devices/:uuid/tunnel',
    route(async (req, res) => {
      const tunnel = parseTunnel(bodyOf(req));
      const self = await requireCallingDevice(req, req.params.uuid);
      await inTransaction(async (tx) => {
        const known = tunnels.get(self.id);
        tunnels.connect(self.id, tunnel);
        // Devices re-announce their tunnel on every poll; only a new connection is written.
        if (known?.address !== tunnel.address || known.secret !== tunnel.secret)
          await patchDevice(tx, self.id, { is_connected_to_vpn: true });
      });
      res.status(204).end();
    }),
  );
  router.delete(
    '/local/v1/devices/:uuid/tunnel',
    route(async (req, res) => {
      const self = await requireCallingDevice(req, req.params.uuid);
      await inTransaction(async (tx) => {
        tunnels.disconnect(self.id);
        heartbeat.forget(self.id);
        await patchDevice(tx, self.id, {
          is_connected_to_vpn: false,
          api_heartbeat_state: 'offline',
          changed_api_heartbeat_state_on__date: new Date(),
        });
      });
      res.status(204).end();
    }),
  );
}
