import { query, type CorpusQuery } from './types.js';

const ids: CorpusQuery[] = [
  query('numeric id', 'device', undefined, { id: 5 }),
  query('numeric id with options', 'device', { $select: 'id' }, { id: 5 }),
  query('zero id', 'device', undefined, { id: 0 }),
  query('string id', 'device_type', undefined, { id: 'raspberrypi3' }),
  query('string id with a quote', 'organization', undefined, { id: "o'brien" }),
  query('boolean id', 'x', undefined, { id: true }),
  query('date id', 'x', undefined, { id: new Date(Date.UTC(2021, 5, 6)) }),
  query('natural key uuid', 'device', { $select: 'id' }, { id: { uuid: 'abc' } }),
  query('natural key handle', 'organization', undefined, { id: { handle: 'myorg' } }),
  query('composite key', 'organization_membership', undefined, {
    id: { user: 7, is_member_of__organization: 3 },
  }),
  query('composite key mixed', 'release_asset', undefined, {
    id: { asset_key: 'x.txt', release: 9 },
  }),
  query('composite key with a date and null', 'x', undefined, { id: { a: new Date(0), b: null } }),
  query('id parameter alias', 'device', undefined, { id: { '@': 'id' } }),
  query('natural key field alias', 'device', undefined, { id: { uuid: { '@': 'u' } } }),
  query('natural key with escaping', 'application', undefined, {
    id: { slug: "my org/app's #1 & 100%" },
  }),
  query('action on id', 'release_asset', undefined, { id: 5, action: 'beginUpload' }),
  query('action on key', 'application_membership_role', undefined, {
    id: { name: 'member' },
    action: 'canAccess',
  }),
  query('action without id', 'device', undefined, { action: 'doThing' }),
  query('action with options', 'device', { $select: 'id' }, { id: 1, action: 'canAccess' }),
  query('string id with unicode', 'tag', undefined, { id: 'ünïcødé ☃' }),
];

const resources: CorpusQuery[] = [
  query('plain resource', 'device'),
  query('resource with underscores', 'device__has__env_var_name'),
  query('resource needing encoding', 'a b/c'),
  query('resource with unicode', 'résumé'),
];

const ESCAPING_SAMPLES = [
  ['single quote', "it's"],
  ['two quotes', "''"],
  ['slash', 'myorg/myapp'],
  ['percent', '100%'],
  ['hash', 'a#b'],
  ['ampersand', 'a&b=c'],
  ['question mark', 'a?b'],
  ['plus and spaces', 'a + b'],
  ['parentheses and comma', 'f(a,b)'],
  ['dollar', '$1 $filter'],
  ['unicode', 'naïve café ☕'],
  ['emoji', '👍🏽'],
  ['newline and tab', 'a\nb\tc'],
  ['backslash', 'C:\\path'],
  ['empty string', ''],
  ['semicolon and equals', 'a;b=c'],
  ['reserved characters', "!*'();:@&=+$,/?#[]"],
  ['at sign', '@alias'],
] as const;

const escaping: CorpusQuery[] = ESCAPING_SAMPLES.flatMap(([label, value]) => [
  query(`escape ${label} in a filter`, 'application', { $filter: { app_name: value } }),
  query(`escape ${label} in a key`, 'application', undefined, { id: { slug: value } }),
  query(`escape ${label} in a function`, 'application', {
    $filter: { $contains: [{ $: 'app_name' }, value] },
  }),
]);

const dates: CorpusQuery[] = [
  query('date with milliseconds', 'device', {
    $filter: { created_at: { $gt: new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 999)) } },
  }),
  query('date at epoch', 'device', { $filter: { created_at: new Date(0) } }),
  query('date before epoch', 'device', {
    $filter: { created_at: { $lt: new Date(Date.UTC(1969, 11, 31)) } },
  }),
  query('date in $in', 'device', {
    $filter: { created_at: { $in: [new Date(1e12), new Date(2e12)] } },
  }),
];

export const keyCorpus: CorpusQuery[] = [...ids, ...resources, ...escaping, ...dates];
