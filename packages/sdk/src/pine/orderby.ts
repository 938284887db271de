/**
 * The `$orderby` option: `'name asc'`, `['a asc', { b: 'desc' }]`, `{ a: 'asc' }`, or
 * `{ nav: { $count: { $filter? } }, $dir: 'desc' }` to order by a navigation's row count.
 */
import { compileNavigationOptions, NOTATION_EXAMPLES } from './options.js';
import { hasOwn, isObjectLike, ownEntries } from './values.js';

/**
 * Compiles an `$orderby` value.
 *
 * @param orderby - a string, a non-empty array of orderings, or a single-key object.
 * @returns the ordering text, comma-separated for arrays.
 * @throws {Error} when the value uses a removed or invalid notation or direction.
 * @example
 * compileOrderBy([{ device_name: 'asc' }, 'id desc']); // 'device_name asc,id desc'
 */
export function compileOrderBy(orderby: unknown): string {
  if (typeof orderby === 'string') {
    if (/\/\$count\b/.test(orderby)) {
      throw new Error(
        "`$orderby: 'a/$count'` has been removed, please use `$orderby: { a: { $count: {...} } }` instead.",
      );
    }
    return orderby;
  }
  if (Array.isArray(orderby)) {
    if (orderby.length === 0) {
      throw new Error(`'$orderby' arrays have to have at least 1 element`);
    }
    return orderby
      .map((entry: unknown) => {
        if (Array.isArray(entry)) {
          throw new Error(`'$orderby' cannot have nested arrays`);
        }
        return compileOrderBy(entry);
      })
      .join(',');
  }
  if (isObjectLike(orderby)) {
    return compileOrderByObject(orderby);
  }
  throw new Error(`'$orderby' option has to be either a string, array, or object`);
}

function compileOrderByObject(orderby: object): string {
  const { $dir: sharedDirection, ...properties } = orderby as Record<string, unknown>;
  const orderings = ownEntries(properties).map(([property, directionOrCount]) => {
    if (directionOrCount == null) {
      throw new Error(`Orderby object values must not be null, got null for ${property}`);
    }
    let path = property;
    let direction = sharedDirection;
    if (typeof directionOrCount === 'string') {
      direction = directionOrCount;
    } else {
      const keys = Object.keys(directionOrCount);
      if (!hasOwn(directionOrCount, '$count') || keys.length > 1) {
        throw new Error(
          `When using '${NOTATION_EXAMPLES.$orderby}' you can only specify $count, got: '${JSON.stringify(keys)}'`,
        );
      }
      path = compileNavigationOptions('$orderby', directionOrCount, property);
    }
    if (direction == null) {
      throw new Error(
        `'$orderby' objects should either use the '{ a: 'asc' }' or the ${NOTATION_EXAMPLES.$orderby} notation`,
      );
    }
    if (direction !== 'asc' && direction !== 'desc') {
      throw new Error(`'$orderby' direction must be 'asc' or 'desc'`);
    }
    return `${path} ${direction}`;
  });
  if (orderings.length !== 1) {
    throw new Error(
      `'$orderby' objects must have exactly one element, got ${orderings.length} elements`,
    );
  }
  return orderings[0];
}
