/**
 * Literal values and resource paths as they appear in an OData URL.
 *
 * Everything here is pure and synchronous: the compiler calls these helpers to turn a value from
 * a query object into the exact text the balena API (and pinejs-client-core) expects.
 */

/** A value that can be written as an OData literal. */
export type Primitive = null | string | number | boolean | Date;

/**
 * The text of a compiled literal. `null` is kept as `null` (not `'null'`) because some call
 * sites join literals with `Array.prototype.join`, which writes `null` as an empty string.
 */
export type EscapedLiteral = string | number | boolean | null;

const ENCODED_COUNT_SUFFIX = /(?:%2F|\/)%24count$/;

/** Whether the value is a `Date` (including one from another realm). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Whether the value is a non-null object (arrays, sets and dates included). */
export function isObjectLike(value: unknown): value is object {
  return value != null && typeof value === 'object';
}

/** Whether the value is a finite number. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Whether the value can be written as an OData literal. */
export function isPrimitive(value: unknown): value is Primitive {
  return (
    value === null ||
    typeof value === 'string' ||
    isFiniteNumber(value) ||
    typeof value === 'boolean' ||
    isDate(value)
  );
}

/**
 * Writes a value as an OData literal: strings quoted with `'` doubled and percent-encoded,
 * dates as `datetime'<ISO>'`, other primitives unchanged.
 *
 * @param value - the value to write.
 * @returns the literal text, or `null` for a null value.
 * @throws {Error} when the value is not a primitive (for example `undefined` or `NaN`).
 * @example
 * escapeLiteral("it's"); // "'it''s'"
 */
export function escapeLiteral(value: unknown): EscapedLiteral {
  if (typeof value === 'string') {
    return `'${encodeURIComponent(value.replace(/'/g, "''"))}'`;
  }
  if (isDate(value)) {
    return `datetime'${value.toISOString()}'`;
  }
  if (value === null || isFiniteNumber(value) || typeof value === 'boolean') {
    return value;
  }
  throw new Error(`Not a valid value: ${typeof value}`);
}

/**
 * Writes a resource name or a path of navigation segments, percent-encoding each segment and
 * keeping a trailing `/$count` readable.
 *
 * @param resource - a name, or an array of path segments.
 * @returns the encoded path.
 * @throws {Error} when the resource is neither a string nor an array.
 * @example
 * escapeResourcePath(['device', 'belongs_to__application']); // 'device/belongs_to__application'
 */
export function escapeResourcePath(resource: unknown): string {
  let encoded: string;
  if (typeof resource === 'string') {
    encoded = encodeURIComponent(resource);
  } else if (Array.isArray(resource)) {
    encoded = resource.map((segment: string) => encodeURIComponent(segment)).join('/');
  } else {
    throw new Error(`Not a valid resource: ${typeof resource}`);
  }
  return encoded.replace(ENCODED_COUNT_SUFFIX, '/$count');
}

/**
 * Writes a reference to a parameter alias (`@name`).
 *
 * @param name - the alias name.
 * @returns the reference text.
 * @throws {Error} when the name is not a string.
 * @example
 * escapeParameterAlias('uuid'); // '@uuid'
 */
export function escapeParameterAlias(name: unknown): string {
  if (typeof name !== 'string') {
    throw new Error(`Parameter alias reference must be a string, got: ${typeof name}`);
  }
  return `@${encodeURIComponent(name)}`;
}

/**
 * Lists an object's own enumerable entries in the engine's key order (integer-like keys first).
 *
 * @param value - any value; primitives yield their indexable characters as `Object.keys` does.
 * @returns the `[key, value]` pairs.
 * @throws {TypeError} when the value is `null` or `undefined`.
 * @example
 * ownEntries({ b: 1, a: 2 }); // [['b', 1], ['a', 2]]
 */
export function ownEntries(value: unknown): Array<[string, unknown]> {
  const record = value as Record<string, unknown>;
  return Object.keys(record).map((key) => [key, record[key]]);
}

/**
 * Whether the object has the property as its own (not inherited) key.
 *
 * @param value - the object.
 * @param key - the property name.
 * @returns true when present.
 * @throws {TypeError} when the value is `null` or `undefined`.
 * @example
 * hasOwn({ $count: {} }, '$count'); // true
 */
export function hasOwn(value: unknown, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}
