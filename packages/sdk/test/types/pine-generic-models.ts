// Type tests: a model method generic in its options states its result type without casts.
/* eslint-disable @typescript-eslint/no-unused-vars -- compile-only type tests: values exist only to have their types checked */
import {
  getMany,
  getOne,
  type ODataOptionsWithoutCount,
  type PineClient,
  type RowResult,
} from '../../src/pine/index.js';
import { mergePineOptions, type MergePineOptions } from '../../src/utils/merge-pine-options.js';
import type $Model from './fixture-model.js';
import type { Device } from './fixture-model.js';
import { assertType, type Equal } from './helpers.js';

declare const pine: PineClient<$Model>;

const DEFAULTS = { $select: ['id'] } as const;

async function getDevice<
  const O extends ODataOptionsWithoutCount<Device['Read']> = Record<never, never>,
>(
  uuid: string,
  options?: O,
): Promise<RowResult<Device['Read'], MergePineOptions<typeof DEFAULTS, O>> | undefined> {
  return getOne(pine, 'device', { uuid }, mergePineOptions(DEFAULTS, options));
}

async function getDevices<
  const O extends ODataOptionsWithoutCount<Device['Read']> = Record<never, never>,
>(options?: O): Promise<Array<RowResult<Device['Read'], O>>> {
  return getMany(pine, 'device', options);
}

export async function callersSeeNarrowedTypes() {
  const device = await getDevice('abc', {
    $select: 'uuid',
    $expand: { device_tag: { $select: 'value' } },
  });
  assertType<
    Equal<
      typeof device,
      { id: number; uuid: string; device_tag: Array<{ value: string }> } | undefined
    >
  >();
  const plain = await getDevice('abc');
  assertType<Equal<typeof plain, { id: number } | undefined>>();
  const devices = await getDevices({ $select: ['device_name'] });
  assertType<Equal<typeof devices, Array<{ device_name: string }>>>();
  // @ts-expect-error unknown field in the caller's options
  await getDevices({ $select: ['nope'] });
}
