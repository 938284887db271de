import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileUrl } from '../../src/pine/compile.js';
import { oracleCompile } from './oracle.js';

function ourCompile(params: Record<string, unknown>): { url?: string; error?: string } {
  try {
    return { url: compileUrl(params) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const outcomes = { compiled: 0, rejected: 0 };

function sameAsOracle(params: Record<string, unknown>): void {
  const expected = oracleCompile(params);
  outcomes[expected.error === undefined ? 'compiled' : 'rejected'] += 1;
  expect(ourCompile(params)).toEqual(expected);
}

const RUNS = { numRuns: 400 };
const anyString = fc.string({ unit: 'binary', maxLength: 30 });
const field = fc.constantFrom('id', 'name', 'device_name', 'is_online', 'created_at', 'note');
const navigation = fc.constantFrom('owns__device', 'device_tag', 'belongs_to__application');
const date = fc.date({ min: new Date(-1e13), max: new Date(1e13), noInvalidDate: true });
const literal = fc.oneof(
  anyString,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  date,
);

const { filter } = fc.letrec<{ filter: unknown; operand: unknown }>((tie) => ({
  operand: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    fc.record({ $: field }),
    fc.record({ $tolower: fc.record({ $: field }) }),
    fc.record({ $now: fc.constant({}) }),
    fc.record({ $add: fc.tuple(fc.record({ $: field }), fc.integer()) }),
    fc.record({
      $duration: fc.record({ days: fc.nat(9), hours: fc.nat(23) }, { requiredKeys: [] }),
    }),
  ),
  filter: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.dictionary(field, literal, { maxKeys: 3 }),
    fc.dictionary(field, tie('filter'), { maxKeys: 2 }),
    fc.record({ $and: fc.array(tie('filter'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ $or: fc.array(tie('filter'), { minLength: 1, maxLength: 3 }) }),
    fc.array(tie('filter'), { minLength: 0, maxLength: 3 }),
    fc.record({ $not: tie('filter') }),
    fc
      .tuple(
        fc.constantFrom('$eq', '$ne', '$gt', '$ge', '$lt', '$le', '$mod'),
        tie('operand'),
        tie('operand'),
      )
      .map(([op, a, b]) => ({ [op]: [a, b] })),
    fc
      .tuple(
        field,
        fc.constantFrom('$eq', '$ne', '$gt', '$in', '$contains', '$startswith'),
        tie('operand'),
      )
      .map(([name, op, value]) => ({ [name]: { [op]: value } })),
    fc
      .tuple(field, fc.array(literal, { maxLength: 4 }))
      .map(([name, values]) => ({ [name]: { $in: values } })),
    fc
      .tuple(navigation, fc.constantFrom('$any', '$all'), fc.constantFrom('x', 'y'), tie('filter'))
      .map(([nav, op, alias, expr]) => ({
        [nav]: { [op]: { $alias: alias, $expr: { [alias]: expr } } },
      })),
    fc
      .tuple(navigation, tie('filter'), fc.integer())
      .map(([nav, inner, count]) => ({ $gt: [{ [nav]: { $count: { $filter: inner } } }, count] })),
    fc
      .tuple(anyString, tie('filter'))
      .map(([text, binding]) => ({ $raw: [`${text} $1`, binding] })),
  ),
}));

const { expand } = fc.letrec<{ expand: unknown; nested: unknown }>((tie) => ({
  nested: fc.oneof(
    fc.record(
      {
        $select: fc.oneof(field, fc.array(field, { minLength: 1, maxLength: 3 })),
        $filter: fc.dictionary(field, literal, { minKeys: 1, maxKeys: 2 }),
        $orderby: fc.oneof(
          field.map((f) => `${f} asc`),
          fc.record({ id: fc.constantFrom('asc', 'desc') }),
        ),
        $top: fc.nat(100),
        $skip: fc.nat(100),
        $expand: tie('expand'),
      },
      { requiredKeys: [] },
    ),
    fc.record({
      $count: fc.record(
        { $filter: fc.dictionary(field, literal, { maxKeys: 2 }) },
        { requiredKeys: [] },
      ),
    }),
  ),
  expand: fc.oneof(
    { depthSize: 'small' },
    navigation,
    fc.dictionary(navigation, tie('nested'), { minKeys: 1, maxKeys: 2 }),
    fc.array(fc.oneof(navigation, fc.dictionary(navigation, tie('nested'), { maxKeys: 1 })), {
      minLength: 1,
      maxLength: 2,
    }),
  ),
}));

describe('differential properties against pinejs-client-core', () => {
  it('any string value in a filter escapes identically', () => {
    fc.assert(
      fc.property(anyString, (value) =>
        sameAsOracle({ resource: 'device', options: { $filter: { device_name: value } } }),
      ),
      RUNS,
    );
  });

  it('any string in a natural key or primary key escapes identically', () => {
    fc.assert(
      fc.property(anyString, anyString, (slug, id) => {
        sameAsOracle({ resource: 'application', id: { slug } });
        sameAsOracle({ resource: 'application', id });
      }),
      RUNS,
    );
  });

  it('any literal list in $in and function arguments compiles identically', () => {
    fc.assert(
      fc.property(fc.array(literal, { maxLength: 5 }), literal, (values, value) => {
        sameAsOracle({ resource: 'device', options: { $filter: { id: { $in: values } } } });
        sameAsOracle({
          resource: 'device',
          options: { $filter: { $contains: [{ $: 'note' }, value] } },
        });
      }),
      RUNS,
    );
  });

  it('any resource, field and alias names compile identically', () => {
    fc.assert(
      fc.property(anyString, anyString, anyString, (resource, name, alias) => {
        sameAsOracle({ resource, options: { $filter: { [name]: { '@': alias } }, $select: name } });
        sameAsOracle({ resource, options: { $expand: { [name]: { $select: name } } } });
      }),
      RUNS,
    );
  });

  it('random filter trees compile (or fail) identically, mostly compiling', () => {
    outcomes.compiled = 0;
    outcomes.rejected = 0;
    fc.assert(
      fc.property(filter, (value) =>
        sameAsOracle({ resource: 'device', options: { $filter: value } }),
      ),
      RUNS,
    );
    // The generator must exercise the compiler, not only its error paths.
    expect(outcomes.compiled).toBeGreaterThan(outcomes.rejected);
  });

  it('random expand trees compile (or fail) identically', () => {
    fc.assert(
      fc.property(expand, fc.option(filter, { nil: undefined }), (value, topFilter) => {
        const options: Record<string, unknown> = { $expand: value };
        if (topFilter !== undefined) {
          options.$filter = topFilter;
        }
        sameAsOracle({ resource: 'application', options });
      }),
      RUNS,
    );
  });
});
