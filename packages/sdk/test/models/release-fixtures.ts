// Fixtures for release, service and image tests: releases, services, images and their links,
// created through plain pine calls as the test user.
import { randomBytes } from 'node:crypto';
import type { BalenaSDK } from '../../src/index.js';

/** A new full commit (32 lowercase hex). */
export function newCommit(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Creates a release of a fleet.
 * @param sdk - an SDK logged in as the fleet's owner.
 * @param fleetId - the fleet.
 * @param fields - overrides (`commit`, `status`, `semver`, `is_final`, ...).
 * @throws when the API rejects the release.
 * @example
 * const release = await createTestRelease(sdk, fleet.id, { semver: '1.2.3' });
 */
export async function createTestRelease(
  sdk: BalenaSDK,
  fleetId: number,
  fields: {
    commit?: string;
    status?: 'running' | 'success' | 'failed';
    semver?: string;
    is_final?: boolean;
    is_created_by__user?: number;
  } = {},
): Promise<{ id: number; commit: string }> {
  const commit = fields.commit ?? newCommit();
  const created = await sdk.pine.post({
    resource: 'release',
    body: {
      belongs_to__application: fleetId,
      commit,
      composition: {},
      status: fields.status ?? 'success',
      source: 'cloud',
      start_timestamp: new Date().toISOString(),
      ...(fields.semver === undefined ? {} : { semver: fields.semver }),
      ...(fields.is_final === undefined ? {} : { is_final: fields.is_final }),
      ...(fields.is_created_by__user === undefined
        ? {}
        : { is_created_by__user: fields.is_created_by__user }),
    },
  });
  return { id: created.id, commit };
}

/**
 * Creates a service of a fleet.
 * @param sdk - an SDK logged in as the fleet's owner.
 * @param fleetId - the fleet.
 * @param serviceName - the service name.
 * @throws when the API rejects the service.
 * @example
 * const serviceId = await createTestService(sdk, fleet.id, 'main');
 */
export async function createTestService(
  sdk: BalenaSDK,
  fleetId: number,
  serviceName: string,
): Promise<number> {
  const created = await sdk.pine.post({
    resource: 'service',
    body: { application: fleetId, service_name: serviceName },
  });
  return created.id;
}

/**
 * Creates an image of a service and links it to a release.
 * @param sdk - an SDK logged in as the fleet's owner.
 * @param serviceId - the service the image is a build of.
 * @param releaseId - the release it is part of.
 * @param buildLog - an optional build log.
 * @throws when the API rejects the image or the link.
 * @example
 * const imageId = await createTestImage(sdk, serviceId, release.id, 'Step 1/2');
 */
export async function createTestImage(
  sdk: BalenaSDK,
  serviceId: number,
  releaseId: number,
  buildLog?: string,
): Promise<number> {
  const image = await sdk.pine.post({
    resource: 'image',
    body: {
      is_a_build_of__service: serviceId,
      start_timestamp: new Date().toISOString(),
      status: 'success',
      push_timestamp: new Date().toISOString(),
      ...(buildLog === undefined ? {} : { build_log: buildLog }),
    },
  });
  await sdk.pine.post({
    resource: 'release_image',
    body: { image: image.id, is_part_of__release: releaseId },
  });
  return image.id;
}
