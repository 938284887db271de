import { query, type CorpusQuery } from './types.js';

const select: CorpusQuery[] = [
  query('$select string', 'device', { $select: 'id' }),
  query('$select comma string', 'device', { $select: 'id,uuid' }),
  query('$select array', 'device', { $select: ['id', 'uuid', 'device_name'] }),
  query('$select single-element array', 'device', { $select: ['id'] }),
  query('$select set', 'device', { $select: new Set(['id', 'uuid']) }),
  query('$select star', 'device', { $select: '*' }),
  query('$select with a navigation id field', 'device', {
    $select: ['belongs_to__application', 'is_running__release'],
  }),
];

const expand: CorpusQuery[] = [
  query('$expand string', 'application', { $expand: 'owns__device' }),
  query('$expand array of strings', 'application', {
    $expand: ['owns__device', 'application_tag'],
  }),
  query('$expand object with empty options', 'application', { $expand: { owns__device: {} } }),
  query('$expand with $select', 'application', { $expand: { owns__device: { $select: 'id' } } }),
  query('$expand with $select array', 'application', {
    $expand: { owns__device: { $select: ['id', 'uuid'] } },
  }),
  query('$expand with $filter', 'application', {
    $expand: { owns__device: { $filter: { is_online: true } } },
  }),
  query('$expand with $orderby', 'application', {
    $expand: { owns__device: { $orderby: 'device_name asc' } },
  }),
  query('$expand with $top and $skip', 'application', {
    $expand: { owns__device: { $top: 5, $skip: 10 } },
  }),
  query('$expand with $count', 'application', { $expand: { owns__device: { $count: {} } } }),
  query('$expand with $count and $filter', 'application', {
    $expand: { owns__device: { $count: { $filter: { is_online: true } } } },
  }),
  query('$expand nested', 'application', {
    $expand: {
      owns__device: { $select: 'id', $expand: { device_tag: { $select: ['tag_key', 'value'] } } },
    },
  }),
  query('$expand nested three levels', 'organization', {
    $expand: {
      application: {
        $expand: {
          owns__device: {
            $expand: { device_tag: { $select: 'value', $orderby: { tag_key: 'asc' } } },
          },
        },
      },
    },
  }),
  query('$expand every nested option', 'application', {
    $expand: {
      owns__release: {
        $select: ['id', 'commit'],
        $filter: { status: 'success', is_final: true },
        $orderby: [{ created_at: 'desc' }, 'id asc'],
        $top: 1,
        $skip: 0,
        $expand: ['release_tag', { contains__image: { $select: 'id' } }],
      },
    },
  }),
  query('$expand array mixing strings and objects', 'device', {
    $expand: ['belongs_to__application', { is_running__release: { $select: 'commit' } }],
  }),
  query('$expand multiple keys in one object', 'device', {
    $expand: {
      belongs_to__application: { $select: 'app_name' },
      device_tag: {},
      is_of__device_type: { $select: 'slug' },
    },
  }),
  query('$expand nested array of expands', 'device', { $expand: [['a', 'b'], 'c'] }),
  query('$expand nested $count', 'application', {
    $expand: { owns__release: { $select: 'id', $expand: { contains__image: { $count: {} } } } },
  }),
  query('$expand with a lambda filter', 'application', {
    $expand: {
      owns__device: {
        $filter: {
          device_tag: { $any: { $alias: 'dt', $expr: { dt: { tag_key: 'k', value: 'v' } } } },
        },
      },
    },
  }),
  query('$expand with $format', 'application', { $expand: { owns__device: { $format: 'json' } } }),
  query('$expand the SDK release query', 'application', {
    $select: 'is_for__device_type',
    $filter: { app_name: 'x' },
    $expand: {
      application_tag: { $select: ['tag_key', 'value'] },
      is_for__device_type: { $select: 'slug' },
      owns__release: {
        $select: ['id', 'known_issue_list', 'raw_version', 'variant', 'phase'],
        $expand: { release_tag: { $select: ['tag_key', 'value'] } },
        $filter: { is_final: true, is_invalidated: false, status: 'success' },
      },
    },
  }),
  query('$expand empty object', 'device', { $expand: {} }),
];

const orderby: CorpusQuery[] = [
  query('$orderby string', 'device', { $orderby: 'device_name asc' }),
  query('$orderby string without direction', 'device', { $orderby: 'id' }),
  query('$orderby array of strings', 'device', { $orderby: ['device_name asc', 'id desc'] }),
  query('$orderby object asc', 'device', { $orderby: { device_name: 'asc' } }),
  query('$orderby object desc', 'device', { $orderby: { created_at: 'desc' } }),
  query('$orderby array of objects', 'release', {
    $orderby: [
      { semver_major: 'desc' },
      { semver_minor: 'desc' },
      { semver_patch: 'desc' },
      { revision: 'desc' },
    ],
  }),
  query('$orderby $count with $dir', 'application', {
    $orderby: { owns__device: { $count: {} }, $dir: 'desc' },
  }),
  query('$orderby $count with filter', 'application', {
    $orderby: { owns__device: { $count: { $filter: { is_online: true } } }, $dir: 'asc' },
  }),
  query('$orderby object with $dir and string value', 'device', {
    $orderby: { id: 'asc', $dir: 'desc' },
  }),
  query('$orderby mixed array', 'device', {
    $orderby: ['a', { b: 'desc' }, { c: { $count: {} }, $dir: 'asc' }],
  }),
];

const paging: CorpusQuery[] = [
  query('$top', 'device', { $top: 10 }),
  query('$skip', 'device', { $skip: 20 }),
  query('$top zero', 'device', { $top: 0 }),
  query('$top and $skip', 'device', { $top: 50, $skip: 100, $orderby: 'id asc' }),
  query('$top decimal', 'device', { $top: 1.5 }),
  query('$format', 'device', { $format: 'json' }),
  query('$format array', 'device', { $format: ['json', 'x'] }),
];

const counts: CorpusQuery[] = [
  query('$count empty', 'device', { $count: {} }),
  query('$count of a resource with filter', 'device', { $count: { $filter: { is_online: true } } }),
  query('$count with lambda filter', 'release_image', {
    $count: {
      $filter: {
        is_part_of__release: {
          $any: { $alias: 'r', $expr: { r: { belongs_to__application: 5 } } },
        },
      },
    },
  }),
  query('$count with other options inside', 'device', {
    $count: { $filter: { a: 1 }, $top: 1, $orderby: 'id' },
  }),
  query('$count with id', 'device', { $count: {} }, { id: 5 }),
];

const custom: CorpusQuery[] = [
  query('custom string option', 'device', { returnResource: 'false' }),
  query('custom boolean option', 'device', { returnResource: false }),
  query('custom number option', 'device', { limit: 3 }),
  query('custom array option', 'device', { tags: ['a', 'b'] }),
  query('parameter alias option string', 'device', {
    $filter: { uuid: { '@': 'u' } },
    '@u': "it's",
  }),
  query('parameter alias option number', 'device', { '@n': 5 }),
  query('parameter alias option null', 'device', { '@n': null }),
  query('parameter alias option date', 'device', {
    '@d': new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 6)),
  }),
  query('parameter alias option boolean', 'device', { '@b': true }),
  query('custom and standard options keep order', 'device', {
    x: 'y',
    $top: 1,
    z: 2,
    $select: 'id',
  }),
  query('empty options object', 'device', {}),
];

const combined: CorpusQuery[] = [
  query('SDK application by slug', 'application', {
    $filter: { $or: { slug: 'myorg/myapp', uuid: 'myorg/myapp' } },
    $select: 'id',
  }),
  query('SDK device batch lookup', 'device', {
    $select: ['id', 'uuid', 'belongs_to__application'],
    $filter: { id: { $in: [11, 12, 13] } },
    $orderby: 'device_name asc',
  }),
  query('SDK device by organization', 'device', {
    $filter: {
      belongs_to__application: { $any: { $alias: 'bta', $expr: { bta: { organization: 3 } } } },
    },
    $orderby: 'device_name asc',
  }),
  query('SDK device type by alias', 'device_type', {
    $orderby: 'name asc',
    $top: 1,
    $filter: {
      device_type_alias: {
        $any: { $alias: 'dta', $expr: { dta: { is_referenced_by__alias: 'raspberrypi' } } },
      },
    },
  }),
  query('SDK api keys', 'api_key', {
    $filter: { is_of__actor: 42, name: { $ne: null } },
    $orderby: 'name asc',
  }),
  query('SDK device history', 'device_history', {
    $filter: { created_at: { $ge: new Date(Date.UTC(2026, 0, 1)) }, tracks__device: 9 },
  }),
  query('SDK supervisor release', 'release', {
    $filter: {
      status: 'success',
      is_final: true,
      is_invalidated: false,
      semver_major: { $gt: 0 },
      belongs_to__application: {
        $any: {
          $alias: 'a',
          $expr: {
            $and: [
              { $startswith: [{ $: ['a', 'slug'] }, 'balena_os/'] },
              { $endswith: [{ $: ['a', 'slug'] }, '-supervisor'] },
            ],
            a: {
              is_public: true,
              is_host: false,
              is_for__device_type: {
                $any: {
                  $alias: 'dt',
                  $expr: {
                    dt: {
                      is_of__cpu_architecture: {
                        $any: { $alias: 'c', $expr: { c: { slug: 'aarch64' } } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    $orderby: [
      { semver_major: 'desc' },
      { semver_minor: 'desc' },
      { semver_patch: 'desc' },
      { revision: 'desc' },
    ],
  }),
  query('every top-level option together', 'device', {
    $select: ['id', 'uuid'],
    $filter: { is_online: true },
    $expand: { device_tag: { $select: 'value' } },
    $orderby: { id: 'asc' },
    $top: 10,
    $skip: 5,
    $format: 'json',
    custom: 'x',
  }),
];

export const optionCorpus: CorpusQuery[] = [
  ...select,
  ...expand,
  ...orderby,
  ...paging,
  ...counts,
  ...custom,
  ...combined,
];
