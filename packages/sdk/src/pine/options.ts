/**
 * Query options (`$select`, `$filter`, `$expand`, `$orderby`, `$top`, `$skip`, `$format`,
 * parameter aliases and custom options) and the nested option lists of `$expand` and `$count`.
 */
import { compileExpand } from './expand.js';
import { compileFilter } from './filter.js';
import { TOP_LEVEL_SCOPE, type FilterScope } from './filter-tokens.js';
import { compileOrderBy } from './orderby.js';
import {
  escapeLiteral,
  escapeResourcePath,
  hasOwn,
  isFiniteNumber,
  isPrimitive,
  ownEntries,
} from './values.js';

/** Where a nested option list appears, with the notation shown in error messages. */
export type NestedOptionsContext = '$filter' | '$expand' | '$orderby';

export const NOTATION_EXAMPLES: Record<NestedOptionsContext, string> = {
  $filter: '$filter: a: $op: [b: $count: ... ]',
  $expand: '$expand: a: $count: ...',
  $orderby: "$orderby: { a: { $count: ... }, $dir: 'asc' }",
};

const KNOWN_OPTIONS = new Set([
  '$select',
  '$filter',
  '$expand',
  '$orderby',
  '$top',
  '$skip',
  '$format',
]);

/**
 * Whether a `$`-prefixed key is an OData option the compiler accepts (`$count` is handled apart).
 *
 * @param key - the option key.
 * @returns true for `$select`, `$filter`, `$expand`, `$orderby`, `$top`, `$skip`, `$format`.
 * @throws {Error} never.
 * @example
 * isKnownOption('$top'); // true
 */
export function isKnownOption(key: string): boolean {
  return KNOWN_OPTIONS.has(key);
}

/**
 * Compiles one query option to `key=value`.
 *
 * @param key - the option name; unknown names are custom options and pass through as written.
 * @param value - the option value.
 * @param scope - whether the compilation is inside a lambda (relevant to nested `$filter`s).
 * @returns the `key=value` text.
 * @throws {Error} when the value has the wrong type for the option.
 * @example
 * compileOption('$select', ['id', 'name']); // '$select=id,name'
 */
export function compileOption(
  key: string,
  value: unknown,
  scope: FilterScope = TOP_LEVEL_SCOPE,
): string {
  return `${key}=${compileOptionValue(key, value, scope)}`;
}

function compileOptionValue(key: string, value: unknown, scope: FilterScope): string {
  switch (key) {
    case '$filter':
      return compileFilter(value, scope);
    case '$expand':
      return compileExpand(value);
    case '$orderby':
      return compileOrderBy(value);
    case '$top':
    case '$skip':
      if (!isFiniteNumber(value)) {
        throw new Error(`'${key}' option has to be a number`);
      }
      return `${value}`;
    case '$select':
      return compileSelect(key, value);
    default:
      return compileCustomOption(key, value);
  }
}

function compileSelect(key: string, value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      throw new Error(`'${key}' arrays have to have at least 1 element`);
    }
    return value.join(',');
  }
  if (value instanceof Set) {
    if (value.size === 0) {
      throw new Error(`'${key}' sets have to have at least 1 element`);
    }
    return Array.from(value).join(',');
  }
  throw new Error(`'${key}' option has to be either a string or array`);
}

function compileCustomOption(key: string, value: unknown): string {
  if (key.startsWith('@')) {
    if (!isPrimitive(value)) {
      throw new Error(`Unknown type for parameter alias option '${key}': ${typeof value}`);
    }
    return `${escapeLiteral(value)}`;
  }
  if (Array.isArray(value)) {
    return value.join(',');
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'boolean' || isFiniteNumber(value)) {
    return value.toString();
  }
  throw new Error(`Unknown type for option ${typeof value}`);
}

/**
 * Compiles a navigation with its parenthesised option list, e.g. `owns__device($select=id;$top=1)`
 * or `owns__device/$count($filter=...)`.
 *
 * @param context - which notation the list appears in (for error messages).
 * @param options - the nested options; `{ $count: { $filter? } }` counts instead of expanding.
 * @param navigation - the navigation property name.
 * @param scope - whether the compilation is inside a lambda.
 * @returns the compiled navigation text.
 * @throws {Error} when the list has unknown or misplaced keys.
 * @example
 * compileNavigationOptions('$expand', { $select: 'id' }, 'owns__device'); // 'owns__device($select=id)'
 */
export function compileNavigationOptions(
  context: NestedOptionsContext,
  options: unknown,
  navigation: string,
  scope: FilterScope = TOP_LEVEL_SCOPE,
): string {
  let list = options;
  let target = navigation;
  if (hasOwn(list, '$count')) {
    const keys = Object.keys(list as object);
    if (keys.length > 1) {
      throw new Error(
        `When using '${NOTATION_EXAMPLES[context]}' you can only specify $count, got: '${JSON.stringify(keys)}'`,
      );
    }
    list = (list as { $count: unknown }).$count;
    target += '/$count';
    const countKeys = Object.keys(list as object);
    if (countKeys.length > (hasOwn(list, '$filter') ? 1 : 0)) {
      throw new Error(
        `When using '${NOTATION_EXAMPLES[context]}' you can only specify $filter in the $count, got: '${JSON.stringify(countKeys)}'`,
      );
    }
  }
  const compiled = ownEntries(list).map(([key, value]) => {
    if (key.startsWith('$')) {
      if (!isKnownOption(key)) {
        throw new Error(`Unknown key option '${key}'`);
      }
      return compileOption(key, value, scope);
    }
    if (context === '$expand') {
      throw new Error(
        `'$expand: ${target}: ${key}: ...' is invalid, use '$expand: ${target}: $expand: ${key}: ...' instead.`,
      );
    }
    throw new Error(`'${context}: ${target}: ${key}: ...' is invalid.`);
  });
  const joined = compiled.join(';');
  return escapeResourcePath(target) + (joined.length > 0 ? `(${joined})` : '');
}
