// Type tests: sdk.models.application results narrow with $select/$expand, and wrong inputs do not compile.
/* eslint-disable @typescript-eslint/no-unused-vars -- compile-only type tests: values exist only to have their types checked */
import type { BalenaSDK } from '../../src/index.js';
import { assertType, type Equal } from './helpers.js';

declare const sdk: BalenaSDK;
const { application } = sdk.models;

async function narrowing() {
  const fleet = await application.get('myorg/myfleet', { $select: ['id', 'slug'] });
  assertType<Equal<typeof fleet, { id: number; slug: string }>>();

  const withOrg = await application.get(5, {
    $select: 'id',
    $expand: { organization: { $select: 'handle' } },
  });
  assertType<Equal<(typeof withOrg)['organization'], Array<{ handle: string }>>>();

  const fleets = await application.getAll({ $select: 'app_name' }, 'directly_accessible');
  assertType<Equal<typeof fleets, Array<{ app_name: string }>>>();

  for await (const row of application.iterateAllByOrganization('myorg', { $select: 'uuid' })) {
    assertType<Equal<typeof row, { uuid: string }>>();
  }

  const tags = await application.tags.getAllByApplication(5, { $select: ['tag_key', 'value'] });
  assertType<Equal<typeof tags, Array<{ tag_key: string; value: string }>>>();

  const vars = await application.envVar.getAllByApplication(5, { $select: 'name' });
  assertType<Equal<typeof vars, Array<{ name: string }>>>();

  const value = await application.configVar.get(5, 'BALENA_X');
  assertType<Equal<typeof value, string | undefined>>();

  const count: number = await application.membership.countAllByApplication(5);
  const hash = await application.getTargetReleaseHash(5);
  assertType<Equal<typeof hash, string | undefined>>();
}

async function rejected() {
  // @ts-expect-error -- not a field of application
  await application.get(5, { $select: 'no_such_field' });
  // @ts-expect-error -- tags have no get(parent, key)
  await application.tags.get(5, 'key');
  await application.create({
    name: 'x',
    organization: 'o',
    deviceType: 'd',
    // @ts-expect-error -- the class must be app, fleet or block
    applicationClass: 'other',
  });
  // @ts-expect-error -- purge takes a fleet id only
  await application.purge('myorg/myfleet');
}
