// Type tests: $select and $expand narrow the result of pine.get.
/* eslint-disable @typescript-eslint/no-unused-vars, @typescript-eslint/no-unused-expressions -- compile-only type tests: values exist only to have their types checked */
import type { PineClient } from '../../src/pine/index.js';
import type $Model from './fixture-model.js';
import { assertType, value, type Equal } from './helpers.js';

declare const pine: PineClient<$Model>;

export async function selectNarrows() {
  const devices = await pine.get({ resource: 'device', options: { $select: ['id', 'uuid'] } });
  assertType<Equal<typeof devices, Array<{ id: number; uuid: string }>>>();
  devices[0].uuid.toUpperCase();
  // @ts-expect-error device_name was not selected
  devices[0].device_name;
}

export async function selectSingleString() {
  const devices = await pine.get({ resource: 'device', options: { $select: 'device_name' } });
  assertType<Equal<typeof devices, Array<{ device_name: string }>>>();
}

export async function selectNavigationIsDeferred() {
  const [device] = await pine.get({
    resource: 'device',
    options: { $select: ['belongs_to__application', 'is_running__release'] },
  });
  assertType<Equal<typeof device.belongs_to__application, { __id: number }>>();
  assertType<Equal<typeof device.is_running__release, { __id: number } | null>>();
  // @ts-expect-error an unexpanded navigation is not an array
  device.belongs_to__application[0];
}

export async function selectUnknownFieldFails() {
  // @ts-expect-error no_such_field is not a field of device
  await pine.get({ resource: 'device', options: { $select: ['id', 'no_such_field'] } });
}

export async function unknownResourceFails() {
  // @ts-expect-error gadget is not a resource of the model
  await pine.get({ resource: 'gadget' });
}

export async function noSelectGivesAllFields() {
  const [device] = await pine.get({ resource: 'device' });
  assertType<Equal<typeof device.note, string | null>>();
  assertType<Equal<typeof device.belongs_to__application, { __id: number }>>();
}

export async function expandObjectNarrows() {
  const [device] = await pine.get({
    resource: 'device',
    options: {
      $select: 'id',
      $expand: { belongs_to__application: { $select: ['app_name', 'slug'] } },
    },
  });
  assertType<
    Equal<
      typeof device,
      { id: number; belongs_to__application: Array<{ app_name: string; slug: string }> }
    >
  >();
  // @ts-expect-error id of the application was not selected
  device.belongs_to__application[0].id;
}

export async function expandNested() {
  const apps = await pine.get({
    resource: 'application',
    options: {
      $select: ['id'],
      $expand: {
        owns__device: {
          $select: 'uuid',
          $expand: { device_tag: { $select: ['tag_key', 'value'] } },
          $filter: { is_online: true },
          $orderby: { device_name: 'asc' },
          $top: 5,
        },
      },
    },
  });
  const tag = apps[0].owns__device[0].device_tag[0];
  assertType<Equal<typeof tag, { tag_key: string; value: string }>>();
  assertType<Equal<(typeof apps)[0]['owns__device'][0]['uuid'], string>>();
}

export async function expandStringAndArrayForms() {
  const [device] = await pine.get({ resource: 'device', options: { $expand: 'device_tag' } });
  assertType<Equal<(typeof device.device_tag)[0]['tag_key'], string>>();
  assertType<Equal<(typeof device.device_tag)[0]['device'], { __id: number }>>();

  const [app] = await pine.get({
    resource: 'application',
    options: { $select: 'id', $expand: ['organization', { owns__release: { $select: 'commit' } }] },
  });
  assertType<Equal<(typeof app.organization)[0]['handle'], string>>();
  assertType<Equal<typeof app.owns__release, Array<{ commit: string }>>>();
}

export async function expandCountIsNumber() {
  const [app] = await pine.get({
    resource: 'application',
    options: {
      $select: 'id',
      $expand: { owns__device: { $count: { $filter: { is_online: true } } } },
    },
  });
  assertType<Equal<typeof app, { id: number; owns__device: number }>>();
}

export async function expandNonNavigationFails() {
  // @ts-expect-error device_name is not a navigation property
  await pine.get({ resource: 'device', options: { $expand: { device_name: {} } } });
  // @ts-expect-error unknown nested field
  await pine.get({ resource: 'device', options: { $expand: { device_tag: { $select: 'nope' } } } });
}

export function readingUnexpandedNavigation() {
  const row = value<Awaited<ReturnType<typeof noSelect>>>()[0];
  // @ts-expect-error device_tag was not expanded, so it is not an array of rows
  row.device_tag.map((tag) => tag.value);
}

function noSelect() {
  return pine.get({ resource: 'device', options: { $select: ['id', 'device_tag'] } });
}
