import { filterQuery, type CorpusQuery } from './types.js';

const COMPARISONS = ['$eq', '$ne', '$gt', '$ge', '$lt', '$le'] as const;
const ARITHMETIC = ['$add', '$sub', '$mul', '$div', '$mod'] as const;
const UNARY_FUNCTIONS = [
  '$length',
  '$tolower',
  '$toupper',
  '$trim',
  '$year',
  '$month',
  '$day',
  '$hour',
  '$minute',
  '$second',
  '$fractionalseconds',
  '$date',
  '$time',
  '$totaloffsetminutes',
  '$totalseconds',
  '$round',
  '$floor',
  '$ceiling',
] as const;
const BINARY_FUNCTIONS = [
  '$contains',
  '$startswith',
  '$endswith',
  '$indexof',
  '$concat',
  '$substring',
  '$isof',
  '$cast',
] as const;

const comparisons: CorpusQuery[] = COMPARISONS.flatMap((op) => [
  filterQuery(`${op} number on a property`, { id: { [op]: 5 } }),
  filterQuery(`${op} string on a property`, { device_name: { [op]: 'web-1' } }),
  filterQuery(`${op} null on a property`, { note: { [op]: null } }),
  filterQuery(`${op} date on a property`, {
    created_at: { [op]: new Date(Date.UTC(2024, 4, 1, 10)) },
  }),
  filterQuery(`${op} as operand pair`, { [op]: [{ $: 'id' }, 3] }),
  filterQuery(`${op} with a function operand`, {
    [op]: [{ $tolower: { $: 'device_name' } }, 'abc'],
  }),
]);

const arithmetic: CorpusQuery[] = ARITHMETIC.flatMap((op) => [
  filterQuery(`${op} in a comparison`, { $gt: [{ [op]: [{ $: 'cpu_usage' }, 2] }, 10] }),
  filterQuery(`${op} on a property`, { cpu_usage: { [op]: 4 } }),
  filterQuery(`${op} with nested arithmetic`, {
    $eq: [{ [op]: [{ $add: [{ $: 'a' }, 1] }, { $: 'b' }] }, 7],
  }),
]);

const unaryFunctions: CorpusQuery[] = UNARY_FUNCTIONS.flatMap((fn) => [
  filterQuery(`${fn} of a property compared`, { $eq: [{ [fn]: { $: 'created_at' } }, 1] }),
  filterQuery(`${fn} with a property path`, { device_name: { [fn]: 'x' } }),
]);

const binaryFunctions: CorpusQuery[] = BINARY_FUNCTIONS.flatMap((fn) => [
  filterQuery(`${fn} with property and string`, { [fn]: [{ $: 'device_name' }, 'ab'] }),
  filterQuery(`${fn} on a property with a literal`, { device_name: { [fn]: 'x' } }),
  filterQuery(`${fn} on a property with null`, { device_name: { [fn]: null } }),
  filterQuery(`${fn} in a comparison`, { $eq: [{ [fn]: [{ $: 'device_name' }, 'b'] }, true] }),
]);

const functionsWithoutArguments: CorpusQuery[] = [
  filterQuery('$now compared with a date field', { created_at: { $lt: { $now: {} } } }),
  filterQuery('$now as operand', { $lt: [{ $: 'created_at' }, { $now: {} }] }),
  filterQuery('$maxdatetime', { $lt: [{ $: 'created_at' }, { $maxdatetime: {} }] }),
  filterQuery('$mindatetime', { $gt: [{ $: 'created_at' }, { $mindatetime: {} }] }),
  filterQuery('$now minus a duration', {
    created_at: { $gt: { $sub: [{ $now: {} }, { $duration: { days: 1, hours: 2 } }] } },
  }),
  filterQuery('$substring with three arguments', {
    $eq: [{ $substring: [{ $: 'device_name' }, 1, 2] }, 'ab'],
  }),
  filterQuery('$concat of two properties', { $eq: [{ $concat: [{ $: 'a' }, { $: 'b' }] }, 'ab'] }),
  filterQuery('$cast of a property', { $eq: [{ $cast: [{ $: 'id' }, 'Edm.String'] }, '1'] }),
];

const durations: CorpusQuery[] = [
  filterQuery('duration days only', { uptime: { $duration: { days: 3 } } }),
  filterQuery('duration time parts', {
    uptime: { $duration: { hours: 1, minutes: 2, seconds: 3 } },
  }),
  filterQuery('duration full', {
    uptime: { $duration: { days: 1, hours: 2, minutes: 3, seconds: 4.5 } },
  }),
  filterQuery('duration negative', { uptime: { $duration: { negative: true, minutes: 30 } } }),
  filterQuery('duration inside comparison', {
    $le: [{ $: 'uptime' }, { $duration: { seconds: 10 } }],
  }),
  filterQuery('duration with zero parts skipped', { uptime: { $duration: { days: 0, hours: 5 } } }),
];

const logical: CorpusQuery[] = [
  filterQuery('implicit and of two fields', { a: 1, b: 'x' }),
  filterQuery('array is or', [{ a: 1 }, { b: 2 }]),
  filterQuery('$and array', { $and: [{ a: 1 }, { b: 2 }, { c: 3 }] }),
  filterQuery('$or array', { $or: [{ a: 1 }, { b: 2 }] }),
  filterQuery('$or object', { $or: { a: 1, b: 2 } }),
  filterQuery('$and object', { $and: { a: 1, b: { $ne: null } } }),
  filterQuery('or inside and gets parentheses', {
    $and: [{ $or: [{ a: 1 }, { b: 2 }] }, { c: 3 }],
  }),
  filterQuery('and inside or gets parentheses', { $or: [{ a: 1, b: 2 }, { c: 3 }] }),
  filterQuery('and inside and stays flat', { $and: [{ a: 1, b: 2 }, { c: 3 }] }),
  filterQuery('or inside or stays flat', { $or: [{ $or: [{ a: 1 }, { b: 2 }] }, { c: 3 }] }),
  filterQuery('deep nesting', {
    $or: [{ $and: [{ a: 1 }, { $or: [{ b: 2 }, { c: 3 }] }] }, { $not: { d: 4 } }],
  }),
  filterQuery('$not of object', { $not: { status: 'offline' } }),
  filterQuery('$not of array', { $not: [{ a: 1 }, { b: 2 }] }),
  filterQuery('$not of and', { $not: { a: 1, b: 2 } }),
  filterQuery('$not on a property', { is_online: { $not: true } }),
  filterQuery('$not nested', { $not: { $not: { a: 1 } } }),
  filterQuery('$and on a property', { a: { $and: [1, 2] } }),
  filterQuery('$or on a property', { a: { $or: [1, 2] } }),
  filterQuery('comparisons on one property combine with and', { id: { $gt: 1, $lt: 10 } }),
  filterQuery('single element $and', { $and: { a: 1 } }),
  filterQuery('boolean true', { is_online: true }),
  filterQuery('boolean false', { is_online: false }),
  filterQuery('null equality', { note: null }),
  filterQuery('number literal filter', 1),
  filterQuery('string literal filter', 'x'),
  filterQuery('empty object', {}),
  filterQuery('empty nested object', { a: {}, b: 1 }),
  filterQuery('$eq with or array operand', { a: { $eq: [1, 2] } }),
  filterQuery('negative and decimal numbers', { $or: [{ a: -1 }, { b: 2.5 }, { c: 1e21 }] }),
];

const membership: CorpusQuery[] = [
  filterQuery('$in with numbers', { id: { $in: [1, 2, 3] } }),
  filterQuery('$in with strings', { uuid: { $in: ['a', "b'c", 'd/e'] } }),
  filterQuery('$in with a single element', { id: { $in: [7] } }),
  filterQuery('$in with a primitive', { id: { $in: 7 } }),
  filterQuery('$in with null and dates', { x: { $in: [null, new Date(0)] } }),
  filterQuery('$in with booleans', { x: { $in: [true, false] } }),
  filterQuery('$in with objects becomes or', { id: { $in: [{ $gt: 5 }, { $lt: 1 }] } }),
  filterQuery('$in with an object becomes or', { id: { $in: { $gt: 5, $lt: 1 } } }),
  filterQuery('$in inside a lambda', {
    user: { $any: { $alias: 'u', $expr: { u: { username: { $in: ['alice', 'bob'] } } } } },
  }),
  filterQuery('not $in', { $not: { id: { $in: [1, 2] } } }),
];

const lambdas: CorpusQuery[] = [
  filterQuery('$any simple', {
    device_tag: { $any: { $alias: 'dt', $expr: { dt: { tag_key: 'location' } } } },
  }),
  filterQuery('$all simple', {
    device_tag: { $all: { $alias: 'dt', $expr: { dt: { value: { $ne: '' } } } } },
  }),
  filterQuery('$any with constant expression', {
    is_directly_accessible_by__user: { $any: { $alias: 'dau', $expr: { 1: 1 } } },
  }),
  filterQuery('$any with and inside', {
    belongs_to__application: {
      $any: { $alias: 'a', $expr: { a: { organization: 3, is_public: true } } },
    },
  }),
  filterQuery('$any with or inside', {
    owns__device: {
      $any: {
        $alias: 'd',
        $expr: { $or: [{ d: { is_online: true } }, { d: { status: 'idle' } }] },
      },
    },
  }),
  filterQuery('nested $any', {
    service_install: {
      $any: {
        $alias: 'si',
        $expr: {
          si: {
            device: 5,
            installs__service: { $any: { $alias: 'is', $expr: { is: { service_name: 'web' } } } },
          },
        },
      },
    },
  }),
  filterQuery('$any with functions inside', {
    belongs_to__application: {
      $any: {
        $alias: 'a',
        $expr: {
          $and: [
            { $startswith: [{ $: ['a', 'slug'] }, 'balena_os/'] },
            { $endswith: [{ $: ['a', 'slug'] }, '-supervisor'] },
          ],
        },
      },
    },
  }),
  filterQuery('$any with $count inside', {
    owns__release: {
      $any: { $alias: 'r', $expr: { $gt: [{ r: { release_tag: { $count: {} } } }, 0] } },
    },
  }),
  filterQuery('$any combined with other fields', {
    status: 'success',
    belongs_to__application: { $any: { $alias: 'a', $expr: { a: { id: 5 } } } },
  }),
  filterQuery('$not $any', {
    $not: {
      user: { $any: { $alias: 'u', $expr: { u: { username: { $in: ['alice', 'bob'] } } } } },
    },
  }),
  filterQuery('$any with $raw inside', {
    device: { $any: { $alias: 'd', $expr: { $raw: ['d/id eq $1', 5] } } },
  }),
  filterQuery('$any with alias path via $', {
    device: { $any: { $alias: 'd', $expr: { $eq: [{ $: ['d', 'id'] }, 1] } } },
  }),
  filterQuery('three-level nested lambda', {
    a: {
      $any: {
        $alias: 'x',
        $expr: {
          x: {
            b: {
              $any: {
                $alias: 'y',
                $expr: { y: { c: { $all: { $alias: 'z', $expr: { z: { d: 1 } } } } } },
              },
            },
          },
        },
      },
    },
  }),
];

const counts: CorpusQuery[] = [
  filterQuery('$count greater than', { $gt: [{ owns__device: { $count: {} } }, 0] }),
  filterQuery('$count with filter', {
    $eq: [{ owns__device: { $count: { $filter: { is_online: true } } } }, 2],
  }),
  filterQuery('$count of empty $filter object', {
    $ge: [{ owns__device: { $count: { $filter: {} } } }, 1],
  }),
  filterQuery('$count combined', {
    $and: [{ $gt: [{ owns__device: { $count: {} } }, 1] }, { app_name: 'x' }],
  }),
  filterQuery('$count with a lambda inside its filter', {
    $lt: [
      {
        owns__device: {
          $count: {
            $filter: { device_tag: { $any: { $alias: 't', $expr: { t: { tag_key: 'k' } } } } },
          },
        },
      },
      3,
    ],
  }),
];

const references: CorpusQuery[] = [
  filterQuery('$ property reference string', { $eq: [{ $: 'a' }, { $: 'b' }] }),
  filterQuery('$ property reference array path', { $eq: [{ $: ['a', 'b'] }, 1] }),
  filterQuery('$ reference on a property', { a: { $: 'b' } }),
  filterQuery('@ parameter alias', { uuid: { '@': 'u' } }),
  filterQuery('@ parameter alias at top level', { '@': 'flag' }),
  filterQuery('$fn bound function', {
    $fn: { $scope: 'device', $method: 'isOnline', $args: [1, 'x'] },
  }),
  filterQuery('$fn on a property', { a: { $fn: { $scope: 's', $method: 'm' } } }),
];

const raw: CorpusQuery[] = [
  filterQuery('$raw string', { $raw: "a eq 'b'" }),
  filterQuery('$raw on a property', { a: { $raw: 'b add 1' } }),
  filterQuery('$raw with positional bindings', { $raw: ['a eq $1 and b eq $2', 'x', 5] }),
  filterQuery('$raw with object bindings', {
    $raw: { $string: 'a eq $v and b eq $w1', v: 'x', w1: { $: 'c' } },
  }),
  filterQuery('$raw binding repeated', { $raw: ['$1 or $1', 1] }),
  filterQuery('$raw binding at end', { $raw: ['a eq $1', null] }),
  filterQuery('$raw binding with filter object', { $raw: ['not($1)', { a: 1, b: 2 }] }),
  filterQuery('$raw ten positional bindings', {
    $raw: ['$1,$2,$3,$4,$5,$6,$7,$8,$9,$10', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  }),
  filterQuery('$raw binding value containing a dollar sign', { $raw: ['a eq $1', "$2'x"] }),
  filterQuery('$raw combined with fields', { a: 1, $raw: 'b eq 2' }),
  filterQuery('$raw with numeric object binding names', {
    $raw: { $string: '$2 and $1', 1: 'x', 2: 'y' },
  }),
];

export const filterCorpus: CorpusQuery[] = [
  ...comparisons,
  ...arithmetic,
  ...unaryFunctions,
  ...binaryFunctions,
  ...functionsWithoutArguments,
  ...durations,
  ...logical,
  ...membership,
  ...lambdas,
  ...counts,
  ...references,
  ...raw,
];
