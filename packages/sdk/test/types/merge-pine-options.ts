// Type tests: the result type of mergePineOptions follows the merge rules.
/* eslint-disable @typescript-eslint/no-unused-vars, @typescript-eslint/no-unused-expressions -- compile-only type tests: values exist only to have their types checked */
import type { PineClient } from '../../src/pine/index.js';
import { mergePineOptions } from '../../src/utils/merge-pine-options.js';
import type $Model from './fixture-model.js';
import { assertType, type Equal } from './helpers.js';

export function selectsConcatenate() {
  const merged = mergePineOptions({ $select: ['id', 'uuid'] }, { $select: 'device_name' });
  assertType<Equal<typeof merged.$select, Array<'id' | 'uuid' | 'device_name'>>>();
}

export function starWins() {
  const merged = mergePineOptions({ $select: ['id'] }, { $select: '*' });
  assertType<Equal<typeof merged.$select, '*'>>();
}

export function emptyExtrasReturnDefaults() {
  const defaults = { $select: 'id', $top: 1 } as const;
  const merged = mergePineOptions(defaults);
  assertType<Equal<typeof merged, typeof defaults>>();
}

export function overridesAndFilters() {
  const merged = mergePineOptions(
    { $top: 1, $filter: { a: 1 }, $orderby: 'id asc' },
    { $top: 5, $filter: { b: 'x' } },
  );
  assertType<Equal<typeof merged.$top, 5>>();
  assertType<Equal<typeof merged.$orderby, 'id asc'>>();
  assertType<Equal<typeof merged.$filter, { $and: [{ readonly a: 1 }, { readonly b: 'x' }] }>>();
}

export function expandsMergePerNavigation() {
  const merged = mergePineOptions(
    { $expand: { owns__device: { $select: 'id' } } },
    { $expand: ['organization', { owns__device: { $select: ['uuid'] } }] },
  );
  assertType<Equal<typeof merged.$expand.owns__device.$select, Array<'id' | 'uuid'>>>();
  assertType<Equal<typeof merged.$expand.organization, Record<never, never>>>();
  // @ts-expect-error application was expanded by neither side
  merged.$expand.application;
}

declare const pine: PineClient<$Model>;

export async function mergedOptionsNarrowPineResults() {
  const options = mergePineOptions(
    { $select: ['id'], $filter: { is_online: true } },
    { $select: ['uuid'], $expand: { device_tag: { $select: 'value' } } },
  );
  const [device] = await pine.get({ resource: 'device', options });
  assertType<
    Equal<typeof device, { id: number; uuid: string; device_tag: Array<{ value: string }> }>
  >();
}
