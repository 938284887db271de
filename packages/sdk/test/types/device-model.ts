// Type tests: sdk.models.device results narrow with $select/$expand, and wrong inputs do not compile.
/* eslint-disable @typescript-eslint/no-unused-vars -- compile-only type tests: values exist only to have their types checked */
import type { BalenaSDK } from '../../src/index.js';
import { assertType, type Equal } from './helpers.js';

declare const sdk: BalenaSDK;
const { device } = sdk.models;

async function narrowing() {
  const one = await device.get('a'.repeat(32), { $select: ['id', 'uuid'] });
  assertType<Equal<typeof one, { id: number; uuid: string }>>();

  const withFleet = await device.get(5, {
    $select: 'device_name',
    $expand: { belongs_to__application: { $select: 'slug' } },
  });
  assertType<Equal<(typeof withFleet)['belongs_to__application'], Array<{ slug: string }>>>();

  const inFleet = await device.getAllByApplication('myorg/myfleet', { $select: 'uuid' });
  assertType<Equal<typeof inFleet, Array<{ uuid: string }>>>();

  for await (const row of device.iterateAllByOrganization('myorg', { $select: 'is_online' })) {
    assertType<Equal<typeof row, { is_online: boolean }>>();
  }

  const named = await device.getByName('kitchen', { $select: 'id' });
  assertType<Equal<typeof named, Array<{ id: number }>>>();

  const tags = await device.tags.getAllByDevice(5, { $select: ['tag_key', 'value'] });
  assertType<Equal<typeof tags, Array<{ tag_key: string; value: string }>>>();

  const serviceVars = await device.serviceVar.getAllByDevice(5, { $select: 'name' });
  assertType<Equal<typeof serviceVars, Array<{ name: string }>>>();

  const value = await device.envVar.get(5, 'VAR');
  assertType<Equal<typeof value, string | undefined>>();

  const online: boolean = await device.isOnline(5);
  const progress = await device.getProgress(5);
  assertType<Equal<typeof progress, number | null>>();
  const status: string | null = await device.getStatus(5);
  const key: string = device.generateUniqueKey();
  const info = await device.register('myorg/myfleet', key);
  assertType<Equal<typeof info, { id: number; uuid: string; api_key: string }>>();
}

async function rejected() {
  // @ts-expect-error -- not a field of device
  await device.get(5, { $select: 'no_such_field' });
  // @ts-expect-error -- device tags have no get(device, key)
  await device.tags.get(5, 'key');
  // @ts-expect-error -- a custom location needs a longitude
  await device.setCustomLocation(5, { latitude: 1 });
  // @ts-expect-error -- history bounds are Dates
  await device.history.getAllByDevice(5, { fromDate: 'yesterday' });
  // @ts-expect-error -- the target state comes in versions 2 and 3
  await device.getSupervisorTargetState(5, 4);
}
