// Public device URLs, locally: `https://<uuid>.<deviceUrlsBase>` does not resolve on this machine, so
// `<apiUrl>/local/v1/device-urls/<uuid>/<path>` relays to the device's public web port (port 80 on a real device)
// while the device has `is_web_accessible` set and is connected. No credentials are needed, as for the real URL.
import type { Router } from 'express';
import { inReadTransaction } from '../../identity/db.js';
import { RouteError, route } from '../../identity/http.js';
import type { TunnelRegistry } from './tunnels.js';

const DEVICE_URL_TIMEOUT_MS = 30_000;

/**
 * Installs `GET /local/v1/device-urls/:uuid/*`: 404 `Device not found or not web accessible` unless the device has
 * its public URL enabled and is online; 502 when the device does not answer.
 * @param router the router of the device features
 * @param tunnels where connected simulated devices listen
 * @throws never
 * @example
 * installDeviceUrlRelay(router, tunnels);
 */
export function installDeviceUrlRelay(router: Router, tunnels: TunnelRegistry): void {
  router.get(
    /^\/local\/v1\/device-urls\/([0-9a-f]{32}(?:[0-9a-f]{30})?)(\/.*)?$/,
    route(async (req, res) => {
      const uuid = String(req.params[0]);
      const path = req.params[1] == null ? '/' : String(req.params[1]);
      const deviceId = await inReadTransaction(async (tx) => {
        const { rows } = await tx.executeSql(
          `SELECT "id" FROM "device" WHERE "uuid" = $1 AND "is web accessible" = true
             AND "is connected to vpn" = true`,
          [uuid],
        );
        return rows.length === 0 ? undefined : Number(rows[0].id);
      });
      const tunnel = deviceId == null ? undefined : tunnels.get(deviceId);
      if (tunnel == null) throw new RouteError(404, 'Device not found or not web accessible');
      let reply: Response;
      try {
        reply = await fetch(`${tunnel.address}/public${path}`, {
          headers: { authorization: `Bearer ${tunnel.secret}` },
          signal: AbortSignal.timeout(DEVICE_URL_TIMEOUT_MS),
        });
      } catch {
        throw new RouteError(502);
      }
      const type = reply.headers.get('content-type');
      if (type != null) res.type(type);
      res.status(reply.status).send(Buffer.from(await reply.arrayBuffer()));
    }),
  );
}
