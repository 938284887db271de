// A richer host OS catalogue for one device type (raspberrypi3-64): an ESR host fleet with its release lines, drafts,
// invalidated and failed releases, a prerelease and an ESR release based on a meta-balena version. It gives every
// `os.*` version method of the SDK real data to select from (variants, ESR lines, drafts) without changing the
// releases other device types offer.
import { findOrInsert, type Tx } from './sql.js';
import { HOST_OS_ORGANIZATION_HANDLE, ensureFleet, insertFinalRelease } from './host-os.js';

/** The device type with the full fixture (no other test relies on its host releases). */
export const OS_CATALOGUE_DEVICE_TYPE = 'raspberrypi3-64';

/** ESR line ranges, as the real ESR host fleets tag them (`esr-<line>` = the `major.minor` of that line). */
export const ESR_LINE_TAGS = {
  'esr-next': '2024.1',
  'esr-current': '2023.7',
  'esr-sunset': '2023.1',
} as const;

interface CatalogueRelease {
  semver: string;
  variant: string;
  phase?: string | null;
  final?: boolean;
  invalidated?: boolean;
  status?: string;
  basedOn?: string;
}

/** Extra releases of the default host fleet (it already has 2.29.0, 2.48.0, 5.1.20 and 6.0.10). */
const DEFAULT_EXTRA_RELEASES: CatalogueRelease[] = [
  { semver: '6.1.0', variant: '', phase: 'next', final: false },
  { semver: '6.0.20-1717000000000', variant: '' },
  { semver: '6.0.15', variant: '', invalidated: true },
  { semver: '6.0.12', variant: '', status: 'failed' },
  { semver: '4.0.1', variant: '', phase: 'end-of-life' },
  { semver: '2.88.4+rev3', variant: 'prod' },
  { semver: '2.88.4+rev3', variant: 'dev' },
];

/** Releases of the ESR host fleet: `phase` null lets the line come from the ESR tags. */
const ESR_RELEASES: CatalogueRelease[] = [
  { semver: '2024.1.0', variant: '', phase: null, basedOn: '5.3.2' },
  { semver: '2023.7.1', variant: '', phase: null, basedOn: '5.1.20' },
  { semver: '2023.7.0', variant: '', phase: null, basedOn: '5.0.0' },
  { semver: '2023.1.2', variant: '', phase: null, basedOn: '4.0.26' },
  { semver: '2022.7.3', variant: '', phase: null },
  { semver: '2022.1.0', variant: '', phase: 'end-of-life' },
  { semver: '2024.7.0', variant: '', phase: 'next', final: false },
];

async function insertCatalogueRelease(
  tx: Tx,
  applicationId: number,
  release: CatalogueRelease,
): Promise<void> {
  const id = await insertFinalRelease(tx, applicationId, release.semver, release.variant, {
    phase: release.phase ?? null,
    'is final': release.final ?? true,
    'is finalized at-date': release.final === false ? null : new Date(),
    'is invalidated': release.invalidated ?? false,
    status: release.status ?? 'success',
  });
  if (release.basedOn != null) {
    await findOrInsert(
      tx,
      'release-has-tag key',
      { release: id, 'tag key': 'meta-balena-base' },
      { value: release.basedOn },
    );
  }
}

/**
 * Adds the ESR host fleet and the extra default-fleet releases of {@link OS_CATALOGUE_DEVICE_TYPE}.
 *
 * Runs after `seedHostOsApplications`; only a newly created ESR fleet gets releases, so restarts add nothing.
 * @param tx the open transaction.
 * @param deviceTypeIds device type slug → id, from the catalogue seeding.
 * @throws when a row cannot be inserted.
 * @example
 * await seedHostOsCatalogue(tx, deviceTypeIds);
 */
export async function seedHostOsCatalogue(
  tx: Tx,
  deviceTypeIds: Map<string, number>,
): Promise<void> {
  const deviceTypeId = deviceTypeIds.get(OS_CATALOGUE_DEVICE_TYPE);
  if (deviceTypeId == null) return;
  const organizationId = await findOrInsert(tx, 'organization', {
    handle: HOST_OS_ORGANIZATION_HANDLE,
  });
  const esrFleet = await ensureFleet(
    tx,
    organizationId,
    `${OS_CATALOGUE_DEVICE_TYPE}-esr`,
    deviceTypeId,
    true,
  );
  if (!esrFleet.isNew) return;
  const tags: Record<string, string> = { 'release-policy': 'esr', ...ESR_LINE_TAGS };
  for (const [key, value] of Object.entries(tags)) {
    await findOrInsert(
      tx,
      'application-has-tag key',
      { application: esrFleet.id, 'tag key': key },
      { value },
    );
  }
  for (const release of ESR_RELEASES) await insertCatalogueRelease(tx, esrFleet.id, release);

  const defaultFleet = await ensureFleet(
    tx,
    organizationId,
    OS_CATALOGUE_DEVICE_TYPE,
    deviceTypeId,
    true,
  );
  for (const release of DEFAULT_EXTRA_RELEASES) {
    await insertCatalogueRelease(tx, defaultFleet.id, release);
  }
}
