// Service installs follow a device's target release: the pinned release, else its fleet's target release.
// Every service with an image in that release gets a `service_install` row (api-spec §1.4 Devices/Applications).
import type { Tx } from './hook-utils.js';

/**
 * Creates the missing service installs of the given devices for the services of their target releases.
 * @param tx the request's transaction
 * @param deviceIds the devices to bring up to date
 * @throws the database error when the insert fails
 * @example
 * await ensureServiceInstalls(tx, [deviceId]);
 */
export async function ensureServiceInstalls(tx: Tx, deviceIds: number[]): Promise<void> {
  if (deviceIds.length === 0) return;
  await tx.executeSql(
    `INSERT INTO "device-installs-service" ("device", "installs-service")
     SELECT DISTINCT d."id", i."is a build of-service"
     FROM "device" d
     LEFT JOIN "application" a ON a."id" = d."belongs to-application"
     JOIN "image-is part of-release" ri ON ri."is part of-release" = COALESCE(d."is pinned on-release", a."should be running-release")
     JOIN "image" i ON i."id" = ri."image"
     WHERE d."id" = ANY($1::integer[])
       AND NOT EXISTS (
         SELECT 1 FROM "device-installs-service" si
         WHERE si."device" = d."id" AND si."installs-service" = i."is a build of-service")`,
    [deviceIds],
  );
}

/**
 * Brings the service installs of every device of the given fleets up to date (after a target release change).
 * @param tx the request's transaction
 * @param applicationIds the fleets whose target release changed
 * @throws the database error when a query fails
 * @example
 * await ensureFleetServiceInstalls(tx, [appId]);
 */
export async function ensureFleetServiceInstalls(tx: Tx, applicationIds: number[]): Promise<void> {
  if (applicationIds.length === 0) return;
  const { rows } = await tx.executeSql(
    `SELECT "id" FROM "device" WHERE "belongs to-application" = ANY($1::integer[]) AND "is pinned on-release" IS NULL`,
    [applicationIds],
  );
  await ensureServiceInstalls(
    tx,
    rows.map((row) => Number(row.id)),
  );
}

/**
 * Cleans up after devices moved to another fleet: service installs of services outside the new fleet are removed
 * (with their device service variables) and every image install is marked deleted.
 * @param tx the request's transaction
 * @param deviceIds the moved devices
 * @throws the database error when a query fails
 * @example
 * await resetMovedDevices(tx, ids);
 */
export async function resetMovedDevices(tx: Tx, deviceIds: number[]): Promise<void> {
  if (deviceIds.length === 0) return;
  const stale = `SELECT si."id" FROM "device-installs-service" si
     JOIN "device" d ON d."id" = si."device"
     JOIN "application-has-service name" s ON s."id" = si."installs-service"
     WHERE si."device" = ANY($1::integer[]) AND s."application" IS DISTINCT FROM d."belongs to-application"`;
  await tx.executeSql(
    `DELETE FROM "service install-has-name" WHERE "service install" IN (${stale})`,
    [deviceIds],
  );
  await tx.executeSql(`DELETE FROM "device-installs-service" WHERE "id" IN (${stale})`, [
    deviceIds,
  ]);
  await tx.executeSql(
    `UPDATE "device-installs-image" SET "status" = 'deleted', "download progress" = NULL WHERE "device" = ANY($1::integer[])`,
    [deviceIds],
  );
}
