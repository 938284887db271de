// Device history (api-spec §1.6): every live device has exactly one open history row; when a tracked field changes
// the open row is closed and a new one opened. Rows outlive the device (tracks__device becomes null).
import type { Tx } from './hook-utils.js';

/** Device fields whose change starts a new history row (v7 names). */
export const HISTORY_TRACKED_FIELDS = [
  'belongs_to__application',
  'is_running__release',
  'is_pinned_on__release',
  'os_version',
  'os_variant',
  'supervisor_version',
  'is_of__device_type',
  'should_be_managed_by__release',
  'is_managed_by__service_instance',
  'is_active',
];

/**
 * Opens a history row for each device, snapshotting its tracked fields.
 * @param tx the request's transaction
 * @param deviceIds the devices
 * @param actor the acting actor id, if known
 * @throws the database error when the insert fails
 * @example
 * await openDeviceHistory(tx, [id], req.user?.actor);
 */
export async function openDeviceHistory(
  tx: Tx,
  deviceIds: number[],
  actor: number | undefined,
): Promise<void> {
  if (deviceIds.length === 0) return;
  await tx.executeSql(
    `INSERT INTO "device history" ("is created by-actor", "tracks-device", "tracks-actor", "uuid",
       "belongs to-application", "is active", "is running-release", "is pinned on-release",
       "is managed by-service instance", "os version", "os variant", "supervisor version", "is of-device type",
       "cpu id", "should be managed by-release")
     SELECT $2::integer, d."id", d."actor", d."uuid", d."belongs to-application", d."is active", d."is running-release",
       d."is pinned on-release", d."is managed by-service instance", d."os version", d."os variant",
       d."supervisor version", d."is of-device type", d."cpu id", d."should be managed by-release"
     FROM "device" d WHERE d."id" = ANY($1::integer[])`,
    [deviceIds, actor ?? null],
  );
}

/**
 * Closes the open history rows of the given devices.
 * @param tx the request's transaction
 * @param deviceIds the devices
 * @param actor the acting actor id, if known
 * @throws the database error when the update fails
 * @example
 * await closeDeviceHistory(tx, [id], req.user?.actor);
 */
export async function closeDeviceHistory(
  tx: Tx,
  deviceIds: number[],
  actor: number | undefined,
): Promise<void> {
  if (deviceIds.length === 0) return;
  await tx.executeSql(
    `UPDATE "device history" SET "end timestamp" = now(), "is ended by-actor" = $2::integer
     WHERE "tracks-device" = ANY($1::integer[]) AND "end timestamp" IS NULL`,
    [deviceIds, actor ?? null],
  );
}
