// `user__has_direct_access_to__application` computed on read: who reaches which fleet without it being public.
import type {
  AbstractSqlModel,
  ReferencedFieldNode,
  SelectNode,
  SelectQueryNode,
} from '@balena/abstract-sql-compiler';

const VIEW_TABLE = 'user-has direct access to-application';
const USER = 'user';
const APPLICATION = 'has direct access to-application';

const field = (alias: string, name: string): ReferencedFieldNode => [
  'ReferencedField',
  alias,
  name,
];

// Every row carries the columns the generated table declares. The rows have no id of their own (null, as on the
// real API): `is_directly_accessible_by__user/any(u:...)` ranges over these rows, so `u/id` must not compare equal
// to a user id by coincidence; callers filter by `u/user` instead.
const accessRow = (userId: ReferencedFieldNode, applicationId: ReferencedFieldNode): SelectNode => [
  'Select',
  [
    ['Alias', ['CurrentTimestamp'], 'created at'],
    ['Alias', ['CurrentTimestamp'], 'modified at'],
    ['Alias', userId, USER],
    ['Alias', applicationId, APPLICATION],
    ['Alias', ['Cast', ['Null'], 'Integer'], 'id'],
  ],
];

const viaAdministeredOrganization: SelectQueryNode = [
  'SelectQuery',
  accessRow(field('om', 'user'), field('a', 'id')),
  ['From', ['Alias', ['Table', 'application'], 'a']],
  [
    'Join',
    ['Alias', ['Table', 'user-is member of-organization'], 'om'],
    ['On', ['Equals', field('om', 'is member of-organization'), field('a', 'organization')]],
  ],
  [
    'Join',
    ['Alias', ['Table', 'organization membership role'], 'omr'],
    ['On', ['Equals', field('omr', 'id'), field('om', 'organization membership role')]],
  ],
  ['Where', ['Equals', field('omr', 'name'), ['EmbeddedText', 'administrator']]],
];

const viaApplicationMembership: SelectQueryNode = [
  'SelectQuery',
  accessRow(field('am', 'user'), field('am', 'is member of-application')),
  ['From', ['Alias', ['Table', 'user-is member of-application'], 'am']],
];

const viaTeam: SelectQueryNode = [
  'SelectQuery',
  accessRow(field('tm', 'user'), field('ta', 'grants access to-application')),
  ['From', ['Alias', ['Table', 'user-is member of-team'], 'tm']],
  [
    'Join',
    ['Alias', ['Table', 'team-grants access to-application'], 'ta'],
    ['On', ['Equals', field('ta', 'team'), field('tm', 'is member of-team')]],
  ],
];

// The fact's own table, which stays empty. Reading it is what makes pinejs constrain the whole definition by the
// permissions granted on this resource (the caller's own rows); a definition that only reads other tables would be
// returned unfiltered to every caller, through the `is_directly_accessible_by__user` navigation too.
const storedRows: SelectQueryNode = [
  'SelectQuery',
  accessRow(field('stored', USER), field('stored', APPLICATION)),
  ['From', ['Alias', ['Table', VIEW_TABLE], 'stored']],
];

/**
 * Computes the `user has direct access to application` fact from memberships and team accesses.
 * @param model the abstract SQL model straight from the SBVR; changed in place.
 * @throws when the fact's table is missing.
 * @example
 * defineDirectAccessView(abstractSql);
 * // GET /v7/application?$filter=is_directly_accessible_by__user/any(dau:1 eq 1)
 */
export function defineDirectAccessView(model: AbstractSqlModel): void {
  const table = model.tables[VIEW_TABLE];
  if (table == null) throw new Error(`The model has no "${VIEW_TABLE}" table`);
  // Reads go through the definition; the (always empty) table of the fact only exists because pinejs
  // creates one per fact, and a real SQL view would be created before the tables it reads.
  table.definition = {
    abstractSql: [
      'UnionQuery',
      viaAdministeredOrganization,
      viaApplicationMembership,
      viaTeam,
      storedRows,
    ],
  };
}
