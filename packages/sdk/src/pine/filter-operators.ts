/**
 * The `$`-operators of the `$filter` notation: comparisons, arithmetic, functions, logical
 * operators, `$in`, lambdas, `$count`, `$raw` with bindings, `$duration`, `$` (property
 * reference) and `$fn` (bound function call).
 */
import {
  compileFilter,
  compileFilterEntries,
  compileFilterList,
  compileFilterTokens,
} from './filter.js';
import { compileRawFilter } from './filter-raw.js';
import {
  applyToPath,
  joinTokenGroups,
  type FilterScope,
  type FilterTokens,
} from './filter-tokens.js';
import { compileNavigationOptions } from './options.js';
import { escapeLiteral, escapeResourcePath, hasOwn, isObjectLike, isPrimitive } from './values.js';

/** Binary operators written infix (`a eq b`, `a add b`). */
const INFIX_OPERATORS = new Set([
  '$ne',
  '$eq',
  '$gt',
  '$ge',
  '$lt',
  '$le',
  '$add',
  '$sub',
  '$mul',
  '$div',
  '$mod',
]);

/** Functions written as calls (`contains(a,b)`, `now()`). */
const FUNCTION_OPERATORS = new Set([
  '$contains',
  '$endswith',
  '$startswith',
  '$length',
  '$indexof',
  '$substring',
  '$tolower',
  '$toupper',
  '$trim',
  '$concat',
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
  '$now',
  '$maxdatetime',
  '$mindatetime',
  '$totalseconds',
  '$round',
  '$floor',
  '$ceiling',
  '$isof',
  '$cast',
]);

const DURATION_TIME_PARTS = [
  ['hours', 'H'],
  ['minutes', 'M'],
  ['seconds', 'S'],
] as const;

/**
 * Compiles one `$`-operator entry of a filter object.
 *
 * @param operator - the key, e.g. `'$eq'` or `'$any'`.
 * @param value - the operator's operand(s).
 * @param path - the property path the operator applies to, if any.
 * @param scope - whether the compilation is inside a lambda.
 * @returns the compiled tokens.
 * @throws {Error} for an unknown operator or an operand of the wrong shape.
 * @example
 * compileFilterOperator('$gt', 5, ['id'], TOP_LEVEL_SCOPE); // ['id', ' gt ', '5']
 */
export function compileFilterOperator(
  operator: string,
  value: unknown,
  path: string[] | undefined,
  scope: FilterScope,
): FilterTokens {
  if (INFIX_OPERATORS.has(operator)) {
    return compileInfix(operator, value, path, scope);
  }
  if (FUNCTION_OPERATORS.has(operator)) {
    return compileFunctionCall(operator, value, path, scope);
  }
  switch (operator) {
    case '$duration':
      return applyToPath(compileDuration(operator, value), path);
    case '$raw':
      return compileRawFilter(operator, value, path, scope);
    case '$':
      return applyToPath(escapeResourcePath(value), path);
    case '$count':
      return compileCountOperand(value, path, scope);
    case '$and':
    case '$or':
      return applyToPath(
        compileFilterTokens(value, undefined, ` ${operator.slice(1)} `, scope),
        path,
      );
    case '$in':
      return compileIn(operator, value, path, scope);
    case '$not':
      return applyToPath(`not(${compileFilter(value, scope)})`, path);
    case '$any':
    case '$all':
      return compileLambda(operator, value, path);
    case '$fn':
      return compileMethodCall(operator, value, path);
    default:
      throw new Error(`Unrecognised operator: '${operator}'`);
  }
}

function compileInfix(
  operator: string,
  value: unknown,
  path: string[] | undefined,
  scope: FilterScope,
): FilterTokens {
  const infix = ` ${operator.slice(1)} `;
  if (isPrimitive(value)) {
    return applyToPath(escapeLiteral(value), path, infix);
  }
  if (Array.isArray(value)) {
    return applyToPath(joinTokenGroups(compileFilterList(value, undefined, 2, scope), infix), path);
  }
  if (isObjectLike(value)) {
    const groups = compileFilterEntries(value, undefined, scope);
    if (groups.length < 1) {
      throw new Error(
        `${operator} objects must have at least 1 property, got: ${JSON.stringify(value)}`,
      );
    }
    if (groups.length === 1) {
      return applyToPath(groups[0], path, infix);
    }
    return applyToPath(joinTokenGroups(groups, infix), path);
  }
  throw new Error(`Expected null/string/number/bool/obj/array, got: ${typeof value}`);
}

function compileFunctionCall(
  operator: string,
  value: unknown,
  path: string[] | undefined,
  scope: FilterScope,
): FilterTokens {
  const name = operator.slice(1);
  if (isPrimitive(value)) {
    // Array#join writes a null literal as an empty argument, which is what the oracle emits.
    const args: Array<string | number | boolean | null> = [];
    if (path != null) {
      args.push(escapeResourcePath(path));
    }
    args.push(escapeLiteral(value));
    return [`${name}(${args.join()})`];
  }
  let groups: FilterTokens[];
  if (Array.isArray(value)) {
    groups = compileFilterList(value, undefined, 2, scope);
  } else if (isObjectLike(value)) {
    groups = compileFilterEntries(value, undefined, scope);
  } else {
    throw new Error(`Expected null/string/number/obj/array, got: ${typeof value}`);
  }
  const args = groups.map((group) => group.join('')).join(',');
  return applyToPath(`${name}(${args})`, path);
}

function compileDuration(operator: string, value: unknown): string {
  if (!isObjectLike(value)) {
    throw new Error(`Expected type for ${operator}, got: ${typeof value}`);
  }
  const parts = value as Record<string, unknown>;
  let text = 'P';
  if (parts.days) {
    text += `${parts.days}D`;
  }
  let time = '';
  for (const [key, flag] of DURATION_TIME_PARTS) {
    if (parts[key]) {
      time += `${parts[key]}${flag}`;
    }
  }
  if (time.length > 0) {
    text += `T${time}`;
  }
  if (text.length <= 1) {
    throw new Error(`Expected ${operator} to include duration properties, got: ${typeof value}`);
  }
  if (parts.negative) {
    text = `-${text}`;
  }
  return `duration'${text}'`;
}

function compileCountOperand(
  value: unknown,
  path: string[] | undefined,
  scope: FilterScope,
): FilterTokens {
  // Only the operand form `{ nav: { $count: { $filter? } } }` is valid; the old comparison
  // form `{ nav: { $count: { $gt: 1 } } }` is rejected with a pointer to the new one.
  if (
    path != null &&
    isObjectLike(value) &&
    (Object.keys(value).length === 0 || hasOwn(value, '$filter'))
  ) {
    const prefix = path.slice(0, -1);
    const counted = compileNavigationOptions(
      '$filter',
      { $count: value },
      path[path.length - 1],
      scope,
    );
    return [[...prefix, counted].join('/')];
  }
  throw new Error(
    '`$filter: { a: { $count: { $op: number } } }` has been removed, please use `$filter: { $eq: [ { a: { $count: {} } }, number ] }` instead.',
  );
}

function compileIn(
  operator: string,
  value: unknown,
  path: string[] | undefined,
  scope: FilterScope,
): FilterTokens {
  if (isPrimitive(value)) {
    return applyToPath(escapeLiteral(value), path, ' eq ');
  }
  if (Array.isArray(value)) {
    if (value.every(isPrimitive)) {
      const list = joinTokenGroups(compileFilterList(value, undefined, 1, scope), ',').join('');
      return applyToPath(`(${list})`, path, ' in ');
    }
    return joinTokenGroups(compileFilterList(value, path, 1, scope), ' or ');
  }
  if (isObjectLike(value)) {
    const groups = compileFilterEntries(value, path, scope);
    if (groups.length < 1) {
      throw new Error(
        `${operator} objects must have at least 1 property, got: ${JSON.stringify(value)}`,
      );
    }
    return joinTokenGroups(groups, ' or ');
  }
  throw new Error(`Expected null/string/number/bool/obj/array, got: ${typeof value}`);
}

function compileLambda(operator: string, value: unknown, path: string[] | undefined): FilterTokens {
  const lambda = value as { $alias?: unknown; $expr?: unknown };
  if (lambda.$alias == null) {
    throw new Error(`Lambda expression (${operator}) has no alias defined.`);
  }
  if (lambda.$expr == null) {
    throw new Error(`Lambda expression (${operator}) has no expr defined.`);
  }
  const body = compileFilter(lambda.$expr, { inLambda: true });
  return applyToPath(`${operator.slice(1)}(${String(lambda.$alias)}:${body})`, path, '/');
}

function compileMethodCall(
  operator: string,
  value: unknown,
  path: string[] | undefined,
): FilterTokens {
  const call = value as { $scope?: unknown; $method?: unknown; $args?: unknown[] };
  if (typeof call.$scope !== 'string') {
    throw new Error(`Function expression (${operator}) $scope must be a string.`);
  }
  const scopeText = escapeResourcePath(call.$scope);
  if (typeof call.$method !== 'string') {
    throw new Error(`Function expression (${operator}) $method must be a string.`);
  }
  const method = escapeResourcePath(call.$method);
  const args = call.$args?.map((arg) => `${escapeLiteral(arg)}`) ?? [];
  return applyToPath(`${scopeText}.${method}(${args.join(',')})`, path, '/');
}
