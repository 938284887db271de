// Type tests: get by id, $count, writes, count and iterate.
/* eslint-disable @typescript-eslint/no-unused-vars, @typescript-eslint/no-unused-expressions -- compile-only type tests: values exist only to have their types checked */
import type { PineClient } from '../../src/pine/index.js';
import type $Model from './fixture-model.js';
import { assertType, type Equal } from './helpers.js';

declare const pine: PineClient<$Model>;

export async function getByIdIsSingleOrUndefined() {
  const device = await pine.get({ resource: 'device', id: 5, options: { $select: 'uuid' } });
  assertType<Equal<typeof device, { uuid: string } | undefined>>();
  // @ts-expect-error the row may be undefined
  device.uuid;

  const byKey = await pine.get({
    resource: 'device',
    id: { uuid: 'abc' },
    options: { $select: 'id' },
  });
  assertType<Equal<typeof byKey, { id: number } | undefined>>();
}

export async function naturalKeyFieldsAreChecked() {
  // @ts-expect-error serial is not a field of device
  await pine.get({ resource: 'device', id: { serial: 'x' } });
}

export async function countIsNumber() {
  const count = await pine.get({
    resource: 'device',
    options: { $count: { $filter: { is_online: true } } },
  });
  assertType<Equal<typeof count, number>>();
  const counted = await pine.count({
    resource: 'device',
    options: { $filter: { is_online: true } },
  });
  assertType<Equal<typeof counted, number>>();
}

export async function writes() {
  const created = await pine.post({
    resource: 'device_tag',
    body: { device: 1, tag_key: 'k', value: 'v' },
  });
  assertType<Equal<typeof created.tag_key, string>>();
  // @ts-expect-error colour is not writable on device_tag
  await pine.post({ resource: 'device_tag', body: { colour: 'red' } });
  // @ts-expect-error value must be a string
  await pine.patch({ resource: 'device_tag', id: 1, body: { value: 5 } });
  const upserted = await pine.upsert({
    resource: 'device_tag',
    id: { device: 1, tag_key: 'k' },
    body: { value: 'v' },
  });
  assertType<Equal<typeof upserted, typeof created | undefined>>();
  const tag = await pine.getOrCreate({
    resource: 'device_tag',
    id: { device: 1, tag_key: 'k' },
    body: { value: 'v' },
    options: { $select: ['id', 'value'] },
  });
  assertType<Equal<typeof tag, { id: number; value: string }>>();
}

export async function iterateYieldsNarrowedRows() {
  for await (const device of pine.iterate(
    { resource: 'device', options: { $select: ['id', 'uuid'] } },
    { pageSize: 10 },
  )) {
    assertType<Equal<typeof device, { id: number; uuid: string }>>();
  }
}

export function subscribeIsTyped() {
  const poll = pine.subscribe({
    resource: 'device',
    options: { $select: 'id' },
    pollInterval: 1000,
  });
  poll.on('data', (devices) => {
    assertType<Equal<typeof devices, Array<{ id: number }>>>();
  });
}

export async function requestOptionsAreAccepted(signal: AbortSignal) {
  await pine.get({ resource: 'device' }, { signal, headers: { 'x-a': '1' }, timeout: 1000 });
  // @ts-expect-error timeout is a number of milliseconds
  await pine.get({ resource: 'device' }, { timeout: '1s' });
}
