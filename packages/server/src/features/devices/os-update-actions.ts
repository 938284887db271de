// The device actions service for OS updates (`resinhup`), served locally under `/actions` because
// `actions.<deviceUrlsBase>` does not resolve here. A started update is handed to the simulated device, which
// reboots into the target version; the action is done once the device reports that version.
import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import { inReadTransaction, inTransaction } from '../../identity/db.js';
import { RouteError, bodyOf, route } from '../../identity/http.js';
import { canAccess } from '../../permissions/can-access.js';
import { findVisibleDevices, patchDevice, requireCredentials } from './device-access.js';
import type { TunnelRegistry } from './tunnels.js';

/** The statuses of a device action, as the official SDK types them. */
export type ActionStatus = 'idle' | 'in_progress' | 'done' | 'error' | 'configuring' | 'triggered';

/** A stored OS update action. */
export interface OsUpdateAction {
  id: string;
  action: 'resinhup';
  deviceId: number;
  uuid: string;
  status: ActionStatus;
  parameters: { target_version: string };
  error?: string;
  fatal?: boolean;
}

/** How long a device without a simulator behind it takes to "update" (ms). */
export const CANNED_UPDATE_DELAY_MS = 500;

/** Version part of an OS version string, without a variant: `balenaOS 2.88.4+rev1.prod` → `2.88.4+rev1`. */
function versionPart(osVersion: string): string {
  const match = /(\d+\.\d+\.\d+\S*)/.exec(osVersion);
  return (match == null ? osVersion : match[1]).replace(/\.(prod|dev)$/, '');
}

/** Actions by id, plus the latest per device. */
export class OsUpdateActions {
  readonly #byId = new Map<string, OsUpdateAction>();
  readonly #latestByDevice = new Map<number, OsUpdateAction>();

  /**
   * Stores a new action.
   * @param deviceId the device id
   * @param uuid the device uuid
   * @param targetVersion the requested OS version
   * @throws never
   * @example
   * const action = actions.start(5, uuid, '2.88.4+rev1');
   */
  start(deviceId: number, uuid: string, targetVersion: string): OsUpdateAction {
    const action: OsUpdateAction = {
      id: randomUUID(),
      action: 'resinhup',
      deviceId,
      uuid,
      status: 'in_progress',
      parameters: { target_version: targetVersion },
    };
    this.#byId.set(action.id, action);
    this.#latestByDevice.set(deviceId, action);
    return action;
  }

  /**
   * Finds an action by id.
   * @param id the action id
   * @throws never
   * @example
   * actions.get(id)?.status;
   */
  get(id: string): OsUpdateAction | undefined {
    return this.#byId.get(id);
  }

  /**
   * Marks the device's running action done when the reported OS version is its target.
   * @param deviceId the reporting device
   * @param osVersion the OS version it reported
   * @throws never
   * @example
   * actions.noteReportedOsVersion(5, 'balenaOS 2.88.4+rev1');
   */
  noteReportedOsVersion(deviceId: number, osVersion: string): void {
    const action = this.#latestByDevice.get(deviceId);
    if (action == null || action.status !== 'in_progress') return;
    if (versionPart(osVersion) === versionPart(action.parameters.target_version))
      action.status = 'done';
  }

  /**
   * Marks an action failed.
   * @param action the action
   * @param error what went wrong
   * @throws never
   * @example
   * actions.fail(action, 'device unreachable');
   */
  fail(action: OsUpdateAction, error: string): void {
    action.status = 'error';
    action.error = error;
    action.fatal = false;
  }
}

function publicShape(action: OsUpdateAction) {
  return {
    id: action.id,
    action: action.action,
    status: action.status,
    parameters: action.parameters,
    ...(action.error == null ? {} : { error: action.error, fatal: action.fatal ?? false }),
  };
}

async function updateWithoutSimulator(actions: OsUpdateActions, action: OsUpdateAction) {
  await new Promise((resolve) => setTimeout(resolve, CANNED_UPDATE_DELAY_MS).unref());
  const osVersion = `balenaOS ${versionPart(action.parameters.target_version)}`;
  await inTransaction((tx) => patchDevice(tx, action.deviceId, { os_version: osVersion }));
  actions.noteReportedOsVersion(action.deviceId, osVersion);
}

/**
 * Installs `POST /actions/v1|v2/:uuid/resinhup` (body `{parameters:{target_version}}`) and
 * `GET /actions/v1/:uuid/:actionId`.
 * @param router the router of the device features
 * @param tunnels connected simulated devices (the update is handed to them)
 * @param actions the action store
 * @throws never
 * @example
 * installOsUpdateActions(router, tunnels, new OsUpdateActions());
 */
export function installOsUpdateActions(
  router: Router,
  tunnels: TunnelRegistry,
  actions: OsUpdateActions,
): void {
  router.post(
    '/actions/:version(v1|v2)/:uuid/:action',
    route(async (req, res) => {
      requireCredentials(req);
      if (req.params.action !== 'resinhup')
        throw new RouteError(404, `Unknown action ${req.params.action}`);
      const parameters = bodyOf(req).parameters as Record<string, unknown> | undefined;
      const target = parameters?.target_version;
      if (typeof target !== 'string' || target === '')
        throw new RouteError(400, 'parameters.target_version must be a non-empty string');
      const found = await inReadTransaction(async (tx) => {
        const [visible] = await findVisibleDevices(req, tx, { uuid: req.params.uuid });
        if (visible == null) return undefined;
        const writable = await canAccess(req, tx, 'device', visible.id, 'update');
        const online = await findVisibleDevices(req, tx, {
          id: visible.id,
          is_connected_to_vpn: true,
        });
        return { device: visible, writable, online: online.length > 0 };
      });
      // Refusals are thrown after the transaction (a rollback would leave a 30 s pinejs timer behind).
      if (found == null) throw new RouteError(404, `No device with uuid ${req.params.uuid}`);
      if (!found.writable) throw new RouteError(403);
      if (!found.online) throw new RouteError(400, `The device is offline: ${found.device.uuid}`);
      const { device } = found;
      const action = actions.start(device.id, device.uuid, target);
      const tunnel = tunnels.get(device.id);
      const running = tunnel
        ? fetch(`${tunnel.address}/local/v1/os-update`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${tunnel.secret}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ target_version: target }),
          }).then((reply) => {
            if (!reply.ok) actions.fail(action, `The device refused the update (${reply.status})`);
          })
        : updateWithoutSimulator(actions, action);
      const settled = running.catch((err: unknown) => {
        actions.fail(action, err instanceof Error ? err.message : String(err));
      });
      // v1 runs attached: answer once the device has taken (or refused) the update.
      if (req.params.version === 'v1') {
        await settled;
        res.status(200).json(publicShape(action));
      } else {
        res.status(200).json({ ...publicShape(action), status: 'triggered' });
      }
    }),
  );
  router.get(
    '/actions/v1/:uuid/:actionId',
    route(async (req, res) => {
      requireCredentials(req);
      const action = actions.get(req.params.actionId);
      if (action == null || action.uuid !== req.params.uuid)
        throw new RouteError(404, 'Action not found');
      const visible = await inReadTransaction((tx) =>
        findVisibleDevices(req, tx, { id: action.deviceId }),
      );
      if (visible.length === 0) throw new RouteError(404, 'Action not found');
      res.status(200).json(publicShape(action));
    }),
  );
}
