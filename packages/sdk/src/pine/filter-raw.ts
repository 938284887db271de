/**
 * `$raw` filters: hand-written OData text, optionally with `$1`/`$name` placeholders bound to
 * compiled sub-filters (`['a eq $1', value]` or `{ $string: 'a eq $x', x: value }`).
 */
import { compileFilter } from './filter.js';
import { applyToPath, type FilterScope, type FilterTokens } from './filter-tokens.js';
import { isPrimitive, isObjectLike, ownEntries } from './values.js';

const BINDING_NAME = /^[a-zA-Z0-9]+$/;

/**
 * Compiles a `$raw` operand.
 *
 * @param operator - the operator key (used in error messages).
 * @param value - a string, a `[text, ...bindings]` array or a `{ $string, ...bindings }` object.
 * @param path - the property path the raw text is compared with, if any.
 * @param scope - whether the compilation is inside a lambda.
 * @returns the compiled tokens; the raw text is always parenthesised.
 * @throws {Error} when the text is not a string or a binding name is invalid.
 * @example
 * compileRawFilter('$raw', ['a eq $1', 5], undefined, TOP_LEVEL_SCOPE); // ['(a eq (5))']
 */
export function compileRawFilter(
  operator: string,
  value: unknown,
  path: string[] | undefined,
  scope: FilterScope,
): FilterTokens {
  if (typeof value === 'string') {
    return applyToPath(`(${value})`, path);
  }
  if (!isPrimitive(value)) {
    if (Array.isArray(value)) {
      const [text, ...bindings] = value as unknown[];
      if (typeof text !== 'string') {
        throw new Error(
          `First element of array for ${operator} must be a string, got: ${typeof text}`,
        );
      }
      const named: Record<string, unknown> = {};
      bindings.forEach((binding, index) => {
        named[index + 1] = binding;
      });
      return applyToPath(bindPlaceholders(text, named, scope), path);
    }
    if (isObjectLike(value)) {
      const { $string: text } = value as { $string?: unknown };
      if (typeof text !== 'string') {
        throw new Error(
          `$string element of object for ${operator} must be a string, got: ${typeof text}`,
        );
      }
      const named: Record<string, unknown> = {};
      for (const [name, binding] of ownEntries(value)) {
        if (name === '$string') {
          continue;
        }
        if (!BINDING_NAME.test(name)) {
          throw new Error(`${operator} param names must contain only [a-zA-Z0-9], got: ${name}`);
        }
        named[name] = binding;
      }
      return applyToPath(bindPlaceholders(text, named, scope), path);
    }
  }
  throw new Error(`Expected string/array/object for ${operator}, got: ${typeof value}`);
}

/** Replaces each `$name` placeholder (not followed by a letter or digit) with its compiled binding. */
function bindPlaceholders(
  text: string,
  bindings: Record<string, unknown>,
  scope: FilterScope,
): string {
  let bound = text;
  for (const [name, binding] of ownEntries(bindings)) {
    const compiled = `(${compileFilter(binding, scope)})`;
    const placeholder = new RegExp(`\\$${name}([^a-zA-Z0-9]|$)`, 'g');
    bound = bound.replace(placeholder, (_match, next: string) => `${compiled}${next}`);
  }
  return `(${bound})`;
}
