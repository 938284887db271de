// Host OS and supervisor release tracking of devices (api-spec §1.4 Devices): reported `os_version`/`os_variant`
// and `supervisor_version` select the matching `should_be_operated_by__release` / `should_be_managed_by__release`,
// and explicit targets are validated (existence, success, no downgrade).
import { badRequest, fkId, type Tx } from './hook-utils.js';
import { parseSemver, revisionInBuild, type SemverParts } from './semver.js';

/**
 * Extracts the semver of a reported OS or supervisor version ("balenaOS 2.48.0+rev1", "v14.11.12").
 * @param reported the version text the device reported
 * @throws never
 * @example
 * reportedSemver('balenaOS 2.48.0+rev1 (prod)'); // { semver_major: 2, ..., semver_build: 'rev1' }
 */
export function reportedSemver(reported: unknown): SemverParts | undefined {
  if (typeof reported !== 'string') return undefined;
  const token = /\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?/.exec(reported)?.[0];
  return token == null ? undefined : parseSemver(token);
}

function versionKey(parts: SemverParts): number[] {
  return [
    parts.semver_major,
    parts.semver_minor,
    parts.semver_patch,
    revisionInBuild(parts.semver_build) ?? 0,
  ];
}

function compareVersions(a: SemverParts, b: SemverParts): number {
  const [ka, kb] = [versionKey(a), versionKey(b)];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
  return 0;
}

async function findHostRelease(tx: Tx, deviceTypeId: number, parts: SemverParts, variant: string) {
  const { rows } = await tx.executeSql(
    `SELECT r."id" FROM "release" r JOIN "application" a ON a."id" = r."belongs to-application"
     WHERE a."is host" = true AND a."is for-device type" = $1 AND r."status" = 'success' AND r."is invalidated" = false
       AND r."semver major" = $2 AND r."semver minor" = $3 AND r."semver patch" = $4 AND r."semver prerelease" = $5
       AND r."semver build" = $6 AND r."variant" IN ($7, '')
     ORDER BY (r."variant" = $7) DESC, r."revision" DESC LIMIT 1`,
    [
      deviceTypeId,
      parts.semver_major,
      parts.semver_minor,
      parts.semver_patch,
      parts.semver_prerelease,
      parts.semver_build,
      variant,
    ],
  );
  return rows.length === 0 ? undefined : Number(rows[0].id);
}

async function findSupervisorRelease(tx: Tx, deviceTypeId: number, parts: SemverParts) {
  const { rows } = await tx.executeSql(
    `SELECT r."id" FROM "release" r
     JOIN "application" a ON a."id" = r."belongs to-application"
     JOIN "device type" dt ON dt."id" = $1
     JOIN "cpu architecture" ca ON ca."id" = dt."is of-cpu architecture"
     WHERE a."slug" = 'balena_os/' || ca."slug" || '-supervisor' AND r."status" = 'success'
       AND r."is invalidated" = false AND r."semver major" = $2 AND r."semver minor" = $3 AND r."semver patch" = $4
     ORDER BY r."revision" DESC LIMIT 1`,
    [deviceTypeId, parts.semver_major, parts.semver_minor, parts.semver_patch],
  );
  return rows.length === 0 ? undefined : Number(rows[0].id);
}

interface DeviceOsState {
  id: number;
  deviceType: number;
  osVersion: string | null;
  osVariant: string | null;
  supervisorVersion: string | null;
  operatedBy: number | null;
  managedBy: number | null;
}

async function loadDevices(tx: Tx, ids: number[]): Promise<DeviceOsState[]> {
  const { rows } = await tx.executeSql(
    `SELECT "id", "is of-device type" AS dt, "os version" AS os, "os variant" AS variant,
            "supervisor version" AS sv, "should be operated by-release" AS op, "should be managed by-release" AS mg
     FROM "device" WHERE "id" = ANY($1::integer[])`,
    [ids],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    deviceType: Number(row.dt),
    osVersion: row.os == null ? null : String(row.os),
    osVariant: row.variant == null ? null : String(row.variant),
    supervisorVersion: row.sv == null ? null : String(row.sv),
    operatedBy: row.op == null ? null : Number(row.op),
    managedBy: row.mg == null ? null : Number(row.mg),
  }));
}

async function releaseParts(tx: Tx, id: number): Promise<SemverParts | undefined> {
  const { rows } = await tx.executeSql(
    `SELECT "semver major" AS a, "semver minor" AS b, "semver patch" AS c, "semver prerelease" AS d,
            "semver build" AS e, "revision" AS r FROM "release" WHERE "id" = $1`,
    [id],
  );
  if (rows.length === 0) return undefined;
  const row = rows[0];
  const build = [String(row.e ?? ''), Number(row.r ?? 0) > 0 ? `rev${String(row.r)}` : '']
    .filter(Boolean)
    .join('.');
  return {
    semver_major: Number(row.a),
    semver_minor: Number(row.b),
    semver_patch: Number(row.c),
    semver_prerelease: String(row.d ?? ''),
    semver_build: build,
  };
}

/**
 * After devices were created or reported versions, points them at the matching host OS and supervisor releases:
 * a device without a supervisor target gets one, and a newer reported OS moves the host OS target forward.
 * @param tx the request's transaction
 * @param deviceIds the devices to update
 * @throws the database error when a query fails
 * @example
 * await trackReportedVersions(tx, [deviceId]);
 */
export async function trackReportedVersions(tx: Tx, deviceIds: number[]): Promise<void> {
  for (const device of await loadDevices(tx, deviceIds)) {
    const supervisor = reportedSemver(device.supervisorVersion);
    if (device.managedBy == null && supervisor != null) {
      const release = await findSupervisorRelease(tx, device.deviceType, supervisor);
      if (release != null) {
        await tx.executeSql(
          `UPDATE "device" SET "should be managed by-release" = $1 WHERE "id" = $2`,
          [release, device.id],
        );
      }
    }
    const os = reportedSemver(device.osVersion);
    if (os == null) continue;
    const current =
      device.operatedBy == null ? undefined : await releaseParts(tx, device.operatedBy);
    if (current != null && compareVersions(os, current) <= 0) continue;
    const release = await findHostRelease(tx, device.deviceType, os, device.osVariant ?? '');
    if (release != null) {
      await tx.executeSql(
        `UPDATE "device" SET "should be operated by-release" = $1 WHERE "id" = $2`,
        [release, device.id],
      );
    }
  }
}

/**
 * Validates explicit host OS / supervisor targets in a device write, with the real API's texts.
 * @param tx the request's transaction
 * @param values the write's values
 * @param deviceIds the devices the write affects
 * @throws BadRequestError for a non-id, an unknown or unsuccessful release, or a downgrade
 * @example
 * await checkOsTargets(tx, request.values, ids);
 */
export async function checkOsTargets(
  tx: Tx,
  values: Record<string, unknown>,
  deviceIds: number[],
): Promise<void> {
  const checks = [
    { field: 'should_be_operated_by__release', kind: 'hostapp', reported: 'osVersion' as const },
    {
      field: 'should_be_managed_by__release',
      kind: 'supervisor',
      reported: 'supervisorVersion' as const,
    },
  ];
  for (const { field, kind, reported } of checks) {
    if (!(field in values) || values[field] == null) continue;
    const id = fkId(values[field]);
    if (id == null)
      badRequest(
        kind === 'hostapp'
          ? 'Expected an ID for the hostapp release'
          : 'Expected an ID for the supervisor_release',
      );
    const { rows } = await tx.executeSql(
      `SELECT 1 FROM "release" WHERE "id" = $1 AND "status" = 'success' AND "is invalidated" = false`,
      [id],
    );
    if (rows.length === 0) {
      badRequest(
        kind === 'hostapp'
          ? `Could not find a hostapp release with this ID ${id}`
          : `Could not find a supervisor release with this ID ${id}`,
      );
    }
    const target = await releaseParts(tx, id);
    for (const device of await loadDevices(tx, deviceIds)) {
      const running = reportedSemver(device[reported]);
      if (target != null && running != null && compareVersions(target, running) < 0) {
        badRequest(
          kind === 'hostapp'
            ? 'Attempt to downgrade hostapp, which is not allowed'
            : 'Attempt to downgrade supervisor, which is not allowed',
        );
      }
    }
  }
}
