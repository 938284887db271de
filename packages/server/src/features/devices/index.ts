// Device-side features of the local API: target state, state reports, heartbeat, the supervisor proxy with its
// local "VPN" for simulated devices, public device URLs, and the OS update actions service.
import express, { type Application } from 'express';
import { onAfterInit } from '../after-init.js';
import { installDeviceUrlRelay } from './device-urls.js';
import { HeartbeatTracker } from './heartbeat.js';
import { OsUpdateActions, installOsUpdateActions } from './os-update-actions.js';
import { installStateReportRoute } from './state-report.js';
import { installSupervisorProxy } from './supervisor-proxy.js';
import { installTargetStateRoutes, writeHeartbeatState } from './target-state-routes.js';
import { TunnelRegistry, installTunnelRoutes } from './tunnels.js';

let heartbeat: HeartbeatTracker | undefined;

/**
 * Installs the device routes; at boot, clears the VPN flags and heartbeats a previous run left (no tunnel or
 * heartbeat timer survives a restart).
 * @param app the express application
 * @throws never
 * @example
 * installDeviceFeatures(app);
 */
export function installDeviceFeatures(app: Application): void {
  // A server restarted in the same process (tests) must not keep the previous run's timers.
  heartbeat?.stop();
  heartbeat = new HeartbeatTracker(writeHeartbeatState);
  const tunnels = new TunnelRegistry();
  const actions = new OsUpdateActions();
  const router = express.Router();
  installTargetStateRoutes(router, heartbeat, tunnels);
  installStateReportRoute(router, actions);
  installTunnelRoutes(router, tunnels, heartbeat);
  installSupervisorProxy(router, tunnels);
  installOsUpdateActions(router, tunnels, actions);
  installDeviceUrlRelay(router, tunnels);
  app.use(router);
  onAfterInit(async (tx) => {
    await tx.executeSql(
      `UPDATE "device" SET "is connected to vpn" = false, "is online" = false
       WHERE "is connected to vpn" = true`,
    );
    // No heartbeat survives a restart either: devices that still poll come back online with their next poll.
    await tx.executeSql(
      `UPDATE "device" SET "api heartbeat state" = 'offline', "changed api heartbeat state on-date" = NOW()
       WHERE "api heartbeat state" IN ('online', 'timeout')`,
    );
  });
}
