// Type tests: release, service, image, config and deviceType results narrow with $select/$expand,
// and wrong inputs do not compile.
/* eslint-disable @typescript-eslint/no-unused-vars -- compile-only type tests: values exist only to have their types checked */
import type { BalenaSDK } from '../../src/index.js';
import { assertType, type Equal } from './helpers.js';

declare const sdk: BalenaSDK;
const { release, service, image, config, deviceType } = sdk.models;

async function narrowing() {
  const byCommit = await release.get('a'.repeat(32), { $select: ['id', 'commit'] });
  assertType<Equal<typeof byCommit, { id: number; commit: string }>>();

  const byPair = await release.get(
    { application: 'myorg/fleet', rawVersion: '1.0.0' },
    { $select: 'id', $expand: { release_tag: { $select: 'tag_key' } } },
  );
  assertType<Equal<(typeof byPair)['release_tag'], Array<{ tag_key: string }>>>();

  const all = await release.getAllByApplication(5, { $select: 'status' });
  assertType<
    Equal<
      typeof all,
      Array<{ status: 'running' | 'success' | 'failed' | 'error' | 'cancelled' | 'interrupted' }>
    >
  >();

  const latest = await release.getLatestByApplication(5, { $select: 'raw_version' });
  assertType<Equal<typeof latest, { raw_version: string | null } | undefined>>();

  for await (const row of release.iterateAllByApplication(5, { $select: 'id' })) {
    assertType<Equal<typeof row, { id: number }>>();
  }

  const details = await release.getWithImageDetails(5);
  assertType<Equal<(typeof details)['images'][number]['service_name'], string>>();

  const tags = await release.tags.getAllByRelease(5, { $select: ['tag_key', 'value'] });
  assertType<Equal<typeof tags, Array<{ tag_key: string; value: string }>>>();

  const asset = await release.asset.get({ asset_key: 'a', release: 5 }, { $select: 'asset_key' });
  assertType<Equal<typeof asset, { asset_key: string }>>();

  const releaseId: number = await release.createFromUrl(5, { url: 'https://example.com/app.tar' });

  const services = await service.getAllByApplication(5, { $select: 'service_name' });
  assertType<Equal<typeof services, Array<{ service_name: string }>>>();
  const serviceVar = await service.var.get({ application: 5, service_name: 'main' }, 'A');
  assertType<Equal<typeof serviceVar, string | undefined>>();

  const img = await image.get(5, { $select: 'build_log' });
  assertType<Equal<typeof img, { build_log: string | null }>>();
  const logs = await image.getLogs(5);
  assertType<Equal<typeof logs, string | null>>();

  const dt = await deviceType.get('raspberrypi3', { $select: 'slug' });
  assertType<Equal<typeof dt, { slug: string }>>();
  const name: string = await deviceType.getName('raspberrypi3');
  const method = await deviceType.getInstallMethod('raspberrypi3');
  assertType<Equal<typeof method, string | null>>();

  const schema = await config.getConfigVarSchema('raspberry-pi');
  const reserved: string[] = schema.reservedNames;
}

async function rejected() {
  // @ts-expect-error -- not a field of release
  await release.get(5, { $select: 'no_such_field' });
  // @ts-expect-error -- uploads need a numeric release id
  await release.asset.upload({ asset: new File([], 'a'), asset_key: 'a', release: 'abc' });
  // @ts-expect-error -- service variables are keyed by service id or { application, service_name }
  await service.var.get('main', 'A');
  // @ts-expect-error -- image ids are numbers
  await image.get('abc');
  // @ts-expect-error -- setIsInvalidated takes a boolean
  await release.setIsInvalidated(5, 'yes');
}
