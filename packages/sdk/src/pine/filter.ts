/**
 * The `$filter` compiler: turns a filter object (the pine query notation) into OData text.
 *
 * Objects join their entries with `and`, arrays with `or`; a plain key names a property (or a
 * path inside a lambda), a `$` key an operator or function, an `@` key a parameter alias.
 */
import { compileFilterOperator } from './filter-operators.js';
import {
  applyToPath,
  joinTokenGroups,
  TOP_LEVEL_SCOPE,
  type FilterScope,
  type FilterSeparator,
  type FilterTokens,
} from './filter-tokens.js';
import {
  escapeLiteral,
  escapeParameterAlias,
  isObjectLike,
  isPrimitive,
  ownEntries,
} from './values.js';

/**
 * Compiles a filter value to tokens.
 *
 * @param filter - a primitive, an array (joined with `or`) or an object (joined with `and`).
 * @param path - the property path the filter applies to, if any.
 * @param separator - overrides the default separator for arrays and objects.
 * @param scope - whether the compilation is inside a lambda.
 * @returns the compiled tokens.
 * @throws {Error} when the filter contains a value or operator that cannot be compiled.
 * @example
 * compileFilterTokens({ name: 'x' }).join(''); // "name eq 'x'"
 */
export function compileFilterTokens(
  filter: unknown,
  path?: string[],
  separator?: FilterSeparator,
  scope: FilterScope = TOP_LEVEL_SCOPE,
): FilterTokens {
  if (isPrimitive(filter)) {
    return applyToPath(escapeLiteral(filter), path);
  }
  if (Array.isArray(filter)) {
    const groups = compileFilterList(filter, undefined, 2, scope);
    return applyToPath(joinTokenGroups(groups, separator ?? ' or '), path);
  }
  if (isObjectLike(filter)) {
    return joinTokenGroups(compileFilterEntries(filter, path, scope), separator ?? ' and ');
  }
  throw new Error(`Expected null/string/number/obj/array, got: ${typeof filter}`);
}

/**
 * Compiles a complete `$filter` value to its OData text.
 *
 * @param filter - the filter value.
 * @param scope - whether the compilation is inside a lambda.
 * @returns the filter text (not URL-encoded beyond the literals).
 * @throws {Error} when the filter cannot be compiled.
 * @example
 * compileFilter({ id: { $in: [1, 2] } }); // 'id in (1,2)'
 */
export function compileFilter(filter: unknown, scope: FilterScope = TOP_LEVEL_SCOPE): string {
  return compileFilterTokens(filter, undefined, undefined, scope).join('');
}

/**
 * Compiles every entry of a filter object to its own token group.
 *
 * @param filter - the filter object.
 * @param path - the property path the object applies to, if any.
 * @param scope - whether the compilation is inside a lambda.
 * @returns one token group per entry, in key order.
 * @throws {Error} when an entry is undefined, or a nested path is used outside a lambda.
 * @example
 * compileFilterEntries({ a: 1, b: 2 }); // [['a',' eq ','1'], ['b',' eq ','2']]
 */
export function compileFilterEntries(
  filter: object,
  path: string[] | undefined,
  scope: FilterScope,
): FilterTokens[] {
  return ownEntries(filter).map(([key, value]) => {
    if (value === undefined) {
      throw new Error(
        `'${key}' was present on a filter object but undefined, did you mean to use null instead?`,
      );
    }
    if (key.startsWith('$')) {
      return compileFilterOperator(key, value, path, scope);
    }
    if (key.startsWith('@')) {
      return applyToPath(escapeParameterAlias(value), path);
    }
    if (path == null) {
      return compileFilterTokens(value, [key], undefined, scope);
    }
    if (!scope.inLambda && path.length > 0) {
      throw new Error(
        '`$filter: a: b: ...` has been removed, please use `$filter: a: $any: { $alias: "x", $expr: x: b: ... }` instead.',
      );
    }
    return compileFilterTokens(value, [...path, key], undefined, scope);
  });
}

/**
 * Compiles every element of a filter array to its own token group.
 *
 * @param filters - the array.
 * @param path - the property path every element applies to, if any.
 * @param minElements - the fewest elements accepted.
 * @param scope - whether the compilation is inside a lambda.
 * @returns one token group per element.
 * @throws {Error} when the array is shorter than `minElements`.
 * @example
 * compileFilterList([1, 2], undefined, 2, TOP_LEVEL_SCOPE); // [['1'], ['2']]
 */
export function compileFilterList(
  filters: readonly unknown[],
  path: string[] | undefined,
  minElements: number,
  scope: FilterScope,
): FilterTokens[] {
  if (filters.length < minElements) {
    throw new Error(
      `Filter arrays must have at least ${minElements} elements, got: ${JSON.stringify(filters)}`,
    );
  }
  return filters.map((element) => compileFilterTokens(element, path, undefined, scope));
}
