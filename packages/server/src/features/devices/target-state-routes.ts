// GET /device/v2|v3/:uuid/state and GET /device/v3/fleet/:appUuid/state/ (api-spec §2.6). A poll by the device
// itself is its heartbeat.
import type { Request, Router } from 'express';
import type { dbModule } from '@balena/pinejs';
import { inReadTransaction, inTransaction, rootApi } from '../../identity/db.js';
import { RouteError, route } from '../../identity/http.js';
import {
  callerApi,
  findCallingDevice,
  findVisibleDevices,
  requireCredentials,
} from './device-access.js';
import type { HeartbeatState, HeartbeatTracker } from './heartbeat.js';
import {
  DEFAULT_POLL_INTERVAL_MS,
  buildDeviceStateV2,
  buildDeviceStateV3,
  buildFleetStateV3,
  type DeviceStateParts,
} from './target-state-shape.js';
import {
  loadDeviceData,
  loadFleetData,
  loadReleaseData,
  type NamedValue,
} from './target-state-data.js';
import type { TunnelRegistry } from './tunnels.js';

type Tx = dbModule.Tx;

async function loadDeviceStateParts(
  tx: Tx,
  deviceId: number,
): Promise<DeviceStateParts | undefined> {
  const device = await loadDeviceData(tx, deviceId);
  if (device == null) return undefined;
  const fleet = device.fleetId == null ? undefined : await loadFleetData(tx, device.fleetId);
  const release =
    device.targetReleaseId == null
      ? undefined
      : await loadReleaseData(tx, { id: device.targetReleaseId });
  const extraApps: DeviceStateParts['extraApps'] = [];
  for (const releaseId of [device.supervisorReleaseId, device.hostOsReleaseId]) {
    if (releaseId == null) continue;
    const extraRelease = await loadReleaseData(tx, { id: releaseId });
    const extraFleet = extraRelease && (await loadFleetData(tx, extraRelease.fleetId));
    if (extraRelease != null && extraFleet != null)
      extraApps.push({ fleet: extraFleet, release: extraRelease });
  }
  return { device, fleet, release, extraApps };
}

/** The poll interval the heartbeat expects of a device: the one its tunnel announced, else its config. */
function pollIntervalOf(config: NamedValue[], announced: number | undefined): number {
  if (announced != null) return announced;
  const configured = config.find(
    ({ name }) =>
      name === 'BALENA_SUPERVISOR_POLL_INTERVAL' || name === 'RESIN_SUPERVISOR_POLL_INTERVAL',
  );
  const value = Number(configured?.value);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_POLL_INTERVAL_MS;
}

/**
 * Persists a heartbeat state change; the first `online` also activates the device (first contact).
 * @param deviceId the device
 * @param state the new heartbeat state
 * @throws the database error when the write fails
 * @example
 * const tracker = new HeartbeatTracker(writeHeartbeatState);
 */
export async function writeHeartbeatState(deviceId: number, state: HeartbeatState): Promise<void> {
  await inTransaction(async (tx) => {
    const { rows } = await tx.executeSql(
      `SELECT "api heartbeat state" AS "state" FROM "device" WHERE "id" = $1`,
      [deviceId],
    );
    if (rows.length === 0 || rows[0].state === state) return;
    const body: Record<string, unknown> = {
      api_heartbeat_state: state,
      changed_api_heartbeat_state_on__date: new Date(),
    };
    if (state === 'online' && rows[0].state === 'unknown') body.is_active = true;
    await rootApi(tx).patch({ resource: 'device', id: deviceId, body });
  });
}

/**
 * Installs the target state routes.
 * @param router the router of the device features
 * @param heartbeat the heartbeat tracker a device's own poll reports to
 * @param tunnels connected devices (their announced poll interval)
 * @throws never
 * @example
 * installTargetStateRoutes(router, heartbeat, tunnels);
 */
export function installTargetStateRoutes(
  router: Router,
  heartbeat: HeartbeatTracker,
  tunnels: TunnelRegistry,
): void {
  const deviceState = (version: 2 | 3) =>
    route(async (req: Request, res) => {
      requireCredentials(req);
      const uuid = req.params.uuid;
      // Refusals are thrown after the transaction (a rollback would leave a 30 s pinejs timer behind).
      const { parts, selfId } = await inReadTransaction(async (tx) => {
        const [device] = await findVisibleDevices(req, tx, { uuid });
        if (device == null) return { parts: undefined, selfId: undefined };
        const self = await findCallingDevice(req, tx);
        return {
          parts: await loadDeviceStateParts(tx, device.id),
          selfId: self?.id === device.id ? device.id : undefined,
        };
      });
      if (parts == null) throw new RouteError(401);
      if (selfId != null) {
        const interval = pollIntervalOf(
          parts.device.configVariables,
          tunnels.get(selfId)?.pollIntervalMs,
        );
        await heartbeat.seen(selfId, interval);
      }
      res.json(version === 3 ? buildDeviceStateV3(parts) : buildDeviceStateV2(parts));
    });
  router.get('/device/v2/:uuid/state', deviceState(2));
  router.get('/device/v3/:uuid/state', deviceState(3));
  router.get(
    '/device/v3/fleet/:appUuid/state',
    route(async (req, res) => {
      requireCredentials(req);
      const releaseUuid = typeof req.query.releaseUuid === 'string' ? req.query.releaseUuid : '';
      const state = await inReadTransaction(async (tx) => {
        const [app] = (await callerApi(req, tx).get({
          resource: 'application',
          options: {
            $select: ['id', 'should_be_running__release'],
            $filter: { uuid: req.params.appUuid },
          },
        })) as Array<{ id: number; should_be_running__release: { __id: number } | null }>;
        const fleet = app == null ? undefined : await loadFleetData(tx, app.id);
        if (app == null || fleet == null) return undefined;
        const target = app.should_be_running__release?.__id;
        const release =
          releaseUuid !== ''
            ? await loadReleaseData(tx, { commit: releaseUuid, belongs_to__application: app.id })
            : target == null
              ? undefined
              : await loadReleaseData(tx, { id: target });
        if (releaseUuid !== '' && release == null) return undefined;
        return buildFleetStateV3(fleet, release);
      });
      if (state == null) throw new RouteError(401);
      res.json(state);
    }),
  );
}
