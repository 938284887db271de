// Host OS and supervisor fleets owned by the `balena_os` organization, with releases for OS version queries.
import crypto from 'node:crypto';
import { findOrInsert, insertActor, type Tx } from './sql.js';
import { DEVICE_TYPES } from './device-types.js';

export const HOST_OS_ORGANIZATION_HANDLE = 'balena_os';

/** OS releases every non-discontinued device type gets; `variant` '' marks unified (prod+dev) releases. */
const HOST_OS_RELEASES = [
  { semver: '2.29.0+rev1', variant: 'prod', phase: null },
  { semver: '2.29.0+rev1', variant: 'dev', phase: null },
  { semver: '2.48.0+rev1', variant: 'prod', phase: null },
  { semver: '2.48.0+rev1', variant: 'dev', phase: null },
  { semver: '5.1.20', variant: '', phase: 'current' },
  { semver: '6.0.10', variant: '', phase: null },
] as const;

/** Device types whose host fleet also has the legacy, non-semver 2020.04.0 releases. */
const LEGACY_VERSION_DEVICE_TYPES = new Set(['raspberrypi3', 'fincm3']);

/** One supervisor fleet per CPU architecture: `balena_os/<arch>-supervisor`, on a device type of that arch. */
const SUPERVISOR_FLEETS = [
  { arch: 'rpi', deviceType: 'raspberry-pi' },
  { arch: 'armv7hf', deviceType: 'raspberrypi3' },
  { arch: 'aarch64', deviceType: 'raspberrypi4-64' },
  { arch: 'amd64', deviceType: 'intel-nuc' },
  { arch: 'i386', deviceType: 'qemux86' },
  { arch: 'i386-nlp', deviceType: 'intel-edison' },
] as const;
const SUPERVISOR_VERSIONS = ['10.8.0', '11.12.4', '14.11.12'];

interface ParsedSemver {
  major: number;
  minor: number;
  patch: number;
  prerelease: string;
  build: string;
}

function parseSemver(version: string): ParsedSemver {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/.exec(version);
  if (match == null) throw new Error(`Not a semver: ${version}`);
  return {
    major: +match[1],
    minor: +match[2],
    patch: +match[3],
    prerelease: match[4] ?? '',
    build: match[5] ?? '',
  };
}

// Finalised revision-0 release: raw_version = M.m.p[-pre][+build][.variant], as the real API derives it.
function releaseColumns(semverText: string, variant: string) {
  const semver = parseSemver(semverText);
  const core = `${semver.major}.${semver.minor}.${semver.patch}`;
  const pre = semver.prerelease ? `-${semver.prerelease}` : '';
  const buildParts = [semver.build, variant].filter((part) => part !== '');
  const rawVersion = `${core}${pre}${buildParts.length ? `+${buildParts.join('.')}` : ''}`;
  return {
    'semver major': semver.major,
    'semver minor': semver.minor,
    'semver patch': semver.patch,
    'semver prerelease': semver.prerelease,
    'semver build': semver.build,
    variant,
    semver: `${core}${pre}${semver.build ? `+${semver.build}` : ''}`,
    'raw version': rawVersion,
    version: {
      raw: rawVersion,
      major: semver.major,
      minor: semver.minor,
      patch: semver.patch,
      prerelease: semver.prerelease ? semver.prerelease.split('.') : [],
      build: buildParts.flatMap((part) => part.split('.')),
      version: `${core}${pre}`,
    },
  };
}

export async function ensureFleet(
  tx: Tx,
  organizationId: number,
  appName: string,
  deviceTypeId: number,
  isHost: boolean,
): Promise<{ id: number; isNew: boolean }> {
  const slug = `${HOST_OS_ORGANIZATION_HANDLE}/${appName}`.toLowerCase();
  const existing = await tx.executeSql('SELECT "id" FROM "application" WHERE "slug" = $1', [slug]);
  if (existing.rows.length > 0) return { id: Number(existing.rows[0].id), isNew: false };
  const id = await findOrInsert(
    tx,
    'application',
    { slug },
    {
      actor: await insertActor(tx),
      'app name': appName,
      organization: organizationId,
      'is for-device type': deviceTypeId,
      'application type': await findOrInsert(tx, 'application type', { slug: 'default' }),
      'is host': isHost,
      'is public': true,
      'is of-class': isHost ? 'fleet' : 'app',
      uuid: crypto.randomBytes(16).toString('hex'),
      'should track latest release': true,
    },
  );
  return { id, isNew: true };
}

export async function insertFinalRelease(
  tx: Tx,
  applicationId: number,
  semverText: string,
  variant: string,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const now = new Date();
  return await findOrInsert(
    tx,
    'release',
    { commit: crypto.randomBytes(16).toString('hex') },
    {
      'belongs to-application': applicationId,
      composition: {},
      status: 'success',
      source: 'cloud',
      'start timestamp': now,
      'end timestamp': now,
      'update timestamp': now,
      'is finalized at-date': now,
      revision: 0,
      'is final': true,
      'is passing tests': true,
      ...releaseColumns(semverText, variant),
      ...extra,
    },
  );
}

/**
 * Creates the public host OS fleets (`balena_os/<device type>`) and supervisor fleets with their releases.
 *
 * Only fleets that do not exist yet get releases, so restarts add nothing.
 * @param tx the open transaction.
 * @param deviceTypeIds device type slug → id, from the catalogue seeding.
 * @throws when a row cannot be inserted.
 * @example
 * await seedHostOsApplications(tx, deviceTypeIds);
 */
export async function seedHostOsApplications(
  tx: Tx,
  deviceTypeIds: Map<string, number>,
): Promise<void> {
  const organizationId = await findOrInsert(
    tx,
    'organization',
    { handle: HOST_OS_ORGANIZATION_HANDLE },
    { name: 'balenaOS' },
  );
  for (const deviceType of DEVICE_TYPES) {
    const deviceTypeId = deviceTypeIds.get(deviceType.slug);
    if (deviceTypeId == null || deviceType.discontinued) continue;
    const fleet = await ensureFleet(tx, organizationId, deviceType.slug, deviceTypeId, true);
    if (!fleet.isNew) continue;
    let latest = 0;
    for (const release of HOST_OS_RELEASES) {
      latest = await insertFinalRelease(tx, fleet.id, release.semver, release.variant, {
        phase: release.phase,
      });
    }
    if (LEGACY_VERSION_DEVICE_TYPES.has(deviceType.slug)) {
      for (const [variant, variantTag] of [
        ['prod', 'production'],
        ['dev', 'development'],
      ] as const) {
        const releaseId = await insertFinalRelease(tx, fleet.id, '0.0.0', variant);
        await findOrInsert(
          tx,
          'release-has-tag key',
          { release: releaseId, 'tag key': 'version' },
          { value: '2020.04.0' },
        );
        await findOrInsert(
          tx,
          'release-has-tag key',
          { release: releaseId, 'tag key': 'variant' },
          { value: variantTag },
        );
      }
    }
    await tx.executeSql(
      'UPDATE "application" SET "should be running-release" = $1 WHERE "id" = $2',
      [latest, fleet.id],
    );
  }
  for (const { arch, deviceType } of SUPERVISOR_FLEETS) {
    const deviceTypeId = deviceTypeIds.get(deviceType);
    if (deviceTypeId == null) continue;
    const fleet = await ensureFleet(tx, organizationId, `${arch}-supervisor`, deviceTypeId, false);
    if (!fleet.isNew) continue;
    for (const version of SUPERVISOR_VERSIONS) await insertFinalRelease(tx, fleet.id, version, '');
  }
}
