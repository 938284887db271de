import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { mergePineOptions } from '../../src/utils/merge-pine-options.js';

// The official SDK's implementation is the oracle for the property test below.
const officialMerge = (
  createRequire(import.meta.url)('official-balena-sdk/es2018/util') as {
    mergePineOptions: (defaults: object, extras?: object) => object;
  }
).mergePineOptions;

describe('mergePineOptions', () => {
  it('returns the defaults object itself when extras are missing or empty', () => {
    const defaults = { $select: ['id'] };
    expect(mergePineOptions(defaults)).toBe(defaults);
    expect(mergePineOptions(defaults, {})).toBe(defaults);
  });

  it('concatenates $select lists, promoting strings to arrays', () => {
    expect(mergePineOptions({ $select: 'id' }, { $select: 'uuid' })).toEqual({
      $select: ['id', 'uuid'],
    });
    expect(mergePineOptions({ $select: ['id', 'a'] }, { $select: ['b'] })).toEqual({
      $select: ['id', 'a', 'b'],
    });
    expect(mergePineOptions({}, { $select: 'x' })).toEqual({ $select: ['x'] });
  });

  it("lets '*' in extras win", () => {
    expect(mergePineOptions({ $select: ['id'] }, { $select: '*' })).toEqual({ $select: '*' });
  });

  it('overrides $top, $skip and $orderby', () => {
    expect(
      mergePineOptions(
        { $top: 1, $skip: 2, $orderby: 'a asc' },
        { $top: 10, $skip: 20, $orderby: { b: 'desc' } },
      ),
    ).toEqual({ $top: 10, $skip: 20, $orderby: { b: 'desc' } });
  });

  it('joins $filters with $and, or takes the extra filter alone', () => {
    expect(mergePineOptions({ $filter: { a: 1 } }, { $filter: { b: 2 } })).toEqual({
      $filter: { $and: [{ a: 1 }, { b: 2 }] },
    });
    expect(mergePineOptions({ $select: 'id' }, { $filter: { b: 2 } })).toEqual({
      $select: 'id',
      $filter: { b: 2 },
    });
  });

  it('merges $expand per navigation, recursively', () => {
    const defaults = {
      $expand: { owns__device: { $select: 'id', $filter: { a: 1 } }, organization: {} },
    };
    const merged = mergePineOptions(defaults, {
      $expand: [
        'application_tag',
        { owns__device: { $select: 'uuid', $filter: { b: 2 }, $top: 3 } },
      ],
    });
    expect(merged).toEqual({
      $expand: {
        owns__device: { $select: ['id', 'uuid'], $filter: { $and: [{ a: 1 }, { b: 2 }] }, $top: 3 },
        organization: {},
        application_tag: {},
      },
    });
    expect(defaults.$expand.owns__device).toEqual({ $select: 'id', $filter: { a: 1 } });
  });

  it('normalises a string default $expand', () => {
    expect(mergePineOptions({ $expand: 'a' }, { $expand: { a: { $select: 'id' } } })).toEqual({
      $expand: { a: { $select: ['id'] } },
    });
  });

  it('ignores unknown keys in extras', () => {
    expect(mergePineOptions({ $select: 'id' }, { $count: {} } as object)).toEqual({
      $select: 'id',
    });
  });

  it('matches the official SDK on generated options', () => {
    const field = fc.constantFrom('id', 'uuid', 'name', 'a');
    const select = fc.oneof(
      field,
      fc.array(field, { minLength: 1, maxLength: 3 }),
      fc.constant('*'),
    );
    const filter = fc.dictionary(field, fc.integer(), { minKeys: 1, maxKeys: 2 });
    const leaf = fc.record(
      { $select: select, $filter: filter, $top: fc.nat(), $orderby: fc.constant('id asc') },
      { requiredKeys: [] },
    );
    const expand = fc.oneof(
      fc.constantFrom('owns__device', 'organization'),
      fc.dictionary(fc.constantFrom('owns__device', 'organization'), leaf, { maxKeys: 2 }),
      fc.array(fc.constantFrom('owns__device', 'organization'), { minLength: 1, maxLength: 2 }),
    );
    const options = fc.record(
      { $select: select, $filter: filter, $top: fc.nat(), $skip: fc.nat(), $expand: expand },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(options, options, (defaults, extras) => {
        const ours = mergePineOptions(structuredClone(defaults), structuredClone(extras));
        const official = officialMerge(structuredClone(defaults), structuredClone(extras));
        expect(ours).toEqual(official);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the key order of the official SDK, which decides the query order on the wire', () => {
    const entries = fc.shuffledSubarray(
      [
        ['$select', ['id']],
        ['$filter', { id: 1 }],
        ['$orderby', 'id asc'],
        ['$top', 5],
        ['$skip', 2],
        ['$expand', { organization: { $select: 'id' } }],
      ] as const,
      { minLength: 1 },
    );
    fc.assert(
      fc.property(entries, entries, (defaultEntries, extraEntries) => {
        const defaults = Object.fromEntries(defaultEntries);
        const extras = Object.fromEntries(extraEntries);
        const ours = mergePineOptions(structuredClone(defaults), structuredClone(extras));
        const official = officialMerge(structuredClone(defaults), structuredClone(extras));
        expect(JSON.stringify(ours)).toBe(JSON.stringify(official));
      }),
      { numRuns: 300 },
    );
  });
});
