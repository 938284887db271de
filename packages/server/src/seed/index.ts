// Idempotent seeding of the reference data every installation has: hardware catalogue, roles, types, host OS.
import { findOrInsert, type Tx } from './sql.js';
import {
  CPU_ARCHITECTURES,
  DEVICE_FAMILIES,
  DEVICE_MANUFACTURERS,
  DEVICE_TYPES,
  buildContract,
} from './device-types.js';
import { seedHostOsApplications } from './host-os.js';
import { seedHostOsCatalogue } from './host-os-catalogue.js';

export type { Tx } from './sql.js';

const APPLICATION_MEMBERSHIP_ROLES = [
  {
    name: 'developer',
    description: 'Full control of the fleet: releases, devices, variables and keys.',
  },
  {
    name: 'operator',
    description: 'Operates devices and variables; cannot change releases or the fleet.',
  },
  { name: 'observer', description: 'Read-only access to the fleet.' },
] as const;

/**
 * Seeds the hardware catalogue, membership roles, the default application type and the host OS fleets.
 *
 * Safe to run on every start: rows are looked up by their natural key and only missing ones are added.
 * @param tx the open transaction to seed in.
 * @throws when a row cannot be inserted.
 * @example
 * await pine.sbvrUtils.db.transaction((tx) => seedReferenceData(tx));
 */
export async function seedReferenceData(tx: Tx): Promise<void> {
  const archIds = new Map<string, number>();
  for (const slug of CPU_ARCHITECTURES)
    archIds.set(slug, await findOrInsert(tx, 'cpu architecture', { slug }));

  const manufacturerIds = new Map<string, number>();
  for (const { slug, name } of DEVICE_MANUFACTURERS) {
    manufacturerIds.set(slug, await findOrInsert(tx, 'device manufacturer', { slug }, { name }));
  }
  const familyIds = new Map<string, number>();
  for (const { slug, name, manufacturer } of DEVICE_FAMILIES) {
    familyIds.set(
      slug,
      await findOrInsert(
        tx,
        'device family',
        { slug },
        { name, 'is manufactured by-device manufacturer': manufacturerIds.get(manufacturer) },
      ),
    );
  }
  const deviceTypeIds = new Map<string, number>();
  for (const deviceType of DEVICE_TYPES) {
    const id = await findOrInsert(
      tx,
      'device type',
      { slug: deviceType.slug },
      {
        name: deviceType.name,
        'is of-cpu architecture': archIds.get(deviceType.arch),
        'belongs to-device family': deviceType.family ? familyIds.get(deviceType.family) : null,
        contract: buildContract(deviceType),
      },
    );
    deviceTypeIds.set(deviceType.slug, id);
    for (const alias of [deviceType.slug, ...deviceType.aliases]) {
      await findOrInsert(
        tx,
        'device type-is referenced by-alias',
        { 'is referenced by-alias': alias },
        { 'device type': id },
      );
    }
  }

  for (const name of ['administrator', 'member']) {
    await findOrInsert(tx, 'organization membership role', { name });
  }
  for (const { name, description } of APPLICATION_MEMBERSHIP_ROLES) {
    await findOrInsert(tx, 'application membership role', { name }, { description });
  }
  await findOrInsert(
    tx,
    'application type',
    { slug: 'default' },
    {
      name: 'Default',
      'supports web url': true,
      'supports multicontainer': true,
      'supports gateway mode': true,
      'requires payment': false,
      'is legacy': false,
      'needs-os version range': '>=2.11.0',
      description: 'Fleets of devices running containers.',
    },
  );
  await seedHostOsApplications(tx, deviceTypeIds);
  await seedHostOsCatalogue(tx, deviceTypeIds);
}
