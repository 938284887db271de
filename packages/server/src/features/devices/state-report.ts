// PATCH /device/v3/state: a device reports its current state (versions, addresses, metrics, the running release
// and each service's install status). The API turns it into device fields and image installs, which drive
// `overall_status` / `overall_progress`.
import { errors, type dbModule } from '@balena/pinejs';
import type { Router } from 'express';
import { inReadTransaction, inTransaction, rootApi } from '../../identity/db.js';
import { RouteError, bodyOf, route } from '../../identity/http.js';
import { patchDevice, requireCallingDevice, type DeviceRef } from './device-access.js';
import type { OsUpdateActions } from './os-update-actions.js';

type Tx = dbModule.Tx;
type Dict = Record<string, unknown>;

/** Device fields a state report may set, with the type each must have. */
const REPORTED_FIELDS: Record<string, 'string' | 'number' | 'boolean'> = {
  status: 'string',
  os_version: 'string',
  os_variant: 'string',
  supervisor_version: 'string',
  provisioning_progress: 'number',
  provisioning_state: 'string',
  ip_address: 'string',
  mac_address: 'string',
  public_address: 'string',
  download_progress: 'number',
  memory_usage: 'number',
  memory_total: 'number',
  storage_block_device: 'string',
  storage_usage: 'number',
  storage_total: 'number',
  cpu_usage: 'number',
  cpu_temp: 'number',
  cpu_id: 'string',
  is_undervolted: 'boolean',
  update_status: 'string',
};

/** One service of a reported release. */
export interface ReportedService {
  imageId: number;
  status: string;
  downloadProgress: number | null;
}

/** A state report, validated. */
export interface StateReport {
  fields: Dict;
  /** commit of the release the device runs for its own fleet, if reported */
  runningCommit?: string | null;
  /** reported services by release commit */
  services: Map<string, ReportedService[]>;
}

function isDict(value: unknown): value is Dict {
  return value != null && typeof value === 'object' && !Array.isArray(value);
}

function parseServices(release: unknown, commit: string, into: Map<string, ReportedService[]>) {
  if (!isDict(release) || !isDict(release.services)) return;
  const list: ReportedService[] = [];
  for (const [name, service] of Object.entries(release.services)) {
    if (!isDict(service)) throw new RouteError(400, `Invalid service ${name}`);
    const imageId = service.image_id ?? service.imageId;
    if (typeof imageId !== 'number' || !Number.isInteger(imageId))
      throw new RouteError(400, `Service ${name} needs an integer image_id`);
    if (typeof service.status !== 'string')
      throw new RouteError(400, `Service ${name} needs a status`);
    const progress = service.download_progress;
    list.push({
      imageId,
      status: service.status,
      downloadProgress: typeof progress === 'number' ? Math.round(progress) : null,
    });
  }
  into.set(commit, list);
}

/**
 * Validates the report of one device (the value under its uuid).
 * @param report the reported object
 * @param fleetUuid the uuid of the device's fleet (its `release_uuid` sets the running release)
 * @throws RouteError 400 for a field of the wrong type or a malformed service entry
 * @example
 * const parsed = parseStateReport({ status: 'Idle', apps: {} }, fleetUuid);
 */
export function parseStateReport(report: unknown, fleetUuid: string | undefined): StateReport {
  if (!isDict(report)) throw new RouteError(400, 'The state report must be an object');
  const fields: Dict = {};
  for (const [name, type] of Object.entries(REPORTED_FIELDS)) {
    // The supervisor reports its addresses as arrays or space-separated strings.
    const raw = report[name];
    const value = Array.isArray(raw) && name.endsWith('_address') ? raw.map(String).join(' ') : raw;
    if (value === undefined) continue;
    if (value !== null && typeof value !== type)
      throw new RouteError(400, `${name} must be a ${type}`);
    fields[name] = type === 'number' && value !== null ? Math.round(value as number) : value;
  }
  const parsed: StateReport = { fields, services: new Map() };
  if (isDict(report.apps)) {
    for (const [appUuid, app] of Object.entries(report.apps)) {
      if (!isDict(app)) continue;
      if (appUuid === fleetUuid && 'release_uuid' in app) {
        parsed.runningCommit = typeof app.release_uuid === 'string' ? app.release_uuid : null;
      }
      if (isDict(app.releases)) {
        for (const [commit, release] of Object.entries(app.releases))
          parseServices(release, commit, parsed.services);
      }
    }
  }
  return parsed;
}

async function releaseIdByCommit(tx: Tx, commit: string): Promise<number | undefined> {
  const { rows } = await tx.executeSql(`SELECT "id" FROM "release" WHERE "commit" = $1 LIMIT 1`, [
    commit,
  ]);
  return rows.length === 0 ? undefined : Number(rows[0].id);
}

async function applyImageInstalls(tx: Tx, device: DeviceRef, report: StateReport): Promise<void> {
  const api = rootApi(tx);
  const existing = (await api.get({
    resource: 'image_install',
    options: { $select: ['id', 'installs__image', 'status'], $filter: { device: device.id } },
  })) as Array<{ id: number; installs__image: { __id: number }; status: string }>;
  const byImage = new Map(existing.map((row) => [row.installs__image.__id, row]));
  const reported = new Set<number>();
  for (const [commit, services] of report.services) {
    const releaseId = await releaseIdByCommit(tx, commit);
    if (releaseId == null) continue;
    for (const service of services) {
      reported.add(service.imageId);
      const body = {
        status: service.status,
        download_progress: service.downloadProgress,
        is_provided_by__release: releaseId,
      };
      const current = byImage.get(service.imageId);
      if (current != null) {
        await api.patch({ resource: 'image_install', id: current.id, body });
      } else {
        await api.post({
          resource: 'image_install',
          body: { ...body, device: device.id, installs__image: service.imageId },
          options: { returnResource: false },
        });
      }
    }
  }
  for (const row of existing) {
    if (!reported.has(row.installs__image.__id) && row.status !== 'deleted') {
      await api.patch({
        resource: 'image_install',
        id: row.id,
        body: { status: 'deleted', download_progress: null },
      });
    }
  }
}

function toRouteError(err: unknown): unknown {
  if (err instanceof errors.HttpError) {
    const body = err.getResponseBody();
    return new RouteError(err.status, typeof body === 'string' ? body : err.message);
  }
  return err;
}

/**
 * Installs `PATCH /device/v3/state` (device API key only; body `{ <own uuid>: report }`), answering 200.
 * @param router the router of the device features
 * @param actions OS update actions (a reported OS version completes them)
 * @throws never
 * @example
 * installStateReportRoute(router, actions);
 */
export function installStateReportRoute(router: Router, actions: OsUpdateActions): void {
  router.patch(
    '/device/v3/state',
    route(async (req, res) => {
      const body = bodyOf(req);
      // Refusals come before the write transaction (a rollback would leave a 30 s pinejs timer behind).
      const self = await requireCallingDevice(req);
      for (const uuid of Object.keys(body)) {
        if (uuid !== self.uuid) throw new RouteError(401);
      }
      const fleetUuid = await inReadTransaction((tx) => fleetUuidOf(tx, self));
      const reported = parseStateReport(body[self.uuid] ?? {}, fleetUuid);
      const device = await inTransaction(async (tx) => {
        const fields = { ...reported.fields };
        if (reported.runningCommit !== undefined) {
          fields.is_running__release =
            reported.runningCommit == null
              ? null
              : ((await releaseIdByCommit(tx, reported.runningCommit)) ?? null);
        }
        try {
          if (Object.keys(fields).length > 0) await patchDevice(tx, self.id, fields);
          await applyImageInstalls(tx, self, reported);
        } catch (err) {
          throw toRouteError(err);
        }
        return self;
      });
      if (typeof reported.fields.os_version === 'string')
        actions.noteReportedOsVersion(device.id, reported.fields.os_version);
      res.status(200).end();
    }),
  );
}

async function fleetUuidOf(tx: Tx, device: DeviceRef): Promise<string | undefined> {
  if (device.fleetId == null) return undefined;
  const { rows } = await tx.executeSql(`SELECT "uuid" FROM "application" WHERE "id" = $1`, [
    device.fleetId,
  ]);
  return rows.length === 0 ? undefined : String(rows[0].uuid);
}
