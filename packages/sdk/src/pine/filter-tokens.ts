/**
 * Token lists for `$filter` expressions.
 *
 * A compiled sub-expression is kept as a list of tokens (operands and operators such as `' and '`)
 * until the whole filter is joined. Keeping the tokens apart is what lets the compiler decide where
 * parentheses are needed, in exactly the places pinejs-client-core puts them.
 */
import { escapeResourcePath, type EscapedLiteral } from './values.js';

/** A compiled filter sub-expression, one token per operand or operator. */
export type FilterTokens = string[];

/** Separators a list of sub-expressions can be joined with. */
export type FilterSeparator = string;

const AND = ' and ';
const OR = ' or ';

/** Options that travel down the recursion of one `$filter` compilation. */
export interface FilterScope {
  /** Inside a lambda (`$any`/`$all`) expression, where `alias: { field: ... }` paths are allowed. */
  readonly inLambda: boolean;
}

/** The scope of a filter that is not inside any lambda. */
export const TOP_LEVEL_SCOPE: FilterScope = { inLambda: false };

/**
 * Joins sub-expressions with a separator, parenthesising the ones that need it.
 *
 * With `and`/`or`, a sub-expression is wrapped only when it contains the other logical operator
 * as a top-level token; with any other separator, every multi-token sub-expression is wrapped.
 *
 * @param groups - the compiled sub-expressions.
 * @param separator - the separator token, e.g. `' and '`, `','` or `' add '`.
 * @returns the joined tokens.
 * @throws {Error} never; listed for completeness of the compiler's contract.
 * @example
 * joinTokenGroups([['a', ' eq ', '1'], ['b', ' eq ', '2']], ' and '); // ['a',' eq ','1',' and ','b',' eq ','2']
 */
export function joinTokenGroups(groups: FilterTokens[], separator: FilterSeparator): FilterTokens {
  if (groups.length === 1) {
    return groups[0];
  }
  const isLogical = separator === AND || separator === OR;
  const otherLogical = separator === AND ? OR : AND;
  const joined: FilterTokens = [];
  groups.forEach((group, index) => {
    if (index > 0) {
      joined.push(separator);
    }
    if (isLogical) {
      if (group.includes(otherLogical)) {
        joined.push(`(${group.join('')})`);
      } else {
        joined.push(...group);
      }
    } else if (group.length > 1) {
      joined.push(`(${group.join('')})`);
    } else {
      joined.push(group[0]);
    }
  });
  return joined;
}

/**
 * Prefixes an operand with the navigation path it applies to and an operator (`eq` by default).
 *
 * @param operand - compiled tokens or a single compiled literal.
 * @param path - the property path the operand is compared with, if any.
 * @param operator - the operator token placed between path and operand.
 * @returns the resulting tokens.
 * @throws {Error} when the path cannot be encoded.
 * @example
 * applyToPath("'x'", ['name']); // ['name', ' eq ', "'x'"]
 */
export function applyToPath(
  operand: FilterTokens | EscapedLiteral,
  path: string[] | undefined,
  operator = ' eq ',
): FilterTokens {
  if (path == null) {
    return Array.isArray(operand) ? operand : [`${operand}`];
  }
  let text: string;
  if (Array.isArray(operand)) {
    text = operand.length === 1 ? operand[0] : `(${operand.join('')})`;
  } else {
    text = `${operand}`;
  }
  return [escapeResourcePath(path), operator, text];
}
