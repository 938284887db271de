// Finds the host OS release an image request names: device type by slug or alias, version exact (raw version,
// `v` prefix allowed), legacy (`2020.04.0[.prod]` from the version/variant release tags) or `latest`.
import type { dbModule } from '@balena/pinejs';

type Tx = dbModule.Tx;

/** A host OS release an image can be built from. */
export interface HostOsRelease {
  deviceType: string;
  rawVersion: string;
  variant: string;
}

interface ReleaseRow {
  raw: string;
  variant: string;
  isFinal: boolean;
  policy: string | null;
  versionTag: string | null;
  variantTag: string | null;
  major: number;
  minor: number;
  patch: number;
  prerelease: string;
}

const SHORT_VARIANT: Record<string, string> = { production: 'prod', development: 'dev' };

/**
 * Resolves a device type slug or alias to its canonical slug.
 * @param tx the open transaction.
 * @param slugOrAlias what the client sent.
 * @throws the database error when the query fails
 * @example
 * await canonicalDeviceType(tx, 'raspberrypi'); // 'raspberry-pi'
 */
export async function canonicalDeviceType(
  tx: Tx,
  slugOrAlias: string,
): Promise<{ id: number; slug: string } | undefined> {
  const { rows } = await tx.executeSql(
    `SELECT dt."id", dt."slug" FROM "device type" dt
     JOIN "device type-is referenced by-alias" a ON a."device type" = dt."id"
     WHERE a."is referenced by-alias" = $1 LIMIT 1`,
    [slugOrAlias],
  );
  return rows.length === 0 ? undefined : { id: Number(rows[0].id), slug: String(rows[0].slug) };
}

async function hostReleases(tx: Tx, deviceTypeId: number): Promise<ReleaseRow[]> {
  const { rows } = await tx.executeSql(
    `SELECT r."raw version" AS raw, r."variant", r."is final", r."semver major", r."semver minor",
       r."semver patch", r."semver prerelease",
       (SELECT t."value" FROM "application-has-tag key" t
         WHERE t."application" = a."id" AND t."tag key" = 'release-policy') AS policy,
       (SELECT t."value" FROM "release-has-tag key" t WHERE t."release" = r."id" AND t."tag key" = 'version') AS vtag,
       (SELECT t."value" FROM "release-has-tag key" t WHERE t."release" = r."id" AND t."tag key" = 'variant') AS ttag
     FROM "release" r JOIN "application" a ON a."id" = r."belongs to-application"
     WHERE a."is host" = true AND a."is for-device type" = $1
       AND r."status" = 'success' AND r."is invalidated" = false`,
    [deviceTypeId],
  );
  return rows.map((row) => ({
    raw: String(row.raw),
    variant: String(row.variant ?? ''),
    isFinal: row['is final'] === true || row['is final'] === 1,
    policy: row.policy == null ? null : String(row.policy),
    versionTag: row.vtag == null ? null : String(row.vtag),
    variantTag: row.ttag == null ? null : String(row.ttag),
    major: Number(row['semver major']),
    minor: Number(row['semver minor']),
    patch: Number(row['semver patch']),
    prerelease: String(row['semver prerelease'] ?? ''),
  }));
}

// The names a release answers to: its raw version, or for legacy releases `<version tag>[.<variant>]`.
function namesOf(row: ReleaseRow): string[] {
  if (row.versionTag == null || !row.raw.startsWith('0.0.0')) return [row.raw];
  const variant =
    row.variantTag == null ? row.variant : (SHORT_VARIANT[row.variantTag] ?? row.variantTag);
  return variant
    ? [`${row.versionTag}.${variant}`, `${row.versionTag}.${row.variantTag}`]
    : [row.versionTag];
}

function newerFirst(a: ReleaseRow, b: ReleaseRow): number {
  return b.major - a.major || b.minor - a.minor || b.patch - a.patch || a.raw.localeCompare(b.raw);
}

/**
 * Finds the host OS release of a device type for a requested version.
 * @param tx the open transaction.
 * @param deviceType the device type slug or alias.
 * @param version the raw version (optionally `v`-prefixed), a legacy version, or `latest` (newest final release
 * of a default-policy host fleet, no prerelease).
 * @throws the database error when the query fails
 * @example
 * const release = await findHostOsRelease(tx, 'raspberrypi3', '2.48.0+rev1.prod');
 */
export async function findHostOsRelease(
  tx: Tx,
  deviceType: string,
  version: string,
): Promise<HostOsRelease | undefined> {
  const type = await canonicalDeviceType(tx, deviceType);
  if (type == null) return undefined;
  const rows = await hostReleases(tx, type.id);
  let found: ReleaseRow | undefined;
  if (version === 'latest') {
    found = rows
      .filter(
        (row) => row.isFinal && row.prerelease === '' && row.major > 0 && row.policy !== 'esr',
      )
      .sort(newerFirst)[0];
  } else {
    const wanted = version.startsWith('v') ? version.slice(1) : version;
    found = rows.find((row) => namesOf(row).includes(wanted));
  }
  return found == null
    ? undefined
    : { deviceType: type.slug, rawVersion: namesOf(found)[0], variant: found.variant };
}
